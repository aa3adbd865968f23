/**
 * A result as a dataset of parts instead of one file: a folder of `part-00000.arrow` (or
 * `.parquet`) files, one per partition, and `manifest.json` naming each part with its rows, byte
 * size and sha256. The manifest is written last and atomically, so a folder with a manifest is
 * complete; the reader checks every part against it (a part missing, truncated, changed or with
 * other rows is an `InputError` naming the part), so a damaged dataset is never read as a table.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { InputError } from '../../src/errors';
import { writeTextFile } from './atomic-write';
import { readTable, writeResult } from './formats';
import { joinBatches } from '../arrow/join-batches';

/** The manifest's file name inside a dataset folder. */
export const MANIFEST = 'manifest.json';

/** One part of a dataset, as its manifest records it. */
export interface DatasetPart {
  /** The part's file name inside the folder. */
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
  /** sha256 of the file's bytes, hex. */
  readonly sha256: string;
}

/** `manifest.json`: what a complete dataset holds. */
export interface DatasetManifest {
  readonly format: 'quiver-dataset';
  readonly version: 1;
  readonly rows: number;
  readonly parts: readonly DatasetPart[];
}

async function fileHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Writes each table of `tables` (in order) as its own part file in folder `dir`, then the
 * manifest, last and atomically. An old manifest (and old parts) are removed first, so a folder
 * being rewritten is never taken for complete; an error from `tables` leaves no manifest and is
 * the error thrown.
 *
 * @example
 * const manifest = await writeDataset(partitionTables(), 'out/frame.dataset', 'parquet');
 */
export async function writeDataset(
  tables: AsyncIterable<Table> | Iterable<Table>, dir: string, ext: 'arrow' | 'parquet' = 'arrow',
): Promise<DatasetManifest> {
  await mkdir(dir, { recursive: true });
  await rm(join(dir, MANIFEST), { force: true });
  // parts of an earlier, larger write would sit beside the new ones: remove them
  for (const old of await readdir(dir)) {
    if (/^part-\d{5}\.(arrow|parquet)$/.test(old)) await rm(join(dir, old), { force: true });
  }
  const parts: DatasetPart[] = [];
  for await (const table of tables) {
    const file = `part-${String(parts.length).padStart(5, '0')}.${ext}`;
    const path = join(dir, file);
    await writeResult(table, path);
    parts.push({ file, rows: table.numRows, bytes: (await stat(path)).size, sha256: await fileHash(path) });
  }
  const manifest: DatasetManifest = {
    format: 'quiver-dataset', version: 1, rows: parts.reduce((n, p) => n + p.rows, 0), parts,
  };
  await writeTextFile(join(dir, MANIFEST), 'dataset manifest', `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * The manifest of dataset `dir`, checked for shape; an `InputError` when it is missing (the writer
 * did not finish) or is not a quiver manifest.
 *
 * @example
 * (await readManifest('out/frame.dataset')).parts.length; // 8
 */
export async function readManifest(dir: string): Promise<DatasetManifest> {
  const path = join(dir, MANIFEST);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputError(
      `The dataset ${dir} has no ${MANIFEST}: its writer did not finish (the manifest is written last). ` +
        'Run the command that makes it again.',
    );
  }
  let manifest: DatasetManifest;
  try {
    manifest = JSON.parse(text) as DatasetManifest;
  } catch {
    throw new InputError(`${path} is not JSON; it is not a quiver dataset manifest. Write the dataset again.`);
  }
  const part = (p: DatasetPart) => typeof p?.file === 'string' && !/[\\/]/.test(p.file) &&
    Number.isInteger(p.rows) && Number.isInteger(p.bytes) && /^[0-9a-f]{64}$/.test(p.sha256);
  if (manifest?.format !== 'quiver-dataset' || manifest.version !== 1 || !Array.isArray(manifest.parts) ||
    !manifest.parts.every(part)) {
    throw new InputError(`${path} is not a quiver dataset manifest (format 'quiver-dataset', version 1, parts).`);
  }
  return manifest;
}

/**
 * Reads dataset `dir` into one table after checking every part against the manifest: present,
 * of the recorded byte size and sha256, with the recorded rows. Any difference is an `InputError`
 * naming the part and what differs.
 *
 * @example
 * const table = await readDataset('out/frame.dataset');
 */
export async function readDataset(dir: string): Promise<Table> {
  const manifest = await readManifest(dir);
  const tables: Table[] = [];
  for (const part of manifest.parts) {
    const path = join(dir, part.file);
    const damaged = (what: string) =>
      new InputError(`Part ${part.file} of the dataset ${dir} ${what}; the dataset is damaged: write it again.`);
    const size = await stat(path).then((s) => s.size, () => undefined);
    if (size === undefined) throw damaged('is missing');
    if (size !== part.bytes) throw damaged(`has ${size} bytes, the manifest says ${part.bytes}`);
    if ((await fileHash(path)) !== part.sha256) throw damaged('does not have the sha256 the manifest records');
    const table = await readTable(path);
    if (table.numRows !== part.rows) throw damaged(`has ${table.numRows} rows, the manifest says ${part.rows}`);
    tables.push(table);
  }
  if (tables.length === 0) throw new InputError(`The dataset ${dir} has no parts; write it again.`);
  return joinBatches(tables);
}
