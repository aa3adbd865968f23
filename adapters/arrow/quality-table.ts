/**
 * The data-quality report as an Arrow table, to save next to the data it describes.
 */
import { Bool, Table, Utf8, vectorFromArray } from 'apache-arrow';
import type { QualityResult } from '../../src/quality/result';

/** JSON that keeps what JSON.stringify would lose: bigints, NaN/±Infinity, typed arrays. */
function diagnosticsJson(diagnostics: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(diagnostics, (_key, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<unknown>, (x) => (typeof x === 'bigint' ? x.toString() : x));
    return v;
  });
}

/**
 * One row per result, columns `node`, `check`, `importance` (utf8), `passes` (bool), `message` (utf8)
 * and `diagnostics` (utf8 JSON; bigints and non-finite numbers as strings), in the results' order.
 *
 * @example
 * const run = await dr.run(['spendZ'], { inputs });
 * const report = qualityTable(run.quality);
 * await writeFile('quality.arrow', tableToIPC(report));
 */
export function qualityTable(results: readonly QualityResult[]): Table {
  const text = (pick: (r: QualityResult) => string) => vectorFromArray(results.map(pick), new Utf8());
  return new Table({
    node: text((r) => r.node),
    check: text((r) => r.check),
    importance: text((r) => r.importance),
    passes: vectorFromArray(results.map((r) => r.passes), new Bool()),
    message: text((r) => r.message),
    diagnostics: text((r) => diagnosticsJson(r.diagnostics)),
  });
}
