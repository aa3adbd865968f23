/**
 * What a caller derives from a result read whole from the cache (e.g. `buildTrainingFrame`'s
 * entity-isolation verdict), kept beside the packs: `DIR/derived/<key>.json`, one small file each,
 * written under a temporary name and renamed into place, holding its JSON and the hash of it. A file
 * that is missing, torn, edited or does not match its hash is a miss: the caller computes again.
 * `quiver cache clear` removes them; eviction leaves them (each is a few hundred bytes).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hasher } from './hasher';

const derivedPath = (dir: string, key: string) => path.join(dir, 'derived', `${key}.json`);

/**
 * The JSON value stored under `key`, or undefined when there is none that can be trusted.
 *
 * @example
 * readDerived('.quiver-cache', key, await loadHasher())  // { entities: ['NY', 'SEA'], … } | undefined
 */
export function readDerived(dir: string, key: string, hasher: Hasher): unknown {
  let text: string;
  try {
    text = fs.readFileSync(derivedPath(dir, key), 'utf8');
  } catch {
    return undefined;
  }
  const tab = text.lastIndexOf('\t');
  if (tab < 0 || hasher.text(text.slice(0, tab)) !== text.slice(tab + 1)) return undefined;
  try {
    return JSON.parse(text.slice(0, tab));
  } catch {
    return undefined;
  }
}

/**
 * Stores a JSON value under `key`; a failure to write only means the next run computes it again.
 *
 * @example
 * writeDerived('.quiver-cache', key, report, await loadHasher());
 */
export function writeDerived(dir: string, key: string, value: unknown, hasher: Hasher): void {
  const file = derivedPath(dir, key);
  const json = JSON.stringify(value);
  const temporary = path.join(path.dirname(file), `.${key}.${process.pid}-${randomBytes(8).toString('hex')}.partial`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, `${json}\t${hasher.text(json)}`, { flag: 'wx' });
    fs.renameSync(temporary, file);
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}
