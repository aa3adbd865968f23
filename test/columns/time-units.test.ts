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

test('an offset window or a calendar kernel over Excel serial day numbers is an InputError with the conversion', () => {
  const serials = Float64Array.from({ length: 10 }, (_, i) => 45292 + i); // 2024-01-01 … 2024-01-10 in Excel
  // read as ms, all ten rows were inside one '7D' window (sums 1, 3, …, 55) and every day January 1st 1970
  expect(() => rollingSum(x, '7D', { time: serials })).toThrow(InputError);
  expect(() => rollingSum(x, '7D', { time: serials })).toThrow(
    'rollingSum: the time column holds numbers from 45292 to 45301, which as epoch milliseconds',
  );
  expect(() => month(serials)).toThrow(
    'look like Excel serial day numbers (days since 1899-12-30, 2024-01-01 to 2024-01-10)',
  );
  expect(() => dayOfWeek(serials)).toThrow('ms = (serial - 25569) * 86400000');
  // converted as the message says: 7-day sums and January
  const ms = serials.map((s) => (s - 25569) * 86400000);
  expect(Array.from(rollingSum(x, '7D', { time: ms }))).toEqual([1, 3, 6, 10, 15, 21, 28, 35, 42, 49]);
  expect(Array.from(month(ms))).toEqual(new Array(10).fill(1));
  // step counts as a clock are still allowed: '3ms' over 0, 1, 2, … is the last three rows
  const steps = Float64Array.from({ length: 10 }, (_, i) => i);
  expect(Array.from(rollingSum(x, '3ms', { time: steps }))).toEqual([1, 3, 6, 9, 12, 15, 18, 21, 24, 27]);
});
