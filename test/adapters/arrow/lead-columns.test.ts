/**
 * withLeadColumns / timestampVector: the entity and time columns in front of a result, the time
 * as Timestamp (ms) equal to what a `Date` gives, before 1970 too, NaN as null.
 */
import { Type } from 'apache-arrow';
import { timestampVector, withLeadColumns } from '../../../adapters/arrow/lead-columns';
import { tableFromColumns } from '../../../adapters/arrow/table-from-columns';
import { joinBatches } from '../../../adapters/arrow/join-batches';

describe('timestampVector', () => {
  test('whole epoch ms as Timestamp (ms), after and before 1970 and past 2^32, NaN null', () => {
    const ms = [Date.UTC(2024, 0, 1), -1, -86_400_000 * 400 - 5, 2 ** 45 + 3, 0, Date.UTC(1900, 5, 1)];
    const v = timestampVector(Float64Array.from([...ms, NaN]));
    expect(v.type.typeId).toBe(Type.Timestamp);
    expect(String(v.type)).toBe('Timestamp<MILLISECOND>');
    expect(Array.from({ length: ms.length }, (_, i) => Number(v.data[0].values[i]))).toEqual(ms);
    expect(v.nullCount).toBe(1);
    expect(v.get(ms.length)).toBeNull();
    expect(v.get(0)).toBe(Date.UTC(2024, 0, 1));
  });
});

describe('withLeadColumns', () => {
  test('entity and time first, the result columns after, unchanged and not copied', () => {
    const x = Float64Array.of(1, 2, 3);
    const table = tableFromColumns(['x', 'y'], [x, ['p', 'q', 'r']]);
    const out = withLeadColumns(table, {
      entity: { name: 'store', values: ['a', 'a', 'b'] },
      time: { name: 'date', epochMs: Float64Array.of(0, 86_400_000, 0) },
    });
    expect(out.schema.fields.map((f) => `${f.name}: ${f.type}`)).toEqual([
      'store: Utf8', 'date: Timestamp<MILLISECOND>', 'x: Float64', 'y: Utf8',
    ]);
    expect(out.getChild('x')!.data[0].values.buffer).toBe(x.buffer);
    expect(out.toArray().map((r) => r.toJSON())).toEqual([
      { store: 'a', date: 0, x: 1, y: 'p' },
      { store: 'a', date: 86_400_000, x: 2, y: 'q' },
      { store: 'b', date: 0, x: 3, y: 'r' },
    ]);
  });

  test('a result of several batches keeps one batch per chunk', () => {
    const parts = [tableFromColumns(['x'], [Float64Array.of(1, 2)]), tableFromColumns(['x'], [Float64Array.of(3)])];
    const out = withLeadColumns(joinBatches(parts), {
      entity: { name: 'e', values: Int32Array.of(1, 1, 2) },
      time: { name: 't', epochMs: Float64Array.of(5, 6, 5) },
    });
    expect(out.batches.map((b) => b.numRows)).toEqual([2, 1]);
    expect(Array.from(out.getChild('e')!.toArray() as Int32Array)).toEqual([1, 1, 2]);
  });
});
