/**
 * W1 in arquero 8 (a devDependency, loaded only when this peer runs). Arquero's aggregates skip
 * invalid values (null, NaN), so a rolling mean asks for a full window explicitly:
 * `op.valid(x) === w ? op.average(x) : NaN` over the frame [−(w−1), 0]. Shifts are `op.lag`
 * with NaN as the default; z-scores use whole-table `op.mean` / `op.stdev` (ddof 1).
 */
import { ChecksumAccumulator } from '../checksum';
import type { W1Impl } from '../impl';
import { columnName, LAG, WINDOW, type W1Feature } from '../spec';

interface AqTable {
  derive(values: Record<string, unknown>): AqTable;
  select(...names: string[]): AqTable;
  array(name: string): ArrayLike<number | null | undefined>;
}
interface Aq {
  table(columns: Record<string, ArrayLike<number>>): AqTable;
  rolling(expr: string, frame: [number, number]): unknown;
}

function loadArquero(): Aq {
  return require('arquero') as Aq;
}

/** The arquero expression (a table expression string, or a rolling window) for one feature. */
function featureExpr(aq: Aq, f: W1Feature): unknown {
  const p = `d.${columnName(f.p)}`;
  switch (f.kind) {
    case 'ratio': return `d => ${p} / (op.abs(d.${columnName(f.s)}) + 1)`;
    case 'mean3': case 'mean7': case 'mean28': {
      const w = WINDOW[f.kind]!;
      return aq.rolling(`d => op.valid(${p}) === ${w} ? op.average(${p}) : NaN`, [-(w - 1), 0]);
    }
    case 'shift1': case 'shift3': case 'shift7': return `d => op.lag(${p}, ${LAG[f.kind]!}, NaN)`;
    case 'zscore': return `d => (${p} - op.mean(${p})) / op.stdev(${p})`;
    case 'diff': return `d => ${p} - op.lag(${p}, 1, NaN)`;
    case 'clip': return `d => op.is_nan(${p}) ? 0 : op.greatest(-3, op.least(3, ${p}))`;
  }
}

/**
 * arquero computing W1: one `derive` per step of four features.
 *
 * @example
 * const out = await arqueroImpl(w1Features(100)).run(generateRaw(1000));
 */
export function arqueroImpl(features: readonly W1Feature[]): W1Impl {
  const names = features.map((f) => f.name);
  return {
    name: 'arquero',
    unsupported: [],
    note: 'arquero derive per step of 4 features; rolling() window frames, op.lag, op.mean/op.stdev',
    async run(raw) {
      const aq = loadArquero();
      const t0 = performance.now();
      let t = aq.table({ ...raw });
      for (let i = 0; i < features.length; i += 4) {
        const step: Record<string, unknown> = {};
        for (const f of features.slice(i, i + 4)) step[f.name] = featureExpr(aq, f);
        t = t.derive(step);
      }
      t = t.select(...names);
      const ms = performance.now() - t0;
      return {
        phases: { compute: ms },
        checksum: async () => {
          const acc = new ChecksumAccumulator();
          for (const n of names) acc.add(t.array(n));
          return acc.result();
        },
      };
    },
  };
}
