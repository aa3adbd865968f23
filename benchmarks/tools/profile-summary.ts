/**
 * Where the time goes in a `node --cpu-prof` profile: self time by area of quiver (executor,
 * kernels, graph build, Arrow table, GC, …) and the hottest functions.
 *
 *   node --expose-gc --cpu-prof --cpu-prof-dir=/tmp/prof dist/benchmarks/harness/child.js w1 --features 5000 --rows 10 --impl quiver --reps 10
 *   node dist/benchmarks/tools/profile-summary.js /tmp/prof/<file>.cpuprofile [top]
 */
import * as fs from 'fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Areas, first match wins; keyed on the script URL (or the pseudo-function for GC/idle). */
const AREAS: Array<[string, RegExp]> = [
  ['gc', /^\(garbage collector\)$/],
  ['idle', /^\((idle|program)\)$/],
  ['arrow table', /apache-arrow|adapters\/arrow/],
  ['kernels', /src\/columns/],
  ['executor', /src\/execution|src\/driver|src\/results/],
  ['graph build', /src\/graph|src\/builder|decorators\/|src\/metadata/],
  ['benchmark harness', /benchmarks\//],
  ['peers', /nodejs-polars|arquero|danfojs|tfjs/],
  ['node internals', /^node:|^$/],
];

/**
 * Self time (ms) per area and per function of a profile.
 *
 * @example
 * const { areas, functions } = summarize(JSON.parse(fs.readFileSync(file, 'utf8')));
 */
export function summarize(p: Profile): { totalMs: number; areas: Map<string, number>; functions: Map<string, number> } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const cf = byId.get(p.samples[i])!.callFrame;
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    const where = cf.url || cf.functionName;
    const area = AREAS.find(([, re]) => re.test(where))?.[0] ?? 'other';
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const fn = `${cf.functionName || '(anonymous)'} ${cf.url.replace(/^.*?\/(dist|node_modules)\//, '$1/')}:${cf.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  return { totalMs: total, areas, functions };
}

function print(title: string, m: Map<string, number>, total: number, top: number): void {
  console.log(title);
  for (const [k, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${ms.toFixed(1).padStart(10)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`);
  }
}

if (require.main === module) {
  const [file, top = '25'] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.js <file.cpuprofile> [top]');
  const { totalMs, areas, functions } = summarize(JSON.parse(fs.readFileSync(file, 'utf8')) as Profile);
  console.log(`total ${totalMs.toFixed(0)} ms of samples`);
  print('by area:', areas, totalMs, 20);
  print('hottest functions (self time):', functions, totalMs, Number(top));
}
