/**
 * Two processes annotating the same article of one library at once, as fast as they can, for 10 s
 * (a minute with GLOSS_SOAK=1): every highlight and every edit either one acknowledged is on disk
 * afterwards, and the store validates. Uses the store's own write loop (tests/fixtures/store/).
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openAnnotationService } from '../../../core/store/annotation-service.js';
import { bundledWriteLoop } from '../../fixtures/store/bundle-write-loop.js';
import { tempDataDir } from '../store/helpers.js';

const SECONDS = process.env.GLOSS_SOAK === '1' ? 60 : 10;

interface Acknowledged {
  adds: string[];
  /** Highest acknowledged note revision per highlight this writer created. */
  edits: Map<string, number>;
}

function runFor(
  script: string,
  dir: string,
  label: string,
  revBase: number,
  ms: number,
): Promise<Acknowledged> {
  const child = spawn(process.execPath, [script, dir, 'shared', 'forever', label, 'edit-own'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GLOSS_REV_BASE: String(revBase) },
  });
  const acked: Acknowledged = { adds: [], edits: new Map() };
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    buffer += d.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      const [kind, id, rev] = line.split(' ');
      if (kind === 'add') acked.adds.push(id!);
      else if (kind === 'edit') acked.edits.set(id!, Math.max(acked.edits.get(id!) ?? 0, Number(rev)));
    }
  });
  const timer = setTimeout(() => child.kill('SIGTERM'), ms);
  return new Promise((resolve, reject) => {
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGTERM') reject(new Error(`writer ${label} stopped early (${code}): ${stderr}`));
      else resolve(acked);
    });
  });
}

describe('two processes on one library', () => {
  it(
    `lose no acknowledged change in ${SECONDS} s of concurrent adds and edits`,
    async () => {
      const dir = await tempDataDir();
      const script = await bundledWriteLoop();
      const [a, b] = await Promise.all([
        runFor(script, dir, 'a', 1_000_000, SECONDS * 1000),
        runFor(script, dir, 'b', 2_000_000, SECONDS * 1000),
      ]);
      const s = await openAnnotationService(dir, { watch: false });
      const stored = new Map((await s.list('shared')).map((x) => [x.id, x.note]));
      expect(s.problems()).toEqual([]);
      let lost = 0;
      for (const writer of [a, b]) {
        lost += writer.adds.filter((id) => !stored.has(id)).length;
        // Each writer edits only its own highlights (edit-own); the other never writes those notes.
        const own = new Set(writer.adds);
        for (const [id, rev] of writer.edits) {
          if (!own.has(id)) continue;
          const storedRev = Number(/^rev (\d+)$/.exec(stored.get(id) ?? '')?.[1] ?? -1);
          if (storedRev < rev) lost++;
        }
      }
      console.log(
        `two writers, ${SECONDS} s: ${a.adds.length} + ${b.adds.length} adds, ` +
          `${a.edits.size} + ${b.edits.size} edited highlights, ${lost} lost`,
      );
      expect(lost).toBe(0);
      // Both made progress (how much depends on the machine: a busy one starves the slower writer).
      expect(a.adds.length).toBeGreaterThan(0);
      expect(b.adds.length).toBeGreaterThan(0);
      await s.close();
    },
    (SECONDS + 30) * 1000,
  );
});
