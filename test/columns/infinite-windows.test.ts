/**
 * ±Infinity in row windows, expanding windows and ewm, against pandas 1.5: pandas' rolling, expanding
 * and ewm read ±Infinity as a missing value (NaN: skipped, not counted) before they aggregate
 * (`_prep_values`), so `pd.Series([1, inf, 2, 3]).rolling(2, min_periods=1).sum()` is [1, 1, 2, 5].
 * Fixture: test/fixtures/pandas/generate.py (`row_windows_infinite`): four entities of 300, 40, 1
 * and 12 rows with NaN, +Infinity and -Infinity, one entity all Infinity but one value. Windows 2–8
 * take the direct sums, 9 and 28 the block split, minPeriods 1 the running Kahan sum.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  ewmMean, expandingMax, expandingMean, expandingMin, expandingStd, expandingSum, expandingVar, groupsOf,
  rollingMax, rollingMean, rollingMin, rollingStd, rollingSum, rollingVar, type WindowOptions,
} from '../../src/columns';
import { expectClose } from './helpers';

type Rolling = (x: Float64Array, window: number, opts?: WindowOptions) => Float64Array;
type Expanding = (x: Float64Array, opts?: WindowOptions) => Float64Array;
const rolling: Record<string, Rolling> = {
  mean: rollingMean, sum: rollingSum, var: rollingVar, std: rollingStd, min: rollingMin, max: rollingMax,
};
const expanding: Record<string, Expanding> = {
  mean: expandingMean, sum: expandingSum, var: expandingVar, std: expandingStd, min: expandingMin, max: expandingMax,
};

type Values = (number | string | null)[];
interface Oracle {
  entity: string[];
  x: Values;
  rolling: { stat: string; window: number; minPeriods: number; expected: Values }[];
  expanding: { stat: string; minPeriods: number; expected: Values }[];
  ewm: { span: number; adjust: boolean; minPeriods: number; expected: Values }[];
}
const file = path.join(__dirname, '../fixtures/pandas/row-windows-infinite.json');
const oracle = JSON.parse(fs.readFileSync(file, 'utf8')) as Oracle;
/** null is NaN; "Infinity" / "-Infinity" are ±Infinity (JSON has neither). */
const nan = (values: Values) => Float64Array.from(values, (v) => (v === null ? NaN : Number(v)));
const x = nan(oracle.x);
const groups = groupsOf(oracle.entity);

describe('±Infinity is a missing value in windows, as in pandas 1.5', () => {
  it('the fixture holds both infinities, NaN, and results pandas computed past them', () => {
    expect(x.some((v) => v === Infinity)).toBe(true);
    expect(x.some((v) => v === -Infinity)).toBe(true);
    expect(x.some((v) => Number.isNaN(v))).toBe(true);
    const sum5 = oracle.rolling.find((c) => c.stat === 'sum' && c.window === 5 && c.minPeriods === 1)!;
    expect(nan(sum5.expected).every((v) => Number.isFinite(v) || Number.isNaN(v))).toBe(true);
  });

  it('the example of the docs: [1, Infinity, 2, 3]', () => {
    const v = Float64Array.of(1, Infinity, 2, 3);
    expect(Array.from(rollingSum(v, 2, { minPeriods: 1 }))).toEqual([1, 1, 2, 5]);
    expect(Array.from(rollingMax(v, 2, { minPeriods: 1 }))).toEqual([1, 1, 2, 3]);
    expect(Array.from(expandingSum(v))).toEqual([1, 1, 3, 6]);
    expectClose(ewmMean(v, { span: 2 }), Float64Array.of(1, 1, 1.9, 2.7027027027027026), 1e-12);
  });

  it.each(oracle.rolling.map((c) => [`rolling ${c.stat} ${c.window} minPeriods ${c.minPeriods}`, c] as const))(
    '%s', (_, c) => {
      expectClose(rolling[c.stat](x, c.window, { groups, minPeriods: c.minPeriods }), nan(c.expected), 1e-9);
    },
  );

  it.each(oracle.expanding.map((c) => [`expanding ${c.stat} minPeriods ${c.minPeriods}`, c] as const))(
    '%s', (_, c) => {
      expectClose(expanding[c.stat](x, { groups, minPeriods: c.minPeriods }), nan(c.expected), 1e-9);
    },
  );

  it.each(oracle.ewm.map((c) => [`ewm span ${c.span} adjust ${c.adjust} minPeriods ${c.minPeriods}`, c] as const))(
    '%s', (_, c) => {
      const got = ewmMean(x, { span: c.span, adjust: c.adjust, minPeriods: c.minPeriods, groups });
      expectClose(got, nan(c.expected), 1e-9);
    },
  );
});
