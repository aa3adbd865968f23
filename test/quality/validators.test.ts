/**
 * Every @checkOutput validator on passing and failing data: NaN, empty, all-NaN, wrong type,
 * single values, typed arrays, Arrow Vectors and tables. Expected messages are worked out by hand
 * from the data in each row.
 */
import {
  Bool, DateDay, Float64, Int32, Int64, Table, TimestampMillisecond, Utf8, tableFromArrays, vectorFromArray,
} from 'apache-arrow';
import { normalizeCheckOptions, validatorsFromOptions, type CheckOutputOptions } from '../../src/quality';

/** The one validator made from `options` (which name one check), run on `value`. */
function check(options: CheckOutputOptions, value: unknown) {
  const validators = validatorsFromOptions(normalizeCheckOptions(options, 'T.x'));
  expect(validators).toHaveLength(1);
  return validators[0].validate(value);
}

const f64 = (...xs: number[]) => Float64Array.from(xs);
const table = tableFromArrays({ price: f64(1, 2) });
const TABLE_HINT = "; to check some of its columns, name them with the target option, e.g. target: ['price']";

type Row = [string, CheckOutputOptions, unknown, boolean, string];

const rows: Row[] = [
  // range
  ['range: inside, NaN ignored', { range: [-5, 5] }, f64(1, -5, 5, NaN), true, 'all 3 non-missing values within [-5, 5] (1 missing ignored); observed min -5, max 5'],
  ['range: outside', { range: [-5, 5] }, f64(0, 7.25, NaN, -6, 1, 9, 10, 11), false, '5 of 8 values (62.5%) outside [-5, 5]; first at rows 1, 3, 5; observed min -6, max 11'],
  ['range: one outside', { range: [0, 1] }, [0.5, null, 2], false, '1 of 3 values (33.3%) outside [0, 1]; at row 2; observed min 0.5, max 2'],
  ['range: empty', { range: [-5, 5] }, f64(), true, 'no values to check (empty column)'],
  ['range: all NaN', { range: [-5, 5] }, f64(NaN, NaN), true, 'all 2 values are missing; range ignores missing values'],
  ['range: strings', { range: [-5, 5] }, ['a', 'b'], false, 'range needs numbers (a numeric column or a single number), but got a JS array whose row 0 holds the string "a"'],
  ['range: scalar outside', { range: [-5, 5] }, 7.2, false, 'value 7.2 is outside [-5, 5]'],
  ['range: scalar inside', { range: [-5, 5] }, 3, true, 'value 3 is within [-5, 5]'],
  ['range: scalar NaN', { range: [-5, 5] }, NaN, true, 'the value is missing (NaN); range ignores missing values'],
  ['range: scalar string', { range: [-5, 5] }, 'x', false, 'range needs numbers (a numeric column or a single number), but got the string "x"'],
  ['range: Int32Array', { range: [1, 3] }, Int32Array.of(1, 2, 3), true, 'all 3 values within [1, 3]; observed min 1, max 3'],
  ['range: BigInt64Array', { range: [0, 5] }, BigInt64Array.of(1n, 10n), false, '1 of 2 values (50%) outside [0, 5]; at row 1; observed min 1, max 10'],
  ['range: open end', { range: [0, Infinity] }, f64(0, 1e300), true, 'all 2 values within [0, Infinity]; observed min 0, max 1e+300'],
  ['range: Int32 vector with null', { range: [-5, 5] }, vectorFromArray([1, null, 9], new Int32()), false, '1 of 3 values (33.3%) outside [-5, 5]; at row 2; observed min 1, max 9'],
  ['range: utf8 vector', { range: [-5, 5] }, vectorFromArray(['a', 'b'], new Utf8()), false, 'range needs numbers (a numeric column or a single number), but got Arrow Vector<Utf8> of 2 values'],
  ['range: timestamps as epoch ms', { range: [0, 1000] }, vectorFromArray([new Date(0), new Date(2000)], new TimestampMillisecond()), false, '1 of 2 values (50%) outside [0, 1,000]; at row 1; observed min 0, max 2,000'],
  ['range: table', { range: [-5, 5] }, table, false, `range needs numbers (a numeric column or a single number), but got Arrow Table with 1 column and 2 rows${TABLE_HINT}`],

  // allowNaNs
  ['allowNaNs: none missing', { allowNaNs: false }, f64(1, 2), true, 'no missing values among 2'],
  ['allowNaNs: NaN', { allowNaNs: false }, f64(1, NaN, 3, NaN), false, '2 of 4 values (50%) are missing (NaN, null or undefined); at rows 1, 3'],
  ['allowNaNs: all NaN', { allowNaNs: false }, f64(NaN, NaN, NaN, NaN), false, '4 of 4 values (100%) are missing (NaN, null or undefined); first at rows 0, 1, 2'],
  ['allowNaNs: null and undefined', { allowNaNs: false }, [null, 'a', undefined], false, '2 of 3 values (66.7%) are missing (NaN, null or undefined); at rows 0, 2'],
  ['allowNaNs: empty', { allowNaNs: false }, [], true, 'no values to check (empty column)'],
  ['allowNaNs: integers', { allowNaNs: false }, Int32Array.of(1, 2, 3), true, 'no missing values among 3'],
  ['allowNaNs: Float32Array', { allowNaNs: false }, Float32Array.of(1, NaN), false, '1 of 2 values (50%) are missing (NaN, null or undefined); at row 1'],
  ['allowNaNs: float vector null and NaN', { allowNaNs: false }, vectorFromArray([1, null, NaN], new Float64()), false, '2 of 3 values (66.7%) are missing (NaN, null or undefined); at rows 1, 2'],
  ['allowNaNs: utf8 vector null', { allowNaNs: false }, vectorFromArray(['a', null], new Utf8()), false, '1 of 2 values (50%) are missing (NaN, null or undefined); at row 1'],
  ['allowNaNs: scalar NaN', { allowNaNs: false }, NaN, false, 'the value is missing (NaN)'],
  ['allowNaNs: scalar null', { allowNaNs: false }, null, false, 'the value is missing (null)'],
  ['allowNaNs: scalar', { allowNaNs: false }, 1, true, 'the value is not missing'],
  ['allowNaNs: true reports', { allowNaNs: true }, f64(1, NaN), true, '1 of 2 values (50%) are missing, which allowNaNs: true allows; at row 1'],
  ['allowNaNs: table', { allowNaNs: false }, { a: [1] }, false, `allowNaNs needs a column or a single value, but got record of 1 column${TABLE_HINT}`],

  // maxFractionNaNs
  ['maxFractionNaNs: at the limit', { maxFractionNaNs: 0.25 }, f64(1, NaN, 3, 4), true, '1 of 4 values (25%) are missing; at most 25% allowed'],
  ['maxFractionNaNs: above', { maxFractionNaNs: 0.25 }, f64(NaN, NaN, 3, 4), false, '2 of 4 values (50%) are missing, more than the 25% allowed; at rows 0, 1'],
  ['maxFractionNaNs: empty', { maxFractionNaNs: 0 }, f64(), true, 'no values to check (empty column)'],
  ['maxFractionNaNs: all NaN', { maxFractionNaNs: 0.5 }, f64(NaN, NaN), false, '2 of 2 values (100%) are missing, more than the 50% allowed; at rows 0, 1'],
  ['maxFractionNaNs: strings', { maxFractionNaNs: 0.5 }, ['a', null, null], false, '2 of 3 values (66.7%) are missing, more than the 50% allowed; at rows 1, 2'],
  ['maxFractionNaNs: scalar', { maxFractionNaNs: 0.5 }, 3, false, 'maxFractionNaNs needs a column, but got the number 3'],

  // dataType
  ['dataType: float64', { dataType: 'float64' }, f64(1, 2), true, 'float64 as expected (Float64Array of 2 values)'],
  ['dataType: int32 is not float64', { dataType: 'float64' }, Int32Array.of(1, 2), false, 'expected float64, got int32 (Int32Array of 2 values)'],
  ['dataType: JS numbers', { dataType: 'float64' }, [1, 2.5, null], true, 'float64 as expected (JS array of 3 values)'],
  ['dataType: JS mixed', { dataType: 'float64' }, ['a', 1], false, 'expected float64, got mixed (utf8, float64) (JS array of 2 values)'],
  ['dataType: JS empty', { dataType: 'float64' }, [], true, 'no non-missing values to take a type from (JS array of 0 values); float64 not contradicted'],
  ['dataType: JS all NaN is numbers', { dataType: 'utf8' }, [NaN, NaN], false, 'expected utf8, got float64 (JS array of 2 values)'],
  ['dataType: empty typed', { dataType: 'float64' }, f64(), true, 'float64 as expected (Float64Array of 0 values)'],
  ['dataType: scalar number', { dataType: 'float64' }, 1, true, 'float64 as expected (the number 1)'],
  ['dataType: scalar string', { dataType: 'float64' }, 'x', false, 'expected float64, got utf8 (the string "x")'],
  ['dataType: scalar bigint', { dataType: 'int64' }, 5n, true, 'int64 as expected (the bigint 5n)'],
  ['dataType: scalar null', { dataType: 'float64' }, null, false, 'expected float64, but the value is null'],
  ['dataType: table', { dataType: 'float64' }, table, false, `dataType needs a column or a single value (use schema for a table), but got Arrow Table with 1 column and 2 rows${TABLE_HINT}`],

  // valuesIn
  ['valuesIn: all in', { valuesIn: ['a', 'b'] }, ['a', 'b', null, 'a'], true, 'all 3 non-missing values are in ["a", "b"] (1 missing ignored)'],
  ['valuesIn: some out', { valuesIn: ['a', 'b'] }, ['a', 'c', 'd', 'c', 'e'], false, '4 of 5 values (80%) are not in ["a", "b"]; first at rows 1, 2, 3 (values "c", "d", "c")'],
  ['valuesIn: ints', { valuesIn: [1, 2, 3] }, Int32Array.of(1, 2, 4), false, '1 of 3 values (33.3%) are not in [1, 2, 3]; at row 2 (value 4)'],
  ['valuesIn: bigints match numbers', { valuesIn: [1, 2] }, BigInt64Array.of(1n, 2n), true, 'all 2 values are in [1, 2]'],
  ['valuesIn: NaN ignored', { valuesIn: [1] }, f64(1, NaN), true, 'all 1 non-missing values are in [1] (1 missing ignored)'],
  ['valuesIn: all NaN', { valuesIn: [1] }, f64(NaN, NaN), true, 'all 2 values are missing; valuesIn ignores missing values'],
  ['valuesIn: empty', { valuesIn: [1] }, [], true, 'no values to check (empty column)'],
  ['valuesIn: utf8 vector', { valuesIn: ['a'] }, vectorFromArray(['a', null, 'q'], new Utf8()), false, '1 of 3 values (33.3%) are not in ["a"]; at row 2 (value "q")'],
  ['valuesIn: scalar in', { valuesIn: ['a', 'b'] }, 'a', true, 'value "a" is in ["a", "b"]'],
  ['valuesIn: scalar out', { valuesIn: ['a', 'b'] }, 'z', false, 'value "z" is not in ["a", "b"]'],
  ['valuesIn: table', { valuesIn: [1] }, { a: [1] }, false, `valuesIn needs a column or a single value, but got record of 1 column${TABLE_HINT}`],

  // unique
  ['unique: distinct', { unique: true }, [1, 2, 3], true, 'all 3 values are distinct'],
  ['unique: repeats, NaN ignored', { unique: true }, f64(1, 2, 1, NaN, NaN, 2, 1), false, '3 of 7 values (42.9%) repeat an earlier value: row 2 repeats row 0 (1), row 5 repeats row 1 (2), row 6 repeats row 0 (1)'],
  ['unique: more than shown', { unique: true }, [0, 0, 0, 0, 0], false, '4 of 5 values (80%) repeat an earlier value: row 1 repeats row 0 (0), row 2 repeats row 0 (0), row 3 repeats row 0 (0), …'],
  ['unique: utf8 vector', { unique: true }, vectorFromArray(['x', null, 'x'], new Utf8()), false, '1 of 3 values (33.3%) repeat an earlier value: row 2 repeats row 0 ("x")'],
  ['unique: all NaN', { unique: true }, f64(NaN, NaN), true, 'all 2 values are missing; unique ignores missing values'],
  ['unique: empty', { unique: true }, f64(), true, 'no values to check (empty column)'],
  ['unique: scalar', { unique: true }, 3, false, 'unique needs a column, but got the number 3'],
  ['unique: false', { unique: false }, [1, 1], true, 'duplicates allowed (unique: false); not checked'],

  // meanInRange: pandas Series.mean() skips NaN
  ['meanInRange: inside', { meanInRange: [0, 1] }, f64(0.5, NaN, 1), true, 'mean 0.75 is within [0, 1] (over 2 non-missing values)'],
  ['meanInRange: outside', { meanInRange: [0, 1] }, f64(1, 2, 3), false, 'mean 2 is outside [0, 1] (over 3 non-missing values)'],
  ['meanInRange: int vector with null', { meanInRange: [0, 1] }, vectorFromArray([1, null, 3], new Int32()), false, 'mean 2 is outside [0, 1] (over 2 non-missing values)'],
  ['meanInRange: empty', { meanInRange: [0, 1] }, f64(), true, 'no non-missing values: the mean is undefined, nothing to check'],
  ['meanInRange: all NaN', { meanInRange: [0, 1] }, f64(NaN), true, 'no non-missing values: the mean is undefined, nothing to check'],
  ['meanInRange: scalar', { meanInRange: [0, 1] }, 0.5, false, 'meanInRange needs a numeric column, but got a single value (0.5)'],
  ['meanInRange: strings', { meanInRange: [0, 1] }, ['a'], false, 'meanInRange needs a numeric column, but got a JS array whose row 0 holds the string "a"'],

  // maxStandardDev: pandas Series.std(), ddof 1. std(1, 2, 3) = 1; std(1..4) = sqrt(5/3) = 1.29099…
  ['maxStandardDev: at the limit', { maxStandardDev: 1 }, f64(1, 2, 3), true, 'standard deviation 1 is at most 1 (ddof 1, over 3 non-missing values)'],
  ['maxStandardDev: above', { maxStandardDev: 1 }, f64(1, 2, NaN, 3, 4), false, 'standard deviation 1.29099 is above the maximum 1 (ddof 1, over 4 non-missing values)'],
  ['maxStandardDev: one value', { maxStandardDev: 1 }, f64(5, NaN), true, '1 non-missing value: the standard deviation needs at least 2, nothing to check'],
  ['maxStandardDev: empty', { maxStandardDev: 1 }, f64(), true, '0 non-missing values: the standard deviation needs at least 2, nothing to check'],
  ['maxStandardDev: scalar', { maxStandardDev: 1 }, 2, false, 'maxStandardDev needs a numeric column, but got a single value (2)'],

  // minRows: missing values still count as rows
  ['minRows: enough', { minRows: 3 }, f64(NaN, NaN, NaN), true, '3 rows, at least 3 required'],
  ['minRows: too few', { minRows: 3 }, [1, 2], false, '2 rows, fewer than the 3 required'],
  ['minRows: empty', { minRows: 1 }, f64(), false, '0 rows, fewer than the 1 required'],
  ['minRows: Arrow table', { minRows: 2 }, table, true, '2 rows, at least 2 required'],
  ['minRows: record', { minRows: 2 }, { a: [1] }, false, '1 row, fewer than the 2 required'],
  ['minRows: scalar', { minRows: 1 }, 3, false, 'minRows needs a column or a table, but got the number 3'],

  // schema
  ['schema: matches', { schema: { columns: { price: 'float64', n: 'int32' } } }, new Table({ price: vectorFromArray([1.5], new Float64()), n: vectorFromArray([1], new Int32()) }), true, 'all 2 expected columns present with their types (price: float64, n: int32)'],
  ['schema: mistyped', { schema: { columns: { price: 'float64', n: 'int32' } } }, { price: f64(1), n: [1] }, false, '1 problem with the table\'s columns: column "n" is float64, expected int32'],
  ['schema: missing and extra', { schema: { columns: { price: 'float64', n: 'int32' } } }, { price: f64(1), v: [1] }, false, '2 problems with the table\'s columns: missing column "n" (int32); unexpected column "v" (set allowExtraColumns: true in the schema to allow extra columns)'],
  ['schema: extra allowed', { schema: { columns: { price: 'float64' }, allowExtraColumns: true } }, { price: f64(1), v: [1] }, true, 'all 1 expected column present with their types (price: float64); 1 extra column allowed'],
  ['schema: empty JS column fits any type', { schema: { columns: { s: 'utf8' } } }, { s: [] }, true, 'all 1 expected column present with their types (s: utf8)'],
  ['schema: Arrow types', { schema: { columns: { b: 'bool', d: 'timestamp', i: 'int64' } } }, new Table({ b: vectorFromArray([true], new Bool()), d: vectorFromArray([new Date(0)], new DateDay()), i: vectorFromArray([1n], new Int64()) }), true, 'all 3 expected columns present with their types (b: bool, d: timestamp, i: int64)'],
  ['schema: not a table', { schema: { columns: { a: 'float64' } } }, f64(1, 2), false, 'schema needs a table (an Arrow Table or a record of columns), but got Float64Array of 2 values'],
];

describe('validators', () => {
  it.each(rows)('%s', (_label, options, value, passes, message) => {
    const outcome = check(options, value);
    expect(outcome.message).toBe(message);
    expect(outcome.passes).toBe(passes);
  });
});
