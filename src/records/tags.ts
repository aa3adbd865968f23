/** Tags as records store them: copied, list values copied too, all frozen. */
import type { TagMap } from './records';

/**
 * A frozen copy of a tag record; changing the record (or a list in it) afterwards changes nothing.
 *
 * @example
 * const tags = freezeTags({ owner: 'ds', source: ['crm', 'web'] });
 */
export function freezeTags(tags: Readonly<Record<string, string | readonly string[]>>): TagMap {
  const copy: Record<string, string | readonly string[]> = {};
  for (const [key, v] of Object.entries(tags)) {
    const stored = typeof v === 'string' ? v : Object.freeze([...v]);
    if (key === '__proto__') Object.defineProperty(copy, key, { value: stored, enumerable: true });
    else copy[key] = stored;
  }
  return Object.freeze(copy);
}
