/**
 * Corrupt Arrow IPC files and streams end in an InputError naming the file: apache-arrow trusts the
 * lengths in a file, and a flipped byte in a header used to run the process out of memory (a
 * schema byte of this very file did). Byte flips and cuts of a small file and stream: each read is
 * an InputError naming the file or a table with the file's row count (a flip inside a body changes
 * a value, which Arrow IPC, having no checksums, cannot tell).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, readArrow, tableFromColumns, writeArrow } from '../../../src';
import { useTempDir } from '../helpers/temp-dir';

const dir = useTempDir();
const n = 300;
const whole = tableFromColumns(['x', 'k', 's'], [
  Float64Array.from({ length: n }, (_, i) => i * 0.5), Int32Array.from({ length: n }, (_, i) => i % 7),
  Array.from({ length: n }, (_, i) => `s${i % 13}`),
]);
const table = whole.slice(0, 100).concat(whole.slice(100, 200), whole.slice(200));

describe.each([['file', 'arrow'], ['stream', 'arrows']] as const)('corrupt Arrow IPC %s', (format, ext) => {
  it('flips (every header byte of the first 700, some later) and cuts: an InputError naming the file, or a whole table', async () => {
    const source = join(dir(), `good.${ext}`);
    await writeArrow(table, source, { format });
    const bytes = readFileSync(source);
    const cases: ['flip' | 'cut', number][] = [];
    for (let i = 0; i < Math.min(700, bytes.length); i += 7) cases.push(['flip', i]);
    for (let i = 700; i < bytes.length; i += 211) cases.push(['flip', i]);
    for (let i = 1; i < bytes.length; i += Math.ceil(bytes.length / 16)) cases.push(['cut', i]);
    const outcome = { table: 0, error: 0, other: [] as string[] };
    for (const [kind, at] of cases) {
      const path = join(dir(), `${kind}-${at}.${ext}`);
      const b = Buffer.from(bytes);
      if (kind === 'flip') b[at] ^= 0xff;
      writeFileSync(path, kind === 'flip' ? b : b.subarray(0, at));
      try {
        const t = await readArrow(path);
        for (const f of t.schema.fields) t.getChild(f.name)!.toArray();
        if (t.numRows === n) outcome.table++;
        else outcome.other.push(`${kind}@${at}: a table of ${t.numRows} rows`);
      } catch (e) {
        if (e instanceof InputError && (e as Error).message.startsWith(`Cannot read Arrow IPC from "${path}": `)) outcome.error++;
        else outcome.other.push(`${kind}@${at}: ${(e as Error).name}: ${(e as Error).message}`);
      }
    }
    expect(outcome.other).toEqual([]);
    expect(outcome.table + outcome.error).toBe(cases.length);
    expect(outcome.error).toBeGreaterThan(cases.length / 10);
  }, 240_000);
});

it('the schema byte that used to exhaust memory, and a stream cut after a whole batch', async () => {
  const source = join(dir(), 'good.arrows');
  await writeArrow(table, source, { format: 'stream' });
  const bytes = readFileSync(source);
  const flipped = Buffer.from(bytes);
  flipped[210] ^= 0xff; // a list length inside the schema header
  const oom = join(dir(), 'flip-210.arrows');
  writeFileSync(oom, flipped);
  const error = await readArrow(oom).catch((e) => e);
  expect(error).toBeInstanceOf(InputError);
  expect(error.message).toMatch(new RegExp(`^Cannot read Arrow IPC from "${oom.replace(/[.]/g, '\\.')}": a list in its metadata says it holds 16711680 items`));
  const cut = join(dir(), 'cut.arrows');
  writeFileSync(cut, bytes.subarray(0, bytes.length - 8)); // ends after a whole batch without the end-of-stream marker: cut there earlier, it read as a table of 200 of 300 rows
  const short = await readArrow(cut).catch((e) => e);
  expect(short).toBeInstanceOf(InputError);
  expect(short.message).toContain('without the end-of-stream marker, so it was cut short');
}, 60_000);

it('one checking thread serves every read: damaged and good files in any order, no file left open', async () => {
  const good = join(dir(), 'good-again.arrows');
  await writeArrow(table, good, { format: 'stream' });
  const flipped = Buffer.from(readFileSync(good));
  flipped[210] ^= 0xff; // the list length that used to run the checking thread out of memory
  const bad = join(dir(), 'oom-again.arrows');
  writeFileSync(bad, flipped);
  const openFiles = () => readdirSync('/proc/self/fd').length;
  const before = openFiles();
  const read = (p: string) => readArrow(p).then((t) => t.numRows, (e) => e.name);
  const outcomes = await Promise.all([good, bad, good, bad, good].map(read));
  expect(outcomes).toEqual([n, 'InputError', n, 'InputError', n]);
  for (let i = 0; i < 40; i++) await readArrow(good);
  expect(openFiles()).toBeLessThanOrEqual(before + 2);
}, 60_000);
