/** Resolve stage: whether a method's `@config.*` records let it exist under the given config. */
import type { DecoratorRecord } from '../records/records';
import { hasOwn } from '../util/own';

type ConfigRecord = Extract<DecoratorRecord, { kind: 'config' }>;

export function configAllows(records: readonly ConfigRecord[], config: Readonly<Record<string, unknown>>): boolean {
  return records.every((r) => {
    const entries = Object.entries(r.match);
    switch (r.mode) {
      case 'when':
        return entries.every(([key, v]) => hasOwn(config, key) && Object.is(config[key], v));
      case 'whenNot':
        return entries.every(([key, v]) => !(hasOwn(config, key) && Object.is(config[key], v)));
      case 'whenIn':
        return entries.every(([key, list]) => hasOwn(config, key) && (list as unknown[]).some((v) => Object.is(config[key], v)));
      default:
        return false;
    }
  });
}

/** `x__suffix` defines node `x` when the method has config conditions. */
export function nodeNameOf(method: string, hasConfig: boolean): string {
  if (!hasConfig) return method;
  const cut = method.lastIndexOf('__');
  return cut > 0 ? method.slice(0, cut) : method;
}

/**
 * Why `records` switch a method off under `config`, for messages: the first condition that fails.
 *
 * @example
 * whyDisabled([{ kind: 'config', mode: 'when', match: { region: 'US' } }], { region: 'EU' });
 * // 'is disabled by config key "region": …needs region = "US", the config has "EU"'
 */
export function whyDisabled(records: readonly ConfigRecord[], config: Readonly<Record<string, unknown>>): string {
  for (const r of records) {
    if (configAllows([r], config)) continue;
    for (const [key, wanted] of Object.entries(r.match)) {
      if (configAllows([{ ...r, match: { [key]: wanted } }], config)) continue;
      const has = hasOwn(config, key) ? `the config has ${JSON.stringify(config[key])}` : 'the config has no such key';
      const needs = r.mode === 'when' ? `needs ${key} = ${JSON.stringify(wanted)}`
        : r.mode === 'whenNot' ? `needs ${key} other than ${JSON.stringify(wanted)}`
        : `needs ${key} in ${JSON.stringify(wanted)}`;
      return `is disabled by config key "${key}": @config.${r.mode} ${needs}, ${has}`;
    }
  }
  return 'is disabled by its @config conditions';
}
