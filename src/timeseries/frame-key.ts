/**
 * The key of a whole training frame, made before any feature runs: quiver's version, the
 * features' code version (src/cache/features-version.ts: the same code versions as node keys),
 * the config, content fingerprints of the raw inputs (the history and every joined table) and
 * every option that shapes the frame. Same key ⇒ same graph, run on the same inputs, cut the same
 * way ⇒ the same frame. When the frame must instead be built node by node (a feature or the
 * driver default says `'recompute'`, `'disable'` or `'ignore'`; a lifecycle adapter that may change
 * values (src/execution/observers.ts), or observing adapters with partitions; something without a
 * fingerprint), there is no key and a note says why. Adapters that only observe keep the key: a
 * hit replays the run's events to them (frame-replay.ts).
 */
import type { CacheSettings } from '../cache/options';
import { featuresVersion } from '../cache/features-version';
import { Fingerprints } from '../cache/fingerprint';
import type { Hasher } from '../cache/hasher';
import { quiverVersion } from '../cache/quiver-version';
import { changingAdapter } from '../execution/observers';
import type { AdapterNote } from '../ports';
import type { ResolvedFrameOptions } from './frame-options';

/** Bump when what a frame entry holds, or what its key covers, changes: older entries then miss. */
export const FRAME_FORMAT = 'quiver-frame-1';

const off = (column: string, why: string): { note: AdapterNote } => {
  const message = `${why}, so the frame was built node by node, not read whole from the cache.`;
  return { note: { code: 'frame-cache-off', column, message } };
};

/**
 * @example
 * frameKey(resolveFrameOptions({ …, cache: '.quiver-cache' }), settings, await loadHasher())
 * // { key: '…32 hex digits…' } | { note: { code: 'frame-cache-off', … } }
 */
export function frameKey(
  o: ResolvedFrameOptions, settings: CacheSettings, hasher: Hasher,
): { key: string } | { note: AdapterNote } {
  if (settings.behavior !== 'default') {
    return off('cache', `The cache's behavior is '${settings.behavior}' for every feature`);
  }
  const adapters = o.adapters ?? [];
  const changing = changingAdapter(adapters);
  if (changing !== undefined) return off('adapters', changing.why);
  if (adapters.length > 0 && (o.partitions !== undefined || o.distributed !== undefined)) {
    const how = o.partitions !== undefined ? 'partitions' : 'distributed';
    const why = `Lifecycle adapters were given with ${how} (they see one run per partition; a replay is one run)`;
    return off('adapters', why);
  }
  const prints = new Fingerprints(hasher);
  const code = featuresVersion(o.features, prints);
  const own = code.behaviors[0];
  if (own !== undefined) return off(own.method, `${own.method} has @cache({ behavior: '${own.behavior}' })`);
  if (code.version === undefined) return off('features', `The features have no code version (${code.why})`);
  const joins = (o.joins ?? []).map((j) => ({ ...j, data: prints.of(j.data) }));
  const itself = 'holds a value that refers to itself';
  if (joins.some((j) => j.data === undefined)) return off('joins', `A joined table ${itself}`);
  const shape = {
    entity: o.entity, time: o.time, target: o.target, horizon: o.horizon, label: o.label, outputs: o.outputs ?? null,
    tags: o.tags ?? null, include: o.include ?? null, cuts: o.cuts, gap: o.gap, warmup: o.warmup, checks: o.checks,
    isolation: o.isolation, calendar: o.calendar ?? null, partitions: o.partitions ?? null, joins,
  };
  const inputs = [prints.of(o.config ?? null), prints.of(o.data), prints.of(shape)];
  if (inputs.some((p) => p === undefined)) return off('data', `The data, config or options: one ${itself}`);
  const parts = [FRAME_FORMAT, quiverVersion(), code.version, ...inputs];
  const text = parts.join('\u0000');
  return { key: hasher.text(text, 0n) + hasher.text(text, 0x9e3779b97f4a7c15n) };
}
