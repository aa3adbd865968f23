import { arrowTable } from '../../../adapters';
import { InputError } from '../../../src/errors';

describe('arrowTable()', () => {
  it('is a result builder named arrowTable that builds one table in the requested order', () => {
    const builder = arrowTable();
    expect(builder.name).toBe('arrowTable');
    const spend = new Float64Array([10, 12, 9]);
    const table = builder.build(['spendMean', 'spend'], [31 / 3, spend]);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['spendMean', 'spend']);
    expect([...table.getChild('spendMean')!]).toEqual([31 / 3, 31 / 3, 31 / 3]);
    expect(table.getChild('spend')!.data[0].values.buffer).toBe(spend.buffer);
  });

  it('passes maxChunkBytes through', () => {
    const table = arrowTable({ maxChunkBytes: 16 }).build(['x'], [new Float64Array(6)]);
    expect(table.batches.map((b) => b.numRows)).toEqual([2, 2, 2]);
  });

  it('throws InputError for columns of different lengths', () => {
    expect(() => arrowTable().build(['a', 'b'], [new Float64Array(2), new Float64Array(3)])).toThrow(InputError);
  });
});
