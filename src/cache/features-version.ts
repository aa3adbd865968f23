/**
 * One code version for a whole list of feature classes, instances and namespaced sets, made
 * without building their graph: every method the builder would read (collect-methods.ts), each by
 * the same code version its nodes get (code-version.ts: normalized source, decorator records,
 * the instance's own fields), with the class and method names. What a graph build decides from
 * these and the config (expansions, `@config.when`) is decided again from the same records, so
 * the same version and config mean the same graph. Also lists the methods whose `@cache` asks
 * for something other than `'default'`, which a caller reading whole results must respect.
 */
import { collectMethods, toSource } from '../graph/collect-methods';
import type { CodeIdentity } from '../graph/node';
import { readRecords } from '../metadata';
import { Namespaced } from '../records/namespace-spec';
import type { CacheBehavior } from './behavior';
import { codeVersion } from './code-version';
import type { Fingerprints } from './fingerprint';

export interface FeaturesVersion {
  /** The fingerprint of every method's code version; undefined when one has none (see `why`). */
  readonly version: string | undefined;
  /** Why there is no version: a class that cannot be made with `new`, or a field that refers to itself. */
  readonly why?: string;
  /** Methods (`Class.method`) with `@cache({ behavior })` other than `'default'`, in class order. */
  readonly behaviors: readonly { readonly method: string; readonly behavior: CacheBehavior }[];
}

/**
 * @example
 * featuresVersion([WeatherSignals, Calendar], new Fingerprints(await loadHasher()))
 * // { version: '…16 hex digits…', behaviors: [] }
 */
export function featuresVersion(items: readonly unknown[], fingerprints: Fingerprints): FeaturesVersion {
  const parts: unknown[] = [];
  const behaviors: { method: string; behavior: CacheBehavior }[] = [];
  const why = collect(items, fingerprints, parts, behaviors, new Map());
  if (why !== undefined) return { version: undefined, why, behaviors };
  return { version: fingerprints.of(parts), behaviors };
}

/** Pushes each item's parts; returns why one has no version (and stops), or undefined. */
function collect(
  items: readonly unknown[], prints: Fingerprints, parts: unknown[],
  behaviors: { method: string; behavior: CacheBehavior }[], memo: Map<CodeIdentity, string | undefined>,
): string | undefined {
  for (const item of items) {
    if (item instanceof Namespaced) {
      const { features, ...rest } = item.space;
      const spec = prints.of(rest);
      if (spec === undefined) return `the namespace "${item.namespace}" holds a value that refers to itself`;
      parts.push(['namespace', item.namespace, spec]);
      const why = collect(features, prints, parts, behaviors, memo);
      if (why !== undefined) return why;
      parts.push(['end', item.namespace]);
      continue;
    }
    const source = toSource(item, []);
    if (!source) return `${typeof item === 'function' ? `new ${item.name}()` : 'a feature item'} cannot be made`;
    parts.push(['class', source.className]);
    for (const method of collectMethods(source)) {
      const records = readRecords(method.holder, method.name);
      for (const r of records) {
        if (r.kind !== 'cache' || r.behavior === 'default') continue;
        behaviors.push({ method: `${source.className}.${method.name}`, behavior: r.behavior });
      }
      const version = codeVersion({ fn: method.fn, records, instance: source.instance }, prints, memo);
      if (version === undefined) return `${source.className}.${method.name} has a field that refers to itself`;
      parts.push([method.name, version]);
    }
  }
  return undefined;
}
