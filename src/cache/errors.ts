/**
 * The two failures the cache store (adapters/cache-store) reports and the cache session reads:
 * they live in the core so the session tells them apart without loading the store.
 */

/** A stored value could not be used; `reason` says why (missing, truncated, checksum mismatch…). */
export class EntryLost extends Error {
  constructor(readonly key: string, readonly node: string, readonly reason: string) {
    super(`the cached value of "${node}" ${reason}`);
  }
}

/** Thrown for a value the JSON codec cannot hold; the message says what it is. */
export class NotEncodable extends Error {}
