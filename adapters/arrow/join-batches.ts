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
  tables.forEach((t, k) => checkSameSchema(tables[0], t, k));
  return new Table(tables[0].schema, tables.flatMap((t) => t.batches));
}

/**
 * An `InputError` when part `index` (from 0) has other column names or types than `first`.
 *
 * @example
 * checkSameSchema(parts[0], parts[3], 3);
 */
export function checkSameSchema(first: Table, table: Table, index: number): void {
  const a = first.schema.fields;
  const b = table.schema.fields;
  if (b.length === a.length && b.every((f, i) => f.name === a[i].name && String(f.type) === String(a[i].type))) return;
  throw new InputError([{
    code: 'partition-schema',
    message: `Partition ${index + 1} has columns ${b.map((f) => `${f.name}: ${f.type}`).join(', ')}, but partition 1 has ${a.map((f) => `${f.name}: ${f.type}`).join(', ')}; every partition must give the same columns and types (a feature returning another type on some entities?).`,
    nodes: [],
  }]);
}
