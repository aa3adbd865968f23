/** `quiver cache clear DIR`: empty a cache directory made by `--cache` or `withCache()`. */
import { clearCache } from '../../adapters/cache-store/maintenance';
import type { Io } from '../io';

/**
 * @example
 * await cacheClearCommand('.quiver-cache', processIo);  // "Cleared .quiver-cache: 12 entries, 3.4 MB."
 */
export async function cacheClearCommand(dir: string, io: Io): Promise<number> {
  const { entries, bytes } = await clearCache(dir);
  io.out(`Cleared ${dir}: ${entries.toLocaleString('en-US')} entr${entries === 1 ? 'y' : 'ies'}, ${(bytes / 1e6).toFixed(1)} MB.`);
  return 0;
}
