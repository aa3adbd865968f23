/**
 * A kernel's own time column (`rollingMean(x, '7D', { time })`, `month(t)`, …) in epoch seconds or
 * nanoseconds is refused as `buildTrainingFrame`'s is: numbers carry no unit, and seconds read as
 * milliseconds put every row in one '7D' window and every date in January 1970.
 */
import { InputError } from '../../src/errors';
import { dayOfWeek, month, rollingMean, rollingSum } from '../../src/columns';
import { timeColumn } from '../../src/timeseries/time';

const DAY_S = 86400;
const seconds = Float64Array.from({ length: 10 }, (_, i) => 1700000000 + i * DAY_S);
const x = Float64Array.from({ length: 10 }, (_, i) => i + 1);

test('an offset window over epoch seconds is an InputError naming the kernel and the fix', () => {
  expect(() => rollingSum(x, '7D', { time: seconds })).toThrow(InputError);
  expect(() => rollingSum(x, '7D', { time: seconds })).toThrow(
    'rollingSum: the time column holds numbers from 1700000000 to 1700777600, which as epoch milliseconds',
  );
  expect(() => rollingSum(x, '7D', { time: seconds })).toThrow('they look like epoch seconds. Multiply them by 1000');
  // in milliseconds the same days give 7-day sums, as pandas' rolling('7D')
  const ms = seconds.map((s) => s * 1000);
  expect(Array.from(rollingSum(x, '7D', { time: ms }))).toEqual([1, 3, 6, 10, 15, 21, 28, 35, 42, 49]);
});

test('calendar kernels refuse nanoseconds and seconds too; milliseconds and Arrow-free Dates pass', () => {
  const nanos = seconds.map((s) => s * 1e9);
  expect(() => month(nanos)).toThrow('month: the time column');
  expect(() => month(nanos)).toThrow('beyond the year 9999: it looks like epoch microseconds');
  expect(() => dayOfWeek(seconds)).toThrow('look like epoch seconds');
  expect(Array.from(month(seconds.map((s) => s * 1000)))).toEqual(new Array(10).fill(11));
});

test('early-1970 times given as Dates stay allowed once timeColumn made them milliseconds', () => {
  const dates = Array.from({ length: 5 }, (_, i) => new Date(Date.UTC(1970, 1, 1 + i)));
  const ms = timeColumn(dates, 'day');
  expect(ms[0]).toBe(31 * 86400000); // 1970-02-01: in the range epoch seconds fall in
  expect(Array.from(rollingMean(Float64Array.of(1, 2, 3, 4, 5), '2D', { time: ms }))).toEqual([1, 1.5, 2.5, 3.5, 4.5]);
  // the same numbers typed in are refused: they look like seconds
  expect(() => rollingMean(Float64Array.of(1, 2, 3, 4, 5), '2D', { time: Float64Array.from(ms) })).toThrow(InputError);
});
