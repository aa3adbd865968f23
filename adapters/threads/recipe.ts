/**
 * What a worker thread needs to build the driver's graph again: for each item given to
 * `withFeatures`, the module and export it is loaded from (namespaced sets described inside out),
 * plus the config. Anything a worker could not load is a `GraphBuildError` naming it and the fix.
 */
import { GraphBuildError, type Issue } from '../../src/errors';
import type { GraphRecipe } from '../../src/execution/executor-api';
import { Namespaced } from '../../src/graph/namespace';
import type { LeafSpec } from '../../src/records/dependency-spec';
import type { TagMap } from '../../src/records/records';
import { moduleOf, type ExportLocation } from './module-of';

/** One `withFeatures` item as a worker loads it. */
export type ItemRef =
  | { readonly kind: 'export'; readonly at: ExportLocation }
  | {
      readonly kind: 'namespaced';
      readonly namespace: string;
      readonly features: readonly ItemRef[];
      readonly inputs: Readonly<Record<string, LeafSpec>>;
      readonly config: Readonly<Record<string, unknown>>;
      readonly tags: TagMap;
    };

/** The recipe in the form sent to workers (structured-cloneable). */
export interface SentRecipe {
  readonly items: readonly ItemRef[];
  readonly config: Readonly<Record<string, unknown>>;
  /** The graph's node names, joined by newlines: a worker checks it built the same graph. */
  readonly names: string;
}

function nameOf(item: object): string {
  if (typeof item === 'function') return `class ${item.name || '(anonymous)'}`;
  const ctor = Object.getPrototypeOf(item) === Object.prototype ? undefined : item.constructor;
  return ctor?.name ? `the ${ctor.name} instance` : 'a plain feature object';
}

function describeItem(item: unknown, issues: Issue[]): ItemRef | undefined {
  if (item instanceof Namespaced) {
    const features = item.space.features.map((f) => describeItem(f, issues)).filter((f) => f !== undefined);
    const { inputs, config, tags } = item.space;
    return { kind: 'namespaced', namespace: item.namespace, features, inputs, config, tags };
  }
  const at = moduleOf(item as object);
  if (at) return { kind: 'export', at };
  const what = nameOf(item as object);
  const fix = typeof item === 'function'
    ? `Export it from its module (export class ${(item as Function).name || 'Features'} { … }) ` +
      'and import it from there'
    : 'Export the object from its module (export const features = …), or pass an exported class';
  issues.push({
    code: 'not-exported',
    message:
      `threads() cannot load ${what}: no loaded module exports it, and each worker thread loads feature classes ` +
      `from their own modules. ${fix}; or run with inline() or concurrent().`,
    nodes: [],
  });
  return undefined;
}

/**
 * @example
 * const sent = describeRecipe({ features: [SpendFeatures], config: {} }, ['spend', 'avg3wkSpend']);
 */
export function describeRecipe(recipe: GraphRecipe, names: readonly string[]): SentRecipe {
  const issues: Issue[] = [];
  const items = recipe.features.map((f) => describeItem(f, issues)).filter((f) => f !== undefined);
  try {
    structuredClone(recipe.config);
  } catch {
    issues.push({
      code: 'config-not-cloneable',
      message:
        'threads() cannot send the config to its worker threads: it holds a value that cannot be copied between ' +
        'threads (a function or class instance). Keep config to plain data, or run with inline() or concurrent().',
      nodes: [],
    });
  }
  if (issues.length > 0) throw new GraphBuildError(issues);
  return { items, config: recipe.config, names: names.join('\n') };
}

/** In a worker: the `withFeatures` items again, loaded from their modules. */
export function loadItems(items: readonly ItemRef[]): unknown[] {
  return items.map((item) => {
    if (item.kind === 'namespaced') {
      const { namespace, inputs, config, tags } = item;
      return new Namespaced(namespace, { features: loadItems(item.features), inputs, config, tags });
    }
    const { module, exportName } = item.at;
    const exports = require(module) as Record<string, unknown>;
    const value = exportName === undefined ? exports : exports[exportName];
    if (value === undefined) {
      throw new Error(
        `${module} does not export "${exportName}" when a worker thread loads it (the main thread found it ` +
          'there); export it at the top level of the module.',
      );
    }
    return value;
  });
}
