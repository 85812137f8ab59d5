/** Entry point of the built `gloss` command (dist/cli/index.js). */
import { main } from './main.js';

main(process.argv.slice(2)).then((code) => {
  // A long-running command (serve) keeps the process alive itself; others end here.
  if (code !== 0) process.exit(code);
});
