/**
 * Which loaded module exports a value: the file and the export name under which a worker thread
 * finds the same class (or instance) again. Searches the CommonJS module cache; ES modules and
 * classes made inside functions are not found.
 */

/** Where a value is exported: `require(module)[exportName]`, or the module itself when `exportName` is undefined. */
export interface ExportLocation {
  readonly module: string;
  readonly exportName?: string;
}

const found = new WeakMap<object, ExportLocation>();

/**
 * @example
 * moduleOf(SpendFeatures)   // { module: '/app/features.ts', exportName: 'SpendFeatures' }
 */
export function moduleOf(value: object): ExportLocation | undefined {
  const known = found.get(value);
  if (known) return known;
  const cache = require.cache as Record<string, NodeModule | undefined>;
  for (const file of Object.keys(cache)) {
    const exports = cache[file]?.exports as unknown;
    if (exports === value) return remember(value, { module: file });
    if (exports === null || (typeof exports !== 'object' && typeof exports !== 'function')) continue;
    for (const key of Object.keys(exports as object)) {
      let v: unknown;
      try {
        v = (exports as Record<string, unknown>)[key];
      } catch {
        continue;
      }
      if (v === value) return remember(value, { module: file, exportName: key });
    }
  }
  return undefined;
}

function remember(value: object, at: ExportLocation): ExportLocation {
  found.set(value, at);
  return at;
}
