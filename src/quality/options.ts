/**
 * The options of `@checkOutput`, checked once when the class is defined: every key known, every
 * value usable. All problems are reported together, each naming the feature and the option.
 */
import { FeatureDefinitionError } from '../errors';
import type { Importance } from './result';
import { formatValue } from './text';
import { DATA_TYPE_NAMES, type DataTypeName, type TableSchema } from './types';
import { editDistance as distance } from '../util/edit-distance';
import { registeredCheck, registeredCheckKeys, reserveCheckKeys } from './check-registry';

/**
 * The option types of checks added with `registerCheck`, for the type checker: augment it with
 * `declare module 'quiver' { interface RegisteredCheckOptions { positive?: boolean } }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by users' declaration merging
export interface RegisteredCheckOptions {}

/** What `@checkOutput(...)` takes. Every key but `importance` and `target` is one check. */
export interface CheckOutputOptions extends RegisteredCheckOptions {
  dataType?: DataTypeName;
  range?: readonly [number, number];
  allowNaNs?: boolean;
  valuesIn?: readonly unknown[];
  maxFractionNaNs?: number;
  maxStandardDev?: number;
  meanInRange?: readonly [number, number];
  minRows?: number;
  unique?: boolean;
  schema?: TableSchema;
  importance?: Importance;
  target?: string | readonly string[];
}

/** The check keys, in the order their validators run and report. @internal */
export const CHECK_KEYS = [
  'dataType', 'schema', 'minRows', 'allowNaNs', 'maxFractionNaNs', 'range', 'valuesIn', 'unique',
  'meanInRange', 'maxStandardDev',
] as const;

/** Every key `@checkOutput` accepts. */
export const OPTION_KEYS: readonly string[] = [...CHECK_KEYS, 'importance', 'target'];
reserveCheckKeys(OPTION_KEYS);

type Rule = (v: unknown) => string | null; // null: fine; otherwise what the value must be

const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);
const oneOf = (names: readonly string[]) => names.join(', ');

const interval: Rule = (v) => (Array.isArray(v) && v.length === 2 && isNumber(v[0]) && isNumber(v[1]) && v[0] <= v[1]
  ? null : 'must be [lo, hi]: two numbers with lo <= hi (use -Infinity or Infinity for an open end)');
const boolean: Rule = (v) => (typeof v === 'boolean' ? null : 'must be true or false');

const SCHEMA_KEYS = ['columns', 'allowExtraColumns'];
const schemaRule: Rule = (v) => {
  const shape = 'must be { columns: { name: type, … }, allowExtraColumns?: boolean }';
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return shape;
  const o = v as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !SCHEMA_KEYS.includes(k));
  if (unknown.length) return `${shape}, without ${unknown.map((k) => `"${k}"`).join(', ')}`;
  if (o.columns === null || typeof o.columns !== 'object' || Array.isArray(o.columns)) return shape;
  const bad = Object.entries(o.columns).filter(([, t]) => !(DATA_TYPE_NAMES as readonly unknown[]).includes(t));
  if (bad.length) return `${shape} where each type is one of ${oneOf(DATA_TYPE_NAMES)}; column "${bad[0][0]}" has ${formatValue(bad[0][1])}`;
  return o.allowExtraColumns === undefined || typeof o.allowExtraColumns === 'boolean' ? null : `${shape}; allowExtraColumns must be true or false`;
};

const RULES: Readonly<Record<string, Rule>> = {
  dataType: (v) => ((DATA_TYPE_NAMES as readonly unknown[]).includes(v) ? null : `must be one of ${oneOf(DATA_TYPE_NAMES)}`),
  range: interval,
  meanInRange: interval,
  allowNaNs: boolean,
  unique: boolean,
  valuesIn: (v) => (Array.isArray(v) && v.length > 0 ? null : 'must be a non-empty array of the allowed values'),
  maxFractionNaNs: (v) => (isNumber(v) && v >= 0 && v <= 1 ? null : 'must be a number from 0 to 1 (the largest allowed share of missing values)'),
  maxStandardDev: (v) => (isNumber(v) && v >= 0 ? null : 'must be a number >= 0'),
  minRows: (v) => (Number.isInteger(v) && (v as number) >= 0 ? null : 'must be a whole number >= 0'),
  schema: schemaRule,
  importance: (v) => (v === 'warn' || v === 'fail' ? null : "must be 'warn' or 'fail'"),
  target: (v) => {
    const names = typeof v === 'string' ? [v] : v;
    const ok = Array.isArray(names) && names.length > 0 && names.every((n) => typeof n === 'string' && n.length > 0) &&
      new Set(names).size === names.length;
    return ok ? null : 'must be a column name or a non-empty array of distinct column names';
  },
};

function unknownKey(key: string): string {
  const near = [...OPTION_KEYS, ...registeredCheckKeys()].map((k) => [k, distance(key.toLowerCase(), k.toLowerCase())] as const)
    .sort((x, y) => x[1] - y[1])[0];
  return `unknown option "${key}"${near[1] <= 3 ? ` (did you mean "${near[0]}"?)` : ''}`;
}

function fail(where: string, problems: readonly string[]): never {
  const body = problems.length === 1
    ? `: ${problems[0]}.`
    : ` has ${problems.length} problems:\n${problems.map((p, i) => `  ${i + 1}. ${p}`).join('\n')}\n`;
  throw new FeatureDefinitionError(`@checkOutput on ${where}${body}${problems.length === 1 ? ' ' : ''}Valid options: ${OPTION_KEYS.join(', ')}.`);
}

/**
 * Checks `@checkOutput`'s options when the class is defined and returns a frozen copy. An unknown
 * key, a bad value or no check at all throws a `FeatureDefinitionError` naming `where`, the key,
 * what the value must be, and the valid keys.
 *
 * @internal
 * @example
 * normalizeCheckOptions({ range: [-5, 5], importance: 'fail' }, 'SpendFeatures.spendZ');
 * normalizeCheckOptions({ rnage: [0, 1] }, 'SpendFeatures.spendZ');
 * // throws: "@checkOutput on SpendFeatures.spendZ: unknown option "rnage" (did you mean "range"?). Valid options: …"
 */
export function normalizeCheckOptions(options: unknown, where: string): CheckOutputOptions {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    fail(where, [`takes one options object such as { range: [0, 1], importance: 'fail' }, got ${formatValue(options)}`]);
  }
  const problems: string[] = [];
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options as Record<string, unknown>)) {
    const registered = Object.hasOwn(RULES, key) ? undefined : registeredCheck(key);
    if (!Object.hasOwn(RULES, key) && !registered) {
      problems.push(unknownKey(key));
      continue;
    }
    if (value === undefined) continue;
    const must = registered ? (registered.accepts?.(value) ?? null) : RULES[key](value);
    if (must !== null) problems.push(`${key} ${must}; got ${formatValue(value)}`);
    else copy[key] = frozenCopy(value);
  }
  if (problems.length === 0 && !CHECK_KEYS.some((k) => k in copy) && !registeredCheckKeys().some((k) => k in copy)) {
    problems.push(`no check given; name at least one of ${oneOf(CHECK_KEYS)}`);
  }
  if (problems.length > 0) fail(where, problems);
  return Object.freeze(copy) as CheckOutputOptions;
}

/** Frozen copies of arrays and plain objects, so later edits by the caller do not reach the checks. */
function frozenCopy(v: unknown): unknown {
  if (Array.isArray(v)) return Object.freeze(v.slice());
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.freeze(Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, frozenCopy(inner)])));
  }
  return v;
}
