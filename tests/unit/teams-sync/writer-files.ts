/**
 * Test helpers for sharing a library between coders at the file level: a small library of articles
 * copied from the fixtures, and a writer that writes files laid out as Gloss's writer folders
 * (`.gloss/coders/<writerId>/annotations/<article>.json`, `.gloss/coders/<writerId>/codebook.json`)
 * with Gloss's durable write (temp file, fsync, rename), remembering what it wrote last so a test
 * can check every copy ends with all of it.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { writeFileDurable } from '../../../core/files/durable-write.js';

const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'pre-teams-library');

/** The three articles of the pre-teams fixture (no `.gloss`), as a fresh library in `dir`. */
export function makeLibrary(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const entry of ['health.txt', 'trade.txt', 'news'])
    cpSync(join(FIXTURE, entry), join(dir, entry), { recursive: true, preserveTimestamps: true });
  return dir;
}

/** Every file under `dir` (relative, `/`-separated, sorted), leaving out the sync tool's own files. */
export function listFiles(dir: string, skip: (path: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      const rel = relative(dir, full).split(sep).join('/');
      if (skip(rel)) continue;
      if (entry.isDirectory()) walk(full);
      else out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}

/** Path → content of every file `listFiles` finds. */
export function snapshot(dir: string, skip?: (path: string) => boolean): Map<string, string> {
  return new Map(listFiles(dir, skip).map((rel) => [rel, readFileSync(join(dir, rel), 'utf8')]));
}

/** Files a sync tool leaves when two machines wrote one file, or while it transfers one. */
export const isSyncLeftover = (path: string) =>
  /\.sync-conflict-|conflicted copy|~syncthing~|\.syncthing\.|\(\d+\)\.json$/.test(path);

export const ARTICLES = ['p-health', 'p-trade', 'p-rcep'];
/** The article ids in turn, for round `index`. */
export const articleAt = (index: number): string => ARTICLES[index % ARTICLES.length] ?? 'p-health';

/** One Gloss writer (coder + installation) writing only its own folder in one copy of the library. */
export class WriterFiles {
  /** `.gloss/...` path → last content written, for the union check. */
  readonly written = new Map<string, string>();
  private readonly highlights = new Map<string, object[]>();
  private readonly tags: Record<string, object> = {};
  private counter = 0;

  constructor(
    readonly library: string,
    readonly writerId: string,
  ) {}

  get folder(): string {
    return `.gloss/coders/${this.writerId}`;
  }

  /** Adds one highlight to the article's file and rewrites the whole file, as Gloss does. */
  async addHighlight(articleId: string): Promise<void> {
    this.counter += 1;
    const now = new Date(Date.UTC(2026, 0, 1, 0, 0, this.counter)).toISOString();
    const list = this.highlights.get(articleId) ?? [];
    list.push({
      id: `${this.writerId}-h${this.counter}`,
      articleId,
      quote: { type: 'TextQuoteSelector', exact: `引文 ${this.counter}`, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: this.counter, end: this.counter + 4 },
      tagIds: [`${this.writerId}-t${this.counter}`],
      note: `${this.writerId} 的笔记 ${this.counter}`,
      color: null,
      creator: this.writerId.split('.')[0],
      creatorId: this.writerId.split('.')[0],
      created: now,
      modified: now,
    });
    this.highlights.set(articleId, list);
    await this.write(`annotations/${articleId}.json`, {
      schemaVersion: 1,
      articleId,
      path: null,
      fingerprint: null,
      memo: `memo of ${this.writerId}`,
      annotations: list,
    });
  }

  /** Adds a tag to this writer's codebook file (stamped as the design describes). */
  async addTag(): Promise<void> {
    this.counter += 1;
    const stamp = `${String(1_767_225_600_000 + this.counter).padStart(15, '0')}:0000:${this.writerId}`;
    this.tags[`${this.writerId}-t${this.counter}`] = {
      created: stamp,
      fields: { name: { value: `标签 ${this.counter}`, stamp, seen: null } },
    };
    await this.write('codebook.json', { schemaVersion: 1, writerId: this.writerId, tags: this.tags });
  }

  /** A lock and a cache file: machine-local, must never reach another copy. */
  writeLocalFiles(): string[] {
    const files = [`.gloss/locks/${this.writerId}.lock`, `.gloss/cache/${this.writerId}.cache`];
    for (const file of files) {
      mkdirSync(join(this.library, file, '..'), { recursive: true });
      writeFileSync(join(this.library, file), `local to ${this.writerId}`);
    }
    return files;
  }

  private async write(name: string, data: object): Promise<void> {
    const rel = `${this.folder}/${name}`;
    const text = JSON.stringify(data, null, 2) + '\n';
    mkdirSync(join(this.library, rel, '..'), { recursive: true });
    await writeFileDurable(join(this.library, rel), text);
    this.written.set(rel, text);
  }
}
