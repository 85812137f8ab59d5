// Entry point of bench child processes, built by measure.ts (buildChild) and run as
// `node child.js <task> <json-args>`; prints `RESULT <json>` (and optionally `PROGRESS <json>` lines)
// on stdout. Tasks load lazily so a child only pays for the modules it needs (jsdom is slow to load).

const tasks: Record<string, () => Promise<(args: never) => unknown>> = {
  floor: async () => (await import('./cases/open.js')).floorTask,
  open: async () => (await import('./cases/open.js')).openTask,
  clean: async () => (await import('./cases/clean.js')).cleanTask,
  export: async () => (await import('./cases/export.js')).exportTask,
};

const [task, json] = process.argv.slice(2);
const load = task ? tasks[task] : undefined;
if (!load) {
  console.error(`unknown bench task: ${task}`);
  process.exit(2);
}
const fn = await load();
const result = await fn(JSON.parse(json ?? '{}') as never);
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
process.exit(0);
