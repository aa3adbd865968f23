/**
 * Parsers for option values, used by commander: lists, `key=value` pairs, numbers.
 */
import { UsageError } from './errors';

/**
 * `a,b` (repeatable) → `['a', 'b']`, blanks dropped.
 *
 * @example
 * parseList('a, b', ['x']); // ['x', 'a', 'b']
 */
export function parseList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

/**
 * A config value as typed: JSON when it reads as JSON (`3`, `true`, `null`, `[1,2]`, `"x"`),
 * otherwise the text itself (`region=US`).
 *
 * @example
 * configValue('28'); // 28
 * configValue('US'); // 'US'
 */
export function configValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function splitPair(flag: string, text: string, valueRequired: boolean): [string, string | undefined] {
  const eq = text.indexOf('=');
  const key = (eq < 0 ? text : text.slice(0, eq)).trim();
  if (!key || (valueRequired && eq < 0)) {
    throw new UsageError(`${flag} takes key=value (got "${text}"), e.g. ${flag} region=US.`);
  }
  return [key, eq < 0 ? undefined : text.slice(eq + 1)];
}

/**
 * `--config key=value` (repeatable) → a record of config values (see `configValue`).
 *
 * @example
 * parseConfig('window=28', { region: 'US' }); // { region: 'US', window: 28 }
 */
export function parseConfig(text: string, previous: Record<string, unknown> = {}): Record<string, unknown> {
  const [key, value] = splitPair('--config', text, true);
  return { ...previous, [key]: configValue(value as string) };
}

/**
 * `--tag key=value` (repeatable; `key` alone matches any node with the tag) → a tag filter.
 * Two values for one key match either.
 *
 * @example
 * parseTag('owner=ds', {}); // { owner: 'ds' }
 */
export function parseTag(text: string, previous: Record<string, string | string[] | null> = {}): Record<string, string | string[] | null> {
  const [key, value] = splitPair('--tag', text, false);
  const before = previous[key];
  if (value === undefined || before === null) return { ...previous, [key]: null };
  const merged = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  return { ...previous, [key]: merged };
}

/**
 * A positive whole number, for options such as `--max-nodes`.
 *
 * @example
 * parseCount('--max-nodes')('150'); // 150
 */
export function parseCount(flag: string): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a whole number above 0 (got "${text}").`);
    return n;
  };
}
