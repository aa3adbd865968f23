/**
 * What the distributed tests compare a result file by: every column's values (numbers, strings,
 * timestamps as numbers, int64 as numbers), NaN as NaN, and each column's type and nullability.
 */
import { readTable } from '../../../adapters/files/formats';

/**
 * The cells, types, rows and record batches of the table in `file`.
 *
 * @example
 * const { out, types } = await cells('/tmp/run/dist.arrow'); // out.lag1: [NaN, 1.5, …]
 */
export async function cells(file: string) {
  const t = await readTable(file);
  const out: Record<string, unknown[]> = {};
  const types: Record<string, string> = {};
  for (const f of t.schema.fields) {
    out[f.name] = Array.from(t.getChild(f.name)!, (v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
    types[f.name] = `${String(f.type)}${f.nullable ? ' (nullable)' : ''}`;
  }
  return { out, types, rows: t.numRows, batches: t.batches.length };
}

/**
 * Expects the same columns in the same order with the same values (`Object.is`: NaN equals NaN,
 * 0 is not -0); a difference names the column, the row and both values.
 *
 * @example
 * expectSame((await cells(single)).out, (await cells(distributed)).out);
 */
export function expectSame(a: Record<string, unknown[]>, b: Record<string, unknown[]>): void {
  expect(Object.keys(b)).toEqual(Object.keys(a));
  for (const name of Object.keys(a)) {
    expect(b[name].length).toBe(a[name].length);
    const bad = a[name].findIndex((v, i) => !Object.is(v, b[name][i]));
    expect(bad === -1 ? 'all equal' : `${name}[${bad}]: ${String(a[name][bad])} vs ${String(b[name][bad])}`)
      .toBe('all equal');
  }
}
