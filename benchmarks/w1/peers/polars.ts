/**
 * W1 in nodejs-polars (a devDependency, loaded only when this peer runs). Missing values are
 * polars nulls: the raw NaNs become null on the way in, so rolling windows, shifts and diffs
 * follow pandas' rules; a z-score's 0/0 (std 0) is turned back into null. Features are added one
 * step (four features that only read earlier steps) per `withColumns`.
 */
import type * as Polars from 'nodejs-polars';
import { ChecksumAccumulator } from '../checksum';
import type { W1Impl } from '../impl';
import { columnName, LAG, RAW_NAMES, WINDOW, type W1Feature } from '../spec';

type PL = typeof Polars;

function loadPolars(): PL {
  return require('nodejs-polars') as PL;
}

/** The polars expression for one W1 feature, reading columns named `pName` (and `sName`). */
function featureExpr(pl: PL, f: W1Feature, pName = columnName(f.p), sName = f.s >= 0 ? columnName(f.s) : ''): Polars.Expr {
  const p = pl.col(pName);
  switch (f.kind) {
    case 'ratio': return p.div(pl.col(sName).abs().add(1.0));
    case 'mean3': case 'mean7': case 'mean28': return p.rollingMean({ windowSize: WINDOW[f.kind]! });
    case 'shift1': case 'shift3': case 'shift7': return p.shift(LAG[f.kind]!);
    case 'zscore': return p.sub(p.mean()).div(p.std()).fillNan(null);
    case 'diff': return p.diff(1, 'ignore');
    case 'clip': return p.clip(-3, 3).fillNull(0);
  }
}

/** Group features into steps of W1 (each reads only earlier steps). */
function steps(features: readonly W1Feature[]): W1Feature[][] {
  const out: W1Feature[][] = [];
  for (const f of features) (out[Math.floor(f.index / 4)] ??= []).push(f);
  return out;
}

/** How the polars peer drives polars; see `polarsImpl`. */
export type PolarsMode = 'eager' | 'lazy' | 'frames';

/**
 * Each feature as its own `select` on a two-column frame `{ p, s }` of just what it reads, with
 * one expression per kind built once (nodejs-polars builds every JS expression and frame wrapper
 * at a cost of milliseconds, and re-wraps every column of a frame on each `withColumns`, so the
 * step-by-step modes pay O(N) per call); one DataFrame of all outputs at the end.
 */
function framesW1(pl: PL, features: readonly W1Feature[], input: Polars.DataFrame): Polars.DataFrame {
  const cols: Polars.Series[] = RAW_NAMES.map((n) => input.getColumn(n));
  const exprOfKind = new Map<string, Polars.Expr>();
  const outs: Record<string, Polars.Series> = {};
  for (const f of features) {
    let expr = exprOfKind.get(f.kind);
    if (!expr) exprOfKind.set(f.kind, (expr = featureExpr(pl, { ...f, p: -1, s: -2 }, 'p', 's').alias('out')));
    const frame = f.kind === 'ratio' ? pl.DataFrame({ p: cols[f.p], s: cols[f.s] }) : pl.DataFrame({ p: cols[f.p] });
    const out = frame.select(expr).getColumn('out');
    cols.push(out);
    outs[f.name] = out;
  }
  return pl.DataFrame(outs);
}

/**
 * nodejs-polars computing W1 into one DataFrame: `eager` (`DataFrame.withColumns` per step),
 * `lazy` (the same chain on a LazyFrame, one `collect()`) or `frames` (per feature, a `select` on
 * a frame of its inputs).
 *
 * @example
 * const out = await polarsImpl(w1Features(100), 'eager').run(generateRaw(1000));
 */
export function polarsImpl(features: readonly W1Feature[], mode: PolarsMode): W1Impl {
  const names = features.map((f) => f.name);
  const byStep = steps(features);
  return {
    name: `polars-${mode}`,
    unsupported: [],
    note: `nodejs-polars ${mode}: NaN → null on input, ${mode === 'frames' ? 'one select per feature on a frame of its inputs, one expression per kind' : 'withColumns per step of 4 features'}; rollingMean/shift/diff/std(ddof 1)/clip/fillNull`,
    async run(raw) {
      const pl = loadPolars();
      const t0 = performance.now();
      const input = pl.DataFrame(RAW_NAMES.map((n) => pl.Series(n, raw[n])));
      const fill = RAW_NAMES.map((n) => pl.col(n).fillNan(null));
      let df: Polars.DataFrame;
      if (mode === 'frames') {
        df = framesW1(pl, features, input.select(...fill));
      } else if (mode === 'eager') {
        df = input.select(...fill);
        for (const step of byStep) df = df.withColumns(...step.map((f) => featureExpr(pl, f).alias(f.name)));
      } else {
        let lf = input.lazy().select(...fill);
        for (const step of byStep) lf = lf.withColumns(...step.map((f) => featureExpr(pl, f).alias(f.name)));
        df = await lf.collect();
      }
      if (mode !== 'frames') df = df.select(...names);
      const ms = performance.now() - t0;
      return { phases: { compute: ms }, checksum: async () => polarsChecksum(pl, df, names) };
    },
  };
}

/** Sums, |sums| and missing counts (null or NaN) per column, computed by polars itself. */
function polarsChecksum(pl: PL, df: Polars.DataFrame, names: readonly string[]) {
  const acc = new ChecksumAccumulator();
  for (let i = 0; i < names.length; i += 256) {
    const chunk = names.slice(i, i + 256);
    const row = df
      .select(
        ...chunk.flatMap((n, j) => [
          pl.col(n).fillNan(null).sum().alias(`s${j}`),
          pl.col(n).fillNan(null).abs().sum().alias(`a${j}`),
          pl.col(n).fillNan(null).isNull().sum().alias(`n${j}`),
        ]),
      )
      .toRecords()[0] as Record<string, number | null>;
    for (let j = 0; j < chunk.length; j++) acc.addSums({ checksum: row[`s${j}`] ?? 0, checksum_abs: row[`a${j}`] ?? 0, nan_count: Number(row[`n${j}`]) });
  }
  return acc.result();
}
