/** Problems the store met and worked around, kept for the UI to show (one entry per file and kind). */

export interface StoreProblem {
  kind:
    | 'corrupt'
    | 'future-version'
    | 'lock-compromised'
    | 'read-only-folder'
    | 'relink-ambiguous'
    /** A colour that is not `#rrggbb` was replaced when the file was read. */
    | 'bad-colour'
    /** A sync tool's conflict copy in a writer folder (one writer id ran on two machines): merged. */
    | 'conflict-copy'
    /** Two coders changed the same field of a tag without seeing each other's change: one won. */
    | 'codebook-conflict'
    /** Another writer's file that does not parse (e.g. still arriving): skipped, retried, never changed. */
    | 'unreadable';
  /** Path of the file concerned. */
  file: string;
  articleId: string | null;
  /** What happened and what Gloss did, in words a user can act on. */
  message: string;
  /** Where a corrupt file was moved to. */
  movedTo: string | null;
  at: string;
}

export class ProblemLog {
  private readonly entries = new Map<string, StoreProblem>();

  add(problem: Omit<StoreProblem, 'at' | 'movedTo' | 'articleId'> & Partial<StoreProblem>): void {
    const full: StoreProblem = { articleId: null, movedTo: null, at: new Date().toISOString(), ...problem };
    this.entries.set(`${full.kind}:${full.file}`, full);
  }

  /** Forget a problem that no longer holds (e.g. a newer-version file was replaced). */
  clear(kind: StoreProblem['kind'], file: string): void {
    this.entries.delete(`${kind}:${file}`);
  }

  list(): StoreProblem[] {
    return [...this.entries.values()];
  }
}
