/**
 * `npm run demo`: the weather job (job.ts) from the command line.
 *
 *   npm run build && node dist/examples/weather/main.js [outDir] [cacheDir] [--no-isolation-check]
 *
 * `--no-isolation-check` leaves out buildTrainingFrame's entity-isolation check, to see what it costs.
 */
import { weatherJob } from './job';

const args = process.argv.slice(2);
const [outDir, cacheDir] = args.filter((a) => !a.startsWith('--'));
const unknown = args.filter((a) => a.startsWith('--') && a !== '--no-isolation-check');
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown[0]}. Usage: main.js [outDir] [cacheDir] [--no-isolation-check]`);
  process.exitCode = 2;
} else {
  weatherJob({ outDir, cacheDir, isolationCheck: !args.includes('--no-isolation-check') }).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
