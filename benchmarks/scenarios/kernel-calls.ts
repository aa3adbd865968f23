/**
 * What one kernel call costs on a small input, where the per-call work (option checks, `groups`
 * checks, the output's allocation, the per-entity driver) weighs as much as the loop: the
 * entity-isolation check calls every feature on 93–186 rows, W1's framework case on 10 (issues 11
 * and 16). Each kernel is called as a feature calls it, with a fresh option literal (`{ groups }`)
 * and no `out`, on `--sizes` rows split into two entities (one `Groups` object reused, as a run's
 * `groups` input is). `floor` is a hand loop with the same allocation (`new Float64Array(n)` and one
 * pass `out[i] = x[i] − x[i − 1]`); `mix` calls every kernel in turn, as a graph of many features
 * does (call sites see many kernels). Times are CPU ns per call, best of `--reps` batches.
 *
 *   npm run bench -- kernel-calls [--sizes 10,64,186] [--reps 15] [--calls 2000]
 */
import * as q from '../../src/columns';
import { numberFlag, stringFlag } from '../harness/args';
import { round } from '../harness/measure';
import type { Scenario } from '../harness/scenario';

type Call = (x: Float64Array, y: Float64Array, groups: q.Groups) => Float64Array;

const CASES: Readonly<Record<string, Call>> = {
  floor: (x) => {
    const out = new Float64Array(x.length);
    out[0] = NaN;
    for (let i = 1; i < x.length; i++) out[i] = x[i] - x[i - 1];
    return out;
  },
  rollingMean: (x, _y, groups) => q.rollingMean(x, 7, { groups }),
  'rollingMean/28': (x, _y, groups) => q.rollingMean(x, 28, { groups }),
  rollingSum: (x, _y, groups) => q.rollingSum(x, 7, { groups }),
  rollingStd: (x, _y, groups) => q.rollingStd(x, 7, { groups }),
  rollingMin: (x, _y, groups) => q.rollingMin(x, 7, { groups }),
  rollingMax: (x, _y, groups) => q.rollingMax(x, 7, { groups }),
  'rollingMean/minPeriods': (x, _y, groups) => q.rollingMean(x, 7, { groups, minPeriods: 1 }),
  shift: (x, _y, groups) => q.shift(x, 1, { groups }),
  diff: (x, _y, groups) => q.diff(x, 1, { groups }),
  pctChange: (x, _y, groups) => q.pctChange(x, 1, { groups }),
  ewmMean: (x, _y, groups) => q.ewmMean(x, { span: 10, groups }),
  'shift/no groups': (x) => q.shift(x, 1),
  'rollingMean/no groups': (x) => q.rollingMean(x, 7),
  sub: (x, y) => q.sub(x, y),
  'sub(x-scalar)': (x) => q.sub(x, 1),
  div: (x, y) => q.div(x, y),
  abs: (x) => q.abs(x),
  eq: (x, y) => q.eq(x, y),
  where: (x, y) => q.where(q.eq(y, 0), 0, x),
  groupMean: (x, _y, groups) => q.groupMean(x, groups),
};

function inputs(n: number) {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = Math.sin(i) * 10 + 20;
    y[i] = i % 5 === 0 ? 0 : Math.cos(i) + 2;
  }
  const keys = Array.from({ length: n }, (_, i) => (i < n >> 1 ? 'a' : 'b'));
  return { x, y, groups: q.groupsOf(keys) };
}

/** CPU ns per call of `calls` calls of `fn`. */
function batch(fn: () => unknown, calls: number): number {
  const t0 = process.cpuUsage();
  for (let i = 0; i < calls; i++) fn();
  const d = process.cpuUsage(t0);
  return ((d.user + d.system) * 1000) / calls;
}

const scenario: Scenario = {
  name: 'kernel-calls',
  description: 'per-call cost of the common kernels on 10–186 rows (option checks, groups, allocation)',
  async run(args) {
    const sizes = stringFlag(args, '--sizes', '10,64,186').split(',').map(Number);
    const reps = Math.max(1, numberFlag(args, '--reps', 15));
    const calls = Math.max(1, numberFlag(args, '--calls', 2000));
    const only = stringFlag(args, '--only', '');
    const names = Object.keys(CASES).filter((name) => only === '' || only.split(',').includes(name));
    const results: Record<string, Record<string, number>> = {};
    for (const n of sizes) {
      const { x, y, groups } = inputs(n);
      const fns = names.map((name) => () => CASES[name](x, y, groups));
      let k = 0;
      const mix = () => fns[k++ % fns.length]();
      for (const fn of [...fns, mix]) for (let i = 0; i < 5 * calls; i++) fn(); // optimized before timing
      (globalThis as { gc?: () => void }).gc?.();
      const best = new Array<number>(fns.length + 1).fill(Infinity);
      for (let r = 0; r < reps; r++) {
        [...fns, mix].forEach((fn, j) => { best[j] = Math.min(best[j], batch(fn, calls)); });
      }
      const row: Record<string, number> = {};
      names.forEach((name, j) => { row[name] = round(best[j], 0); });
      row.mix = round(best[fns.length], 0);
      results[`${n} rows`] = row;
    }
    return { scenario: 'kernel-calls', unit: 'CPU ns per call, best batch', reps, calls, ns_per_call: results };
  },
};

export default scenario;
