/**
 * Name lookups that never reach `Object.prototype`: a feature, input, config key or column may have
 * any name a CSV header can have, `constructor`, `toString` and `__proto__` included. Records keyed
 * by user names are read with own-property checks and made without a prototype.
 */

/**
 * Whether `record` has `key` as its own property (`undefined` and `null` records have none).
 *
 * @example
 * hasOwn({}, 'constructor'); // false, though ({}).constructor exists
 */
export function hasOwn(record: object | undefined | null, key: string): boolean {
  return record !== undefined && record !== null && Object.hasOwn(record, key);
}

/**
 * `record[key]` when it is the record's own property, else `undefined`.
 *
 * @example
 * own({ spend: 1 }, 'spend');    // 1
 * own({ spend: 1 }, 'toString'); // undefined
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined | null, key: string): T | undefined {
  return hasOwn(record, key) ? record![key] : undefined;
}

/**
 * Sets `record[key]` as an own, enumerable property, even for `__proto__`.
 *
 * @example
 * const r: Record<string, number> = {};
 * setOwn(r, '__proto__', 1); // Object.keys(r) is ['__proto__']
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  // Plain assignment makes the same own data property, except for `__proto__` (the one accessor on
  // Object.prototype); it keeps a large record in V8's fast mode, which defineProperty does not.
  if (key === '__proto__') {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  } else record[key] = value;
}

/**
 * An empty record without a prototype: `r.constructor` is whatever was stored under that name.
 *
 * @example
 * const r = nameRecord<number>();
 * r.__proto__ = 3; // an ordinary property here
 */
export function nameRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
