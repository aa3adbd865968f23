/**
 * W1 through quiver, as a user runs it: build a driver from the feature classes, then execute all
 * N outputs into one Arrow table (the default result). Build and execute are timed apart.
 */
import { Builder, dictResult } from '../../src';
import { ChecksumAccumulator, type Checksum } from './checksum';
import type { W1Impl } from './impl';
import { w1FeatureClasses } from './quiver-features';
import type { W1Feature } from './spec';

/** The part of an Arrow Table the checksum reads (apache-arrow stays inside adapters/). */
interface TableLike {
  readonly numCols: number;
  readonly numRows: number;
  readonly schema: { readonly fields: ReadonlyArray<{ readonly name: string }> };
  getChildAt(i: number): { toArray(): ArrayLike<number> } | null;
}

/**
 * Checksum of a result table whose columns must be exactly `names`, in order.
 *
 * @example
 * const table = await dr.execute(outputNames(100), { inputs: generateRaw(1000) });
 * tableChecksum(table, outputNames(100)).nan_count  // 3472
 */
export function tableChecksum(table: TableLike, names: readonly string[]): Checksum {
  const got = table.schema.fields.map((f) => f.name);
  if (got.length !== names.length || got.some((g, i) => g !== names[i])) {
    throw new Error(`quiver's table has columns [${got.slice(0, 5).join(', ')}, …] (${got.length}); expected f_0 … f_${names.length - 1} in order.`);
  }
  const acc = new ChecksumAccumulator();
  for (let i = 0; i < table.numCols; i++) acc.add(table.getChildAt(i)!.toArray());
  return acc.result();
}

/** Checksum of a `dictResult()` record holding `names`. */
function dictChecksum(record: Record<string, unknown>, names: readonly string[]): Checksum {
  const acc = new ChecksumAccumulator();
  for (const n of names) acc.add(record[n] as ArrayLike<number>);
  return acc.result();
}

/**
 * quiver running W1: `new Builder().withFeatures(...).build()` then `execute(all outputs)`, into
 * one Arrow table (the default) or, with `result: 'dict'`, into `dictResult()` (the record of
 * columns as computed: Hamilton's "→ dict" column, and the executor without table assembly).
 *
 * @example
 * const features = w1Features(100);
 * const out = await quiverImpl(features).run(generateRaw(1000));
 * out.phases  // { build: …, execute: … }
 */
export function quiverImpl(features: readonly W1Feature[], result: 'table' | 'dict' = 'table'): W1Impl {
  const t0 = performance.now();
  const classes = w1FeatureClasses(features);
  const defineMs = performance.now() - t0;
  const names = features.map((f) => f.name);
  return {
    name: result === 'table' ? 'quiver' : 'quiver-dict',
    unsupported: [],
    note: `one @parameterize method per kind (source() for P and S), Builder().build(), execute(all N) → ${result === 'table' ? 'one Arrow table' : 'dictResult()'}`,
    async run(raw) {
      const t1 = performance.now();
      const builder = new Builder().withFeatures(...classes);
      const dr = (result === 'dict' ? builder.withResult(dictResult()) : builder).build();
      const t2 = performance.now();
      const value = await dr.execute(names, { inputs: { ...raw } });
      const t3 = performance.now();
      return {
        phases: { build: t2 - t1, execute: t3 - t2 },
        extra: { define_classes_ms: defineMs },
        checksum: async () =>
          result === 'dict'
            ? dictChecksum(value as Record<string, unknown>, names)
            : tableChecksum(value as unknown as TableLike, names),
      };
    },
  };
}
