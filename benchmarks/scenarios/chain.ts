/**
 * A chain `--depth` nodes deep (default 100,000): c_k = c_{k−1} + 1, one `@parameterize`d method,
 * input c_0. Asks for the last node alone — the request that ends Hamilton's recursive walk in a
 * RecursionError at 5,000 — and checks every value is c_0 + depth.
 */
import { numberFlag } from '../harness/args';
import { peakRssMb, round } from '../harness/measure';
import type { Scenario } from '../harness/scenario';
import { Builder, add, parameterize, source, type ParameterizeSpec } from '../../src';

/**
 * The chain's feature class: one method parameterized over c_1 … c_depth.
 *
 * @example
 * const dr = new Builder().withFeatures(chainClass(3)).build();
 * await dr.execute(['c_3'], { inputs: { c_0: Float64Array.of(0) } });  // c_3 = [3]
 */
export function chainClass(depth: number): new () => object {
  const spec: ParameterizeSpec = {};
  for (let k = 1; k <= depth; k++) spec[`c_${k}`] = { x: source(`c_${k - 1}`) };
  class Chain {
    @parameterize(spec)
    next(x: Float64Array): Float64Array {
      return add(x, 1);
    }
  }
  return Chain;
}

const scenario: Scenario = {
  name: 'chain',
  description: 'a --depth (100,000) deep chain of features, each reading the previous; executes the last one',
  async run(args) {
    const depth = numberFlag(args, '--depth', 100_000);
    const rows = numberFlag(args, '--rows', 10);
    const t0 = performance.now();
    const Chain = chainClass(depth);
    const t1 = performance.now();
    const dr = new Builder().withFeatures(Chain).build();
    const t2 = performance.now();
    const c0 = Float64Array.from({ length: rows }, (_, i) => i);
    const last = `c_${depth}`;
    let ok = false;
    let error: string | null = null;
    try {
      const result = (await dr.execute([last], { inputs: { c_0: c0 } })) as { getChild(n: string): { toArray(): ArrayLike<number> } | null };
      const col = result.getChild(last)!.toArray();
      ok = col.length === rows && Array.from(col).every((v, i) => v === i + depth);
    } catch (err) {
      error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
    const t3 = performance.now();
    return {
      depth,
      rows,
      runs: error === null,
      values_ok: ok,
      error,
      define_class_ms: round(t1 - t0),
      build_ms: round(t2 - t1),
      execute_ms: round(t3 - t2),
      per_node_us: round(((t3 - t1) * 1000) / depth, 3),
      peak_rss_mb: round(peakRssMb(), 0),
    };
  },
};

export default scenario;
