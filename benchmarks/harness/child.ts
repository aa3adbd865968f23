/**
 * Child-process entry: `node --expose-gc child.js <scenario> [args…]` runs one scenario and prints
 * its result as one JSON line on stdout (progress goes to stderr). Each scenario gets its own
 * process so its peak RSS is its own.
 */
import { loadScenario } from './scenario';
import { peakRssMb } from './measure';

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  if (!name) throw new Error('usage: child.js <scenario> [args…]');
  const scenario = loadScenario(name);
  const result = await scenario.run(args);
  const line = { scenario: scenario.name, args, ...result, process_peak_rss_mb: Math.round(peakRssMb()) };
  process.stdout.write(JSON.stringify(line) + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  const [scenario, ...args] = process.argv.slice(2);
  process.stdout.write(JSON.stringify({ scenario, args, error: err instanceof Error ? err.message : String(err) }) + '\n');
  process.exit(1);
});
