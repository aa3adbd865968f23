/**
 * The result builder the command uses: one Arrow table, like `arrowTable()`. When the outputs were
 * chosen for the user (`--all`, `--tag`), values that cannot be a column — a `Groups` helper, a
 * record — are left out and named in `skipped`, rather than failing the whole run.
 */
import type { Table } from 'apache-arrow';
import { tableFromColumns } from '../adapters/arrow/table-from-columns';
import type { ResultBuilder } from '../src/results/result-builder';

/** A typed array, array, Arrow vector or single number/boolean/string/bigint/Date. */
function canBeColumn(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value !== 'object') return typeof value !== 'function' && typeof value !== 'symbol';
  if (value instanceof Date || Array.isArray(value)) return true;
  if (ArrayBuffer.isView(value)) return !(value instanceof DataView);
  const v = value as { length?: unknown; get?: unknown; type?: unknown };
  return typeof v.length === 'number' && typeof v.get === 'function' && v.type !== undefined;
}

export interface CommandTable extends ResultBuilder<Table> {
  /** Outputs left out of the last table because they are not columns. */
  readonly skipped: string[];
}

/** Epoch ms as Dates, so the table holds a Timestamp column (a Float64Array of epoch ms is not a time). */
/**
 * @example
 * asDates(Float64Array.of(0)); // [Date(1970-01-01T00:00:00.000Z)]
 */
export function asDates(value: unknown): unknown {
  if (!(value instanceof Float64Array)) return value;
  return Array.from(value, (ms) => (ms === ms ? new Date(ms) : null));
}

/**
 * `timeColumn` (`--time`): that output, epoch ms as the features take it, is written as a timestamp.
 *
 * @example
 * const result = commandTable(true);
 * const dr = new Builder().withFeatures(Weather).withResult(result).build();
 * await dr.execute(allFeatures, { inputs }); // result.skipped: ['cities']
 */
export function commandTable(skipNonColumns: boolean, timeColumn?: string): CommandTable {
  const skipped: string[] = [];
  return {
    name: 'commandTable',
    skipped,
    build(outputs, given) {
      skipped.length = 0;
      const values = timeColumn === undefined
        ? given
        : given.map((v, i) => (outputs[i] === timeColumn ? asDates(v) : v));
      if (!skipNonColumns) return tableFromColumns(outputs, values);
      const keep = outputs.map((_, i) => canBeColumn(values[i]));
      outputs.forEach((name, i) => {
        if (!keep[i]) skipped.push(name);
      });
      return tableFromColumns(outputs.filter((_, i) => keep[i]), values.filter((_, i) => keep[i]));
    },
  };
}
