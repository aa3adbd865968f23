/**
 * The contract every kernel keeps (API.md §6): a new Float64Array of the input's length, or
 * `opts.out` filled and returned; inputs never changed; `opts.groups` accepted.
 */
import * as q from '../../src/columns';
import type { KernelOptions } from '../../src/columns';

const x = Float64Array.from([3, NaN, 1, 4, 1, 5, NaN, 9, 2, 6]);
const y = Float64Array.from([2, 7, 1, NaN, 8, 2, 8, 1, 8, 2]);
const t = Float64Array.from({ length: 10 }, (_, i) => Date.UTC(2015, 11, 25 + i * 3, i));
const groups = q.groupsOf(['a', 'a', 'a', 'b', 'b', 'b', 'b', 'c', 'd', 'd']);

const calls: Record<string, (o: KernelOptions) => Float64Array> = {
  rollingMean: (o) => q.rollingMean(x, 3, o), rollingSum: (o) => q.rollingSum(x, 3, o),
  rollingVar: (o) => q.rollingVar(x, 3, o), rollingStd: (o) => q.rollingStd(x, 3, o),
  rollingMin: (o) => q.rollingMin(x, 3, o), rollingMax: (o) => q.rollingMax(x, 3, o),
  expandingMean: (o) => q.expandingMean(x, o), expandingSum: (o) => q.expandingSum(x, o),
  expandingVar: (o) => q.expandingVar(x, o), expandingStd: (o) => q.expandingStd(x, o),
  expandingMin: (o) => q.expandingMin(x, o), expandingMax: (o) => q.expandingMax(x, o),
  ewmMean: (o) => q.ewmMean(x, { ...o, span: 3 }), shift: (o) => q.shift(x, -2, o), diff: (o) => q.diff(x, 1, o),
  pctChange: (o) => q.pctChange(x, 2, o), cumsum: (o) => q.cumsum(x, o), zscore: (o) => q.zscore(x, o),
  ffill: (o) => q.ffill(x, o), bfill: (o) => q.bfill(x, o), fillNaN: (o) => q.fillNaN(x, y, o),
  add: (o) => q.add(x, y, o), sub: (o) => q.sub(1, x, o), mul: (o) => q.mul(x, 2, o), div: (o) => q.div(x, y, o),
  abs: (o) => q.abs(x, o), log: (o) => q.log(x, o), exp: (o) => q.exp(x, o), clip: (o) => q.clip(x, 2, 5, o),
  where: (o) => q.where(y, x, 0, o), gt: (o) => q.gt(x, y, o), ge: (o) => q.ge(x, 3, o), lt: (o) => q.lt(x, y, o),
  le: (o) => q.le(2, x, o), eq: (o) => q.eq(x, 1, o), ne: (o) => q.ne(x, y, o),
  groupSum: (o) => q.groupSum(x, o.groups, o), groupMean: (o) => q.groupMean(x, o.groups, o),
  groupVar: (o) => q.groupVar(x, o.groups, o), groupStd: (o) => q.groupStd(x, o.groups, o),
  groupMin: (o) => q.groupMin(x, o.groups, o), groupMax: (o) => q.groupMax(x, o.groups, o),
  groupCount: (o) => q.groupCount(x, o.groups, o), groupFirst: (o) => q.groupFirst(x, o.groups, o),
  groupLast: (o) => q.groupLast(x, o.groups, o),
  dayOfWeek: (o) => q.dayOfWeek(t, o), isoWeek: (o) => q.isoWeek(t, o), isoYear: (o) => q.isoYear(t, o),
  month: (o) => q.month(t, o), quarter: (o) => q.quarter(t, o), dayOfYear: (o) => q.dayOfYear(t, o),
  dayOfMonth: (o) => q.dayOfMonth(t, o), year: (o) => q.year(t, o), isIn: (o) => q.isIn(t, ['2015-12-28'], o),
};

describe.each(Object.keys(calls))('%s', (name) => {
  const call = calls[name];
  const inputs = [x, y, t].map((a) => Array.from(a));

  it('returns a new Float64Array of the input length and leaves the inputs unchanged', () => {
    const r = call({});
    expect(r).toBeInstanceOf(Float64Array);
    expect(r.length).toBe(10);
    expect([x, y, t].map((a) => Array.from(a))).toEqual(inputs);
  });

  it('writes the same result into opts.out and returns it, with or without groups', () => {
    for (const opts of [{}, { groups }]) {
      const fresh = call(opts);
      const out = new Float64Array(10).fill(-12345);
      expect(call({ ...opts, out })).toBe(out);
      expect(Array.from(out)).toEqual(Array.from(fresh));
    }
  });
});
