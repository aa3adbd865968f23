import { RecordBatch, Table } from 'apache-arrow';
import { tableFromColumns } from '../../../adapters';

describe('a wide result table (thousands of columns)', () => {
  test('is the same table the RecordBatch constructor would make, buffers shared', () => {
    const names = Array.from({ length: 300 }, (_, i) => `f${i}`);
    const values = names.map((_, i) => Float64Array.of(i, i + 0.5, NaN));
    const table = tableFromColumns(names, values);
    expect(table).toBeInstanceOf(Table);
    expect(table.batches[0]).toBeInstanceOf(RecordBatch);
    expect(table.numCols).toBe(300);
    expect(table.numRows).toBe(3);
    expect(table.schema.fields.map((f) => f.name)).toEqual(names);
    expect(table.getChild('f299')!.data[0].values.buffer).toBe(values[299].buffer);
    expect(table.batches[0].numCols).toBe(300);
    expect(table.batches[0].getChildAt(7)!.toArray()).toEqual(values[7]);
    const reference = new Table(table.schema, [new RecordBatch(table.schema, table.batches[0].data)]);
    expect(reference.toArray().map((r) => r.toJSON())).toEqual(table.toArray().map((r) => r.toJSON()));
    expect(table.slice(1, 2).getChild('f3')!.toArray()).toEqual(Float64Array.of(3.5));
  });
});
