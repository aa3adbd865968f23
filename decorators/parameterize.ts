import { FeatureDefinitionError } from '../src/errors';
import { describe, frozenBindings, isDependencySpec, type DependencySpec } from '../src/records/dependency-spec';
import { checkedOn, type FeatureDecorator } from './record-on';
import { own, setOwn } from '../src/util/own';
import { assertKnownKeys } from '../src/options/known-keys';

export type ParameterizeSpec = Record<string, Record<string, DependencySpec>>;

const NAME = /^[\p{ID_Start}$_][\p{ID_Continue}$]*(\.[\p{ID_Start}$_][\p{ID_Continue}$]*)*$/u;

/**
 * One method becomes one node per key of `spec`. Each key maps parameter names to `value(v)`
 * (a literal), `source(name)` (another node or input), or `group(...)` (a list or record of
 * those); parameters not named keep their own name as a dependency. The method itself is then
 * no node. A `docs` option gives each node a doc; `{param}` in it is replaced by what the
 * parameter is bound to.
 *
 * @example
 * const spec: ParameterizeSpec = {};
 * for (const col of ['spend', 'visits']) for (const w of [7, 28])
 *   spec[`${col}Mean${w}`] = { x: source(col), window: value(w) };
 * class Windows {@parameterize(spec)
 *   meanOf(x: Float64Array, window: number): Float64Array { return rollingMean(x, window); }
 * }
 */
export function parameterize(spec: ParameterizeSpec, options: { docs?: Record<string, string>; doc?: string } = {}): FeatureDecorator {
  return checkedOn('parameterize', () => {
    if (spec === null || typeof spec !== 'object' || Array.isArray(spec) || Object.keys(spec).length === 0) {
      throw new FeatureDefinitionError('@parameterize takes a non-empty record { nodeName: { parameter: value(…) | source(…) | group(…) } }.');
    }
    const names = Object.keys(spec);
    const stored: Record<string, Readonly<Record<string, DependencySpec>>> = {};
    for (const name of names) {
      const mapping = spec[name];
      if (!NAME.test(name)) {
        throw new FeatureDefinitionError(`@parameterize node name "${name}" is not a valid name: use letters, digits, _ and $ (and . between namespaces).`);
      }
      if (mapping === null || typeof mapping !== 'object' || Array.isArray(mapping)) {
        throw new FeatureDefinitionError(`@parameterize entry "${name}" must be a record { parameter: value(…) | source(…) | group(…) }, got ${describe(mapping)}.`);
      }
      for (const [param, bound] of Object.entries(mapping)) {
        if (!isDependencySpec(bound)) {
          throw new FeatureDefinitionError(
            `@parameterize entry "${name}" binds parameter "${param}" to ${describe(bound)}; wrap it: value(${JSON.stringify(bound) ?? '…'}) for a literal or source('name') for another node.`,
          );
        }
      }
      setOwn(stored, name, frozenBindings(mapping));
    }
    if (options === null || typeof options !== 'object') throw new FeatureDefinitionError('@parameterize(spec, options) takes options { docs?, doc? }.');
    assertKnownKeys(options, ['docs', 'doc'], '@parameterize', FeatureDefinitionError);
    const docs: Record<string, string> = {};
    for (const name of options.docs === undefined && options.doc === undefined ? [] : names) {
      const doc = own(options.docs, name) ?? options.doc;
      if (doc !== undefined) setOwn(docs, name, doc);
    }
    Object.freeze(stored);
    Object.freeze(docs);
    return { kind: 'parameterize', spec: stored, docs };
  });
}
