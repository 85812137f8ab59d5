/**
 * Worker thread of parse-pool.ts: reads and parses batches of article files with the same
 * functions the main thread uses, and posts back what the scan keeps of each: summary and quick
 * search text, or, for a cleaning job, the canonical cleaned text (index-article.ts).
 */
import { parentPort } from 'node:worker_threads';
import { packFiles } from './pack-texts.js';
import type { ParseJob, ParseReply } from './parse-pool.js';
import { parseForIndex, parseQuick } from './index-article.js';

const port = parentPort;
if (!port) throw new Error('parse-worker runs only as a worker thread');

port.on('message', (job: ParseJob) => {
  let reply: ParseReply;
  try {
    const files = job.files.map((file) =>
      job.clean ? parseForIndex(file.absPath, file) : parseQuick(file.absPath, file),
    );
    reply = { id: job.id, files: packFiles(files) };
  } catch (err) {
    // readArticleFileSync does not throw; if it ever does, the main thread redoes the batch.
    reply = { id: job.id, error: (err as Error)?.message ?? String(err) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies ParseReply);
