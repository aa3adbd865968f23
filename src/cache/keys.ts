/**
 * Cache keys, Merkle style: a node's key hashes its name, its code version and, for each
 * dependency, the dependency's name and data version. A dependency's data version is its key when it
 * is an ordinary cached node (so keys are known before anything runs), a content fingerprint when
 * it is an input, config, override or a node that is always recomputed, and a constant for an
 * `'ignore'` node. Keys are 32 hex digits (two xxHash64 seeds).
 */
import type { Hasher } from './hasher';

/** Bump when the meaning of keys or entries changes: every older entry then misses. */
export const KEY_FORMAT = 'quiver-cache-key-1';

/** The data version an `'ignore'` node contributes to its consumers' keys. */
export const IGNORED = 'ignored';

/**
 * @example
 * nodeKey(hasher, '0.1.0', 'spendMean', code, [['spend', version]])  // '…32 hex digits…'
 */
export function nodeKey(hasher: Hasher, quiverVersion: string, name: string, code: string, deps: readonly (readonly [string, string])[]): string {
  let text = `${KEY_FORMAT}\u0000${quiverVersion}\u0000${JSON.stringify(name)}\u0000${code}`;
  for (const [dep, version] of deps) text += `\u0000${JSON.stringify(dep)}=${version}`;
  return hasher.text(text, 0n) + hasher.text(text, 0x9e3779b97f4a7c15n);
}
