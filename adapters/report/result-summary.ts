/**
 * What the run produced, as the report shows it: rows, and per column its type, missing values
 * and min / max / mean. Reads Arrow tables and records of columns (`dictResult()`).
 */
import { isArrowTableShape } from '../../src/util/shapes';

export interface ColumnSummary {
  readonly name: string;
  readonly type: string;
  /** Nulls plus NaNs; `undefined` when not counted. */
  readonly missing?: number;
  readonly min?: number;
  readonly max?: number;
  readonly mean?: number;
}

export interface ResultSummary {
  /** `undefined` when the result is not a table (or has no columns). */
  readonly rows?: number;
  readonly columns: readonly ColumnSummary[];
  /** Set when only the first columns got statistics. */
  readonly statsLimitedTo?: number;
  /** What the result is when it is neither a table nor a record of columns. */
  readonly kind: string;
}

interface Stats { missing: number; min: number; max: number; mean: number }

/**
 * Missing count (NaN), min, max and mean of the non-missing values; min/max/mean are NaN when all
 * are missing.
 *
 * @example
 * numericStats(new Float64Array([1, NaN, 3])); // { missing: 1, min: 1, max: 3, mean: 2 }
 */
export function numericStats(values: ArrayLike<number>): Stats {
  let missing = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) {
      missing++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const n = values.length - missing;
  return n === 0 ? { missing, min: NaN, max: NaN, mean: NaN } : { missing, min, max, mean: sum / n };
}

interface VectorLike {
  readonly length: number;
  readonly nullCount: number;
  readonly type: { toString(): string };
  toArray(): unknown;
  get(i: number): unknown;
}

interface TableLike {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string; readonly type: { toString(): string } }[] };
  getChild(name: string): VectorLike | null;
}

function isTable(value: unknown): value is TableLike {
  return isArrowTableShape(value);
}

function asNumbers(values: unknown): ArrayLike<number> | undefined {
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) return Float64Array.from(values, Number);
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) return values as unknown as ArrayLike<number>;
  return undefined;
}

function vectorSummary(name: string, vector: VectorLike, withStats: boolean): ColumnSummary {
  const type = String(vector.type);
  if (!withStats) return { name, type };
  const numbers = vector.nullCount === 0 ? asNumbers(vector.toArray()) : undefined;
  if (numbers) return { name, type, ...numericStats(numbers) };
  if (vector.nullCount > 0 && /^(Float|Int|Uint)/.test(type)) {
    const values = Float64Array.from({ length: vector.length }, (_, i) => {
      const v = vector.get(i);
      return v === null || v === undefined ? NaN : Number(v);
    });
    return { name, type, ...numericStats(values) };
  }
  return { name, type, missing: vector.nullCount };
}

function valueSummary(name: string, value: unknown, withStats: boolean): ColumnSummary {
  const numbers = asNumbers(value);
  if (numbers) return withStats ? { name, type: (value as object).constructor.name, ...numericStats(numbers) } : { name, type: (value as object).constructor.name };
  if (value !== null && typeof value === 'object' && typeof (value as VectorLike).nullCount === 'number') return vectorSummary(name, value as VectorLike, withStats);
  return { name, type: value === null ? 'null' : Array.isArray(value) ? 'Array' : typeof value === 'object' ? (value as object).constructor?.name ?? 'object' : typeof value };
}

/**
 * Summarize a run's result. Statistics are computed for the first `maxStatColumns` columns only
 * (default 1,000), so a very wide result stays quick to report.
 *
 * @example
 * summarizeResult(table).rows; // 1461
 */
export function summarizeResult(result: unknown, maxStatColumns = 1000): ResultSummary {
  if (isTable(result)) {
    const fields = result.schema.fields;
    const columns = fields.map((f, i) => vectorSummary(f.name, result.getChild(f.name) as VectorLike, i < maxStatColumns));
    return { kind: 'Arrow Table', rows: result.numRows, columns, statsLimitedTo: fields.length > maxStatColumns ? maxStatColumns : undefined };
  }
  if (result !== null && typeof result === 'object' && Object.getPrototypeOf(result) === Object.prototype) {
    const entries = Object.entries(result as Record<string, unknown>);
    const columns = entries.map(([name, v], i) => valueSummary(name, v, i < maxStatColumns));
    const lengths = entries.map(([, v]) => (asNumbers(v) ? (v as ArrayLike<number>).length : undefined)).filter((n) => n !== undefined);
    return { kind: 'record', rows: lengths.length ? Math.max(...(lengths as number[])) : undefined, columns, statsLimitedTo: entries.length > maxStatColumns ? maxStatColumns : undefined };
  }
  const kind = result === undefined ? 'none' : result === null ? 'null' : typeof result === 'object' ? (result as object).constructor?.name ?? 'object' : typeof result;
  return { kind, columns: [] };
}

/**
 * The summary of two tables of one schema stacked (the parts of a run written part by part):
 * rows and missing values added, min and max of both, means weighted by their counted values.
 *
 * @example
 * mergeSummaries(summarizeResult(part0), summarizeResult(part1)).rows; // part0.numRows + part1.numRows
 */
export function mergeSummaries(a: ResultSummary, b: ResultSummary): ResultSummary {
  const rows = (a.rows ?? 0) + (b.rows ?? 0);
  const columns = a.columns.map((x, j) => {
    const y = b.columns[j];
    if (x.missing === undefined || y?.missing === undefined) return { name: x.name, type: x.type };
    const missing = x.missing + y.missing;
    if (x.mean === undefined || y.mean === undefined) return { name: x.name, type: x.type, missing };
    const nx = (a.rows ?? 0) - x.missing;
    const ny = (b.rows ?? 0) - y.missing;
    const min = nx === 0 ? y.min : ny === 0 ? x.min : Math.min(x.min as number, y.min as number);
    const max = nx === 0 ? y.max : ny === 0 ? x.max : Math.max(x.max as number, y.max as number);
    const mean = nx + ny === 0 ? NaN : ((nx === 0 ? 0 : nx * x.mean) + (ny === 0 ? 0 : ny * y.mean)) / (nx + ny);
    return { name: x.name, type: x.type, missing, min, max, mean };
  });
  return { ...a, rows, columns };
}
