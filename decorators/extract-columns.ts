import { FeatureDefinitionError } from '../src/errors';
import { type FeatureDecorator, recordOn } from './record-on';

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
  const last = args[args.length - 1];
  const hasFill = typeof last === 'object' && last !== null && 'fillWith' in last;
  const names = (hasFill ? args.slice(0, -1) : args) as unknown[];
  if (names.length === 0 || !names.every((n) => typeof n === 'string' && n.length > 0)) {
    throw new FeatureDefinitionError('@extractColumns takes one or more column names, e.g. @extractColumns("a", "b"), optionally followed by { fillWith: value }.');
  }
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new FeatureDefinitionError(`@extractColumns names the column "${dup}" twice.`);
  const fillWith = hasFill ? (last as { fillWith: unknown }).fillWith : undefined;
  return recordOn('extractColumns', () => ({ kind: 'extractColumns', names: names as string[], fillWith, hasFill }));
}
