/**
 * ±Infinity in row windows, expanding windows, ewm and the aggregates, against pandas 1.5
 * (test/fixtures/pandas/generate.py, `infinite_rows`): two entities of integers with NaN, +inf and −inf.
 * pandas' rolling, expanding and ewm read ±Infinity as NaN (skipped, not counted), so a rolling mean
 * is finite again once the infinity has left the window; the aggregates keep it (a sum with +inf is
 * +inf, with both infinities NaN; a variance with an infinity NaN).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as k from '../../src/columns';
import { expectClose, f64 } from './helpers';

interface Case {
  kind: 'rolling' | 'expanding' | 'ewm' | 'group' | 'scalar';
  stat?: string; window?: number; minPeriods?: number | null;
  span?: number; alpha?: number; adjust?: boolean;
  expected: (number | string | null)[];
}
const oracle = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/pandas/infinite-rows.json'), 'utf8')) as
  { entity: string[]; x: (number | string | null)[]; cases: Case[] };
/** null is NaN; "Infinity" / "-Infinity" are ±Infinity (JSON has neither). */
const nan = (values: (number | string | null)[]) => Float64Array.from(values, (v) => (v === null ? NaN : Number(v)));
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const fn = (name: string) => (k as unknown as Record<string, (...args: unknown[]) => Float64Array & number>)[name];
const SCALAR: Record<string, string> = { var: 'variance' };

const x = nan(oracle.x);
const groups = k.groupsOf(oracle.entity);

function compute(c: Case): Float64Array {
  const mp = c.minPeriods === null || c.minPeriods === undefined ? {} : { minPeriods: c.minPeriods };
  switch (c.kind) {
    case 'rolling': return fn(`rolling${cap(c.stat!)}`)(x, c.window, { groups, ...mp });
    case 'expanding': return fn(`expanding${cap(c.stat!)}`)(x, { groups, ...mp });
    case 'ewm': {
      const decay = c.span !== undefined ? { span: c.span } : { alpha: c.alpha };
      return k.ewmMean(x, { ...decay, adjust: c.adjust, minPeriods: c.minPeriods ?? 0, groups });
    }
    case 'group': return fn(`group${cap(c.stat!)}`)(x, groups);
    case 'scalar': return f64(fn(SCALAR[c.stat!] ?? c.stat!)(x));
  }
}

describe('±Infinity matches pandas 1.5', () => {
  it('the fixture holds both infinities, in both entities', () => {
    for (const e of ['p', 'q']) {
      const own = Array.from(x).filter((_, i) => oracle.entity[i] === e);
      expect(own).toContain(Infinity);
      expect(own.some((v) => Number.isNaN(v))).toBe(true);
    }
    expect(Array.from(x)).toContain(-Infinity);
  });

  const label = (c: Case) => [c.kind, c.stat, c.window, c.span && `span ${c.span}`, c.alpha && `alpha ${c.alpha}`,
    c.adjust !== undefined && `adjust ${c.adjust}`, c.minPeriods !== undefined && `minPeriods ${c.minPeriods}`]
    .filter((p) => p !== undefined && p !== false).join(' ');
  it.each(oracle.cases.map((c) => [label(c), c] as const))('%s', (_, c) => {
    expectClose(compute(c), nan(c.expected), 1e-9);
  });

  it('a rolling mean is finite again once the infinity has left its window (pandas: NaN, 1.5, NaN, NaN, 3.5)', () => {
    const y = f64(1, 2, Infinity, 3, 4, 5, 6);
    for (const mean of [k.rollingMean(y, 2), k.rollingMean(y, 2, { minPeriods: 2 })]) {
      expectClose(mean, [NaN, 1.5, NaN, NaN, 3.5, 4.5, 5.5]);
    }
    expectClose(k.rollingMean(y, 2, { minPeriods: 1 }), [1, 1.5, 2, 3, 3.5, 4.5, 5.5]);
  });
});
