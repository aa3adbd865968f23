import { checkNamespace, namespaceSpec, type NamespaceOptions } from '../src/records/namespace-spec';
import { type FeatureDecorator, recordOn } from './record-on';

/**
 * Runs a feature set under a namespace (default: the method's name) and gives the method the
 * inner outputs its parameters name. Inner nodes are `<namespace>.<name>`, visible in lineage,
 * tags and pictures.
 *
 * @example
 * class WindowStats {
 *   mean28(x: Float64Array): Float64Array { return rollingMean(x, 28); }
 *   std28(x: Float64Array): Float64Array { return rollingStd(x, 28); }
 * }
 * class Price {@subdag(WindowStats, { inputs: { x: source('price') } })
 *   priceBand(mean28: Float64Array, std28: Float64Array): Float64Array { return add(mean28, std28); }
 * }
 * // nodes: priceBand.mean28, priceBand.std28, priceBand
 */
export function subdag(features: unknown, options: NamespaceOptions & { namespace?: string } = {}): FeatureDecorator {
  return recordOn('subdag', (where) => ({
    kind: 'subdag',
    namespace: options.namespace === undefined ? undefined : checkNamespace(options.namespace, `@subdag on ${where}`),
    space: namespaceSpec(features, options, `@subdag on ${where}`, ['inputs', 'config', 'tags', 'namespace']),
  }));
}
