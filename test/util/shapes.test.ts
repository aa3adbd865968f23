import { tableFromArrays, vectorFromArray } from 'apache-arrow';
import { isArrowTableShape, isColumn, isTypedArray, isVectorLike } from '../../src/util/shapes';
import { isArrowTable } from '../../adapters/arrow/is-arrow-table';
import { isColumn as isCheckColumn, isArrowTable as isCheckTable } from '../../src/quality/column';
import { isTableLike } from '../../src/timeseries/raw-data';

describe('one shape test per idea (src/util/shapes.ts)', () => {
  const table = tableFromArrays({ x: new Float64Array([1, 2]) });
  const vector = vectorFromArray([1, 2]);

  it('a JS array, a typed array and an Arrow vector are columns; scalars, records and DataViews are not', () => {
    for (const c of [[1, 2], new Float64Array(2), new BigInt64Array(1), vector]) expect(isColumn(c)).toBe(true);
    for (const c of [3, 'ab', null, undefined, { a: [1] }, new DataView(new ArrayBuffer(8)), new Map()]) {
      expect(isColumn(c)).toBe(false);
    }
  });

  it('typed arrays and vectors are told apart', () => {
    expect(isTypedArray(new Uint8ClampedArray(1))).toBe(true);
    expect(isTypedArray(new DataView(new ArrayBuffer(1)))).toBe(false);
    expect(isVectorLike(vector)).toBe(true);
    expect(isVectorLike([1])).toBe(false);
    expect(isVectorLike(new Float64Array(1))).toBe(false);
  });

  it('every Arrow-table test agrees on a table, a record and a look-alike without fields', () => {
    const record = { x: new Float64Array(2) };
    const fake = { numRows: 2, getChild: () => null, schema: {} };
    for (const test of [isArrowTableShape, isArrowTable, isCheckTable, isTableLike]) {
      expect(test(table)).toBe(true);
      expect(test(record)).toBe(false);
      expect(test(fake)).toBe(false);
      expect(test(null)).toBe(false);
    }
  });

  it('the checks agree that plain arrays are columns', () => {
    expect(isCheckColumn([1, 2])).toBe(true);
    expect(isCheckColumn(vector)).toBe(true);
    expect(isCheckColumn({ length: 2, get: () => 1 })).toBe(false); // no Arrow type: nothing to check
  });
});
