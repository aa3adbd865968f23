/** The `quiver` command's entry point (bin/quiver.js loads the compiled copy of this file). */
import { runCli } from './program';

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
