/**
 * A node's code version: its method's source (comments and layout removed), its decorator records
 * (functions in them by their source: validators, steps, `@does`) and the own fields of the instance
 * it runs on. Computed once per method and run (`versions` is the run's memo), only when a cache is used. What a method reaches
 * outside these — a module-level constant, a helper function it calls — is not part of it
 * (docs/caching.md says so).
 */
import type { CodeIdentity } from '../graph/node';
import type { Fingerprints } from './fingerprint';
import { normalizeSource } from './normalize-source';

const sources = new WeakMap<Function, string>();

/**
 * The code version, or undefined when it cannot be made (an instance field that refers to itself).
 *
 * @example
 * codeVersion(graph.node('avg3wkSpend')!.code!, fingerprints, new Map())  // '…16 hex digits…'
 */
export function codeVersion(code: CodeIdentity, fingerprints: Fingerprints, versions: Map<CodeIdentity, string | undefined>): string | undefined {
  if (versions.has(code)) return versions.get(code);
  const records = code.records.filter((r) => r.kind !== 'cache');
  const fields = code.instance ? Object.keys(code.instance).map((k) => [k, (code.instance as Record<string, unknown>)[k]]) : [];
  const version = fingerprints.of(asData([code.fn, records, fields], new Set()));
  versions.set(code, version);
  return version;
}

/** Functions become their normalized source; everything else is kept, so the fingerprint sees it. */
function asData(value: unknown, path: Set<object>): unknown {
  if (typeof value === 'function') return `function:${sourceOf(value)}`;
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || path.has(value)) return value;
  path.add(value);
  let out: unknown;
  if (Array.isArray(value)) out = value.map((v) => asData(v, path));
  else if (value instanceof Map || value instanceof Set || value instanceof Date) out = value;
  else {
    const fields: Record<string, unknown> = { $class: value.constructor?.name ?? null };
    for (const key of Object.keys(value)) fields[key] = asData((value as Record<string, unknown>)[key], path);
    out = fields;
  }
  path.delete(value);
  return out;
}

function sourceOf(fn: Function): string {
  let text = sources.get(fn);
  if (text === undefined) sources.set(fn, (text = normalizeSource(Function.prototype.toString.call(fn))));
  return text;
}
