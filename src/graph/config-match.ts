/** Resolve stage: whether a method's `@config.*` records let it exist under the given config. */
import type { DecoratorRecord } from './records';
import { hasOwn } from './own';

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
    }
  });
}

/** `x__suffix` defines node `x` when the method has config conditions. */
export function nodeNameOf(method: string, hasConfig: boolean): string {
  if (!hasConfig) return method;
  const cut = method.lastIndexOf('__');
  return cut > 0 ? method.slice(0, cut) : method;
}
