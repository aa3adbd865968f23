/** Tables of one schema (the partitions of a run) as one table whose record batches are theirs. */
import { Table } from 'apache-arrow';
import { InputError } from '../../src/errors';

/**
 * One table holding every record batch of `tables`, in order, without copying; the schemas must
 * match (same column names and types).
 *
 * @example
 * const frame = joinBatches([part0, part1, part2]); // frame.batches.length >= 3
 */
export function joinBatches(tables: readonly Table[]): Table {
  if (tables.length === 0) return new Table();
  const first = tables[0].schema;
  const differs = tables.findIndex((t) => t.schema.fields.length !== first.fields.length ||
    t.schema.fields.some((f, i) => f.name !== first.fields[i].name || String(f.type) !== String(first.fields[i].type)));
  if (differs >= 0) {
    throw new InputError([{
      code: 'partition-schema',
      message: `Partition ${differs + 1} has columns ${tables[differs].schema.fields.map((f) => `${f.name}: ${f.type}`).join(', ')}, but partition 1 has ${first.fields.map((f) => `${f.name}: ${f.type}`).join(', ')}; every partition must give the same columns and types (a feature returning another type on some entities?).`,
      nodes: [],
    }]);
  }
  return new Table(first, tables.flatMap((t) => t.batches));
}
