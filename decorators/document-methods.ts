/**
 * `documentMethods(Class, { method: doc })`: docs for a class's methods without a decorator. The
 * TypeScript loader (`quiver run`, `quiver/register`) calls it with each method's JSDoc comment;
 * JavaScript users may call it themselves. `@feature({ doc })` wins over it.
 */
import { FeatureDefinitionError } from '../src/errors';
import { setDocComment } from '../src/metadata';
import { describeValue } from '../src/util/describe-value';

/**
 * Records `docs[name]` as the doc of method `name` of `cls`; each becomes the node's `doc`
 * (`quiver list`, the graph picture's tooltips, the run report) unless `@feature({ doc })` gives one.
 *
 * @example
 * class Spend { spendMean(spend: Float64Array): number { return mean(spend); } }
 * documentMethods(Spend, { spendMean: 'Mean spend, NaN skipped' });
 */
export function documentMethods(cls: Function, docs: Readonly<Record<string, string>>): void {
  const proto = (cls as { prototype?: unknown } | null)?.prototype;
  if (typeof cls !== 'function' || typeof proto !== 'object' || proto === null) {
    throw new FeatureDefinitionError(`documentMethods takes a class first, got ${describeValue(cls)}.`);
  }
  const where = cls.name || 'anonymous class';
  if (docs === null || typeof docs !== 'object' || Array.isArray(docs)) {
    throw new FeatureDefinitionError(
      `documentMethods(${where}, docs) takes a record of method name → doc, got ${describeValue(docs)}.`,
    );
  }
  for (const [name, doc] of Object.entries(docs)) {
    if (typeof doc !== 'string') {
      throw new FeatureDefinitionError(
        `documentMethods(${where}, …): the doc of "${name}" must be a string, got ${describeValue(doc)}.`,
      );
    }
    if (typeof Object.getOwnPropertyDescriptor(proto, name)?.value !== 'function') {
      throw new FeatureDefinitionError(`documentMethods(${where}, …): ${where} has no method "${name}" of its own.`);
    }
    setDocComment(proto, name, doc);
  }
}
