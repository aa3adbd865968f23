/**
 * The entity-isolation check of a training frame whose every feature was read from the cache: its
 * verdict is kept in the cache directory under a key made of the whole result's key (every output's
 * name and cache key: code versions, config values, input fingerprints, quiver's version), the
 * features checked, the check's options and the history's entities and groups. Same key ⇒ the check
 * would run the same code on the same sample rows of the same inputs ⇒ the same verdict, which was
 * checked when it was stored. Only a pass is stored (a failure throws, as it did); a feature that
 * is always recomputed (`'recompute'`, `'disable'`, `'ignore'`) means the check runs every time.
 */
import { readDerived, writeDerived } from '../cache/derived';
import { Fingerprints } from '../cache/fingerprint';
import { loadHasher } from '../cache/hasher';
import type { CacheSettings } from '../cache/options';
import { quiverVersion } from '../cache/quiver-version';
import { resultKeyOf, type CacheReport } from '../cache/session';
import type { IsolationReport } from './isolation';

const VERDICT_FORMAT = 'quiver-isolation-verdict-1';

export interface IsolationInputs {
  readonly checked: readonly string[];
  readonly ignore: readonly string[] | undefined;
  readonly rows: number;
  readonly groups: unknown;
  readonly entities: readonly unknown[];
}

/**
 * `check()`, or the verdict it gave last time for the same key.
 *
 * @example
 * const report = await isolationVerdict(o.cacheSettings, run.cache, inputs, () => checkEntityIsolation(…));
 */
export async function isolationVerdict(
  cache: CacheSettings | undefined, run: CacheReport, inputs: IsolationInputs, check: () => Promise<IsolationReport>,
): Promise<IsolationReport> {
  const whole = cache && cache.behavior !== 'disable' ? resultKeyOf(run) : undefined;
  if (!cache || whole === undefined) return check();
  const hasher = await loadHasher();
  const prints = new Fingerprints(hasher);
  const text = [
    VERDICT_FORMAT, quiverVersion(), whole, JSON.stringify(inputs.checked), JSON.stringify(inputs.ignore ?? null),
    String(inputs.rows), prints.of(inputs.groups), prints.of(inputs.entities),
  ].join('\u0000');
  const key = hasher.text(text, 0n) + hasher.text(text, 0x9e3779b97f4a7c15n);
  const stored = readDerived(cache.path, key, hasher);
  if (isReport(stored)) return stored;
  const report = await check();
  // Only what JSON gives back as it was (entity keys that are strings or finite numbers) is kept.
  if (isReport(JSON.parse(JSON.stringify(report)))) writeDerived(cache.path, key, report, hasher);
  return report;
}

function isReport(value: unknown): value is IsolationReport {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Partial<IsolationReport>;
  const names = (list: unknown) => Array.isArray(list) && list.every((n) => typeof n === 'string');
  const key = (k: unknown) => typeof k === 'string' || (typeof k === 'number' && Number.isFinite(k));
  const pair = Array.isArray(r.entities) && r.entities.length === 2 && r.entities.every(key);
  const entities = r.entities === null || pair;
  return entities && Number.isInteger(r.rows) && names(r.checked) && names(r.ignored);
}
