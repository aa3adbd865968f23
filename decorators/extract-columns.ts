import { FeatureDefinitionError } from '../src/errors';
import { checkedOn, type FeatureDecorator } from './record-on';
import { assertKnownKeys } from '../src/options/known-keys';

/**
 * The method returns a table (an Arrow `Table` or a record of columns); it stays a node, and
 * each named column becomes a node too. A column the table lacks is an error at run time, unless
 * the last argument is `{ fillWith: v }`: then the column is filled with `v`.
 *
 * @example
 * class Raw {@extractColumns('temp_max', 'temp_min')
 *   weather(path: string): Table { return readCsv(path); }
 * }
 */
export function extractColumns(...args: (string | { fillWith: unknown })[]): FeatureDecorator {
  return checkedOn('extractColumns', () => {
    const last = args[args.length - 1];
    const hasOptions = typeof last === 'object' && last !== null && !Array.isArray(last);
    if (hasOptions) assertKnownKeys(last, ['fillWith'], '@extractColumns', FeatureDefinitionError);
    const hasFill = hasOptions && Object.hasOwn(last, 'fillWith');
    const names = (hasOptions ? args.slice(0, -1) : args) as unknown[];
    if (names.length === 0 || !names.every((n) => typeof n === 'string' && n.length > 0)) {
      throw new FeatureDefinitionError('@extractColumns takes one or more column names, e.g. @extractColumns("a", "b"), optionally followed by { fillWith: value }.');
    }
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined) throw new FeatureDefinitionError(`@extractColumns names the column "${dup}" twice.`);
    const fillWith = hasFill ? (last as { fillWith: unknown }).fillWith : undefined;
    const stored = Object.freeze([...names]) as readonly string[];
    return { kind: 'extractColumns', names: stored, fillWith, hasFill };
  });
}
