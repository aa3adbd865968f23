/** Readers, writers, table helpers, time windows and the progress bar refuse unknown option keys too. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromColumns, inputsFromTable, readCsv, registerFormat, writeCsv, writeJson } from '../../adapters';
import { progressBar } from '../../adapters/progress';
import { InputError, QuiverError, RegistrationError, rollingMean, rollingMax } from '../../src';

const table = tableFromColumns(['x'], [Float64Array.of(1)]);
const time = Float64Array.of(0, 1);
/** Where a writer would write if it ignored the misspelled option (it must throw first). */
const nowhere = (name: string) => join(tmpdir(), `quiver-never-written-${process.pid}-${name}`);
const format = { read: readCsv, write: writeCsv, extensions: ['.psv'] } as never;
const valid = (keys: string) => `Valid options: ${keys}.`;

test.each([
  ['readCsv', () => readCsv(nowhere('b.csv'), { delimter: ';' } as never), InputError,
    'readCsv got an unknown option "delimter" (did you mean "delimiter"?). ' +
      valid('schema, delimiter, nullValues, onNote')],
  ['writeCsv', () => writeCsv(table, nowhere('a.csv'), { delimeter: ';' } as never), InputError,
    'writeCsv got an unknown option "delimeter" (did you mean "delimiter"?). Valid options: delimiter.'],
  ['writeJson', () => writeJson(table, nowhere('a.json'), { line: true } as never), InputError,
    'writeJson got an unknown option "line" (did you mean "lines"?). Valid options: lines.'],
  ['tableFromColumns', () => tableFromColumns(['x'], [1], { maxChunkByte: 1 } as never), InputError,
    `tableFromColumns got an unknown option "maxChunkByte" (did you mean "maxChunkBytes"?). ${valid('maxChunkBytes')}`],
  ['inputsFromTable', () => inputsFromTable(table, { onNotes: () => {} } as never), InputError,
    'inputsFromTable got an unknown option "onNotes" (did you mean "onNote"?). Valid options: onNote.'],
  ['registerFormat', () => registerFormat('psv', format, { overide: true } as never), RegistrationError,
    'registerFormat("psv") got an unknown option "overide" (did you mean "override"?). Valid options: override.'],
  ['progressBar', () => progressBar({ quite: true } as never), QuiverError,
    `progressBar got an unknown option "quite" (did you mean "quiet"?). ${valid('stream, quiet, env, stdoutIsTTY')}`],
  ['a time window', () => rollingMean(time, '2D', { time, minPeriod: 1 } as never), InputError,
    'rollingMean got an unknown option "minPeriod" (did you mean "minPeriods"?). ' +
      valid('groups, out, minPeriods, time')],
  ['a time window (rollingMax)', () => rollingMax(time, '2D', { tme: time } as never), InputError,
    `rollingMax got an unknown option "tme" (did you mean "time"?). ${valid('groups, out, minPeriods, time')}`],
] as [string, () => unknown, new (...args: never[]) => Error, string][])('%s', async (_, call, ErrorClass, message) => {
  const error = await Promise.resolve().then(() => call()).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ErrorClass);
  expect((error as Error).message).toBe(message);
});
