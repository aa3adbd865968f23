/**
 * One cold `quiver run` for the partitions benchmark: `node cli-child.js <quiver run args…>` runs
 * the command in this fresh process and prints `{ code, wall_ms, max_rss_mb }` as one JSON line
 * (the command's own output is dropped; its errors go to stderr).
 */
import { runCli } from '../../cli/program';

const began = performance.now();
const io = { out: () => undefined, err: (text: string) => process.stderr.write(`${text}\n`) };
runCli(process.argv.slice(2), io).then((code) => {
  const wall = Math.round(performance.now() - began);
  const line = { code, wall_ms: wall, max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  process.exitCode = code;
});
