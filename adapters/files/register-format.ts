/**
 * `registerFormat`: adds a file format to the extension table `readTable`, `writeResult`,
 * `materialize` and the CLI choose from, so a user can read and write a format quiver does not ship.
 */
import type { Table } from 'apache-arrow';
import { RegistrationError } from '../../src/errors';
import { assertKnownKeys } from '../../src/options/known-keys';
import { assertRegistryName } from '../../src/registry-name';
import { FORMATS, type Format, type ReadTableOptions } from './formats';

/** What `registerFormat` takes: a reader, a writer and the file extensions (with the dot). */
export interface FormatDefinition {
  readonly read: (path: string, options: ReadTableOptions) => Promise<Table>;
  readonly write: (table: Table, path: string) => Promise<void>;
  readonly extensions: readonly string[];
}

const EXTENSION = /^\.[a-z0-9][a-z0-9_+-]{0,15}$/;

/**
 * Registers a file format under `name` for its `extensions` (lower case, with the dot). A name or
 * extension already taken is a `RegistrationError` unless `{ override: true }`; overriding a name
 * drops the extensions the old format of that name had.
 *
 * @example
 * registerFormat('Pipe-separated', {
 *   extensions: ['.psv'],
 *   read: (path) => readCsvPipes(path),
 *   write: (table, path) => writePipes(table, path),
 * });
 * const table = await readTable('data/prices.psv');
 */
export function registerFormat(
  name: string,
  definition: FormatDefinition,
  options: { override?: boolean } = {},
): void {
  assertRegistryName('registerFormat', name);
  const where = `registerFormat("${name}")`;
  assertKnownKeys(options, ['override'], where, RegistrationError);
  const d = definition as Partial<FormatDefinition> | null;
  if (d === null || typeof d !== 'object' || typeof d.read !== 'function' || typeof d.write !== 'function') {
    throw new RegistrationError(`${where} takes { read(path, options), write(table, path), extensions: ['.ext'] }.`);
  }
  const extensions = d.extensions;
  if (!Array.isArray(extensions) || extensions.length === 0) {
    throw new RegistrationError(`${where}: extensions must be a non-empty array such as ['.psv'].`);
  }
  const bad = extensions.find((e) => typeof e !== 'string' || !EXTENSION.test(e));
  if (bad !== undefined) {
    throw new RegistrationError(
      `${where}: the extension ${JSON.stringify(bad)} must be lower case with a leading dot, like ".psv".`,
    );
  }
  const table = FORMATS as Record<string, Format>;
  if (!options.override) {
    const sameName = Object.keys(table).filter((e) => table[e].name === name);
    if (sameName.length > 0) {
      throw new RegistrationError(
        `${where}: a format of this name is registered (${sameName.join(', ')}). ` +
          'Pass { override: true } to replace it.',
      );
    }
    const taken = extensions.filter((e) => table[e] !== undefined);
    if (taken.length > 0) {
      throw new RegistrationError(
        `${where}: ${taken.map((e) => `${e} is ${table[e].name}`).join(', ')}. ` +
          'Pass { override: true } to take it over.',
      );
    }
  }
  for (const e of Object.keys(table)) if (table[e].name === name) delete table[e];
  const format: Format = Object.freeze({ name, read: d.read, write: d.write });
  for (const e of extensions) table[e] = format;
}
