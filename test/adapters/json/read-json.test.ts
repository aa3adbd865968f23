/** JSON and NDJSON inputs: records, columns or lines, typed like CSV, errors naming file and line. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, readTable, tableFromColumns, writeJson, writeResult, type AdapterNote } from '../../../adapters';
import { InputError } from '../../../src/errors';
import { rejection, useTempDir } from '../helpers/temp-dir';

const dir = useTempDir();
let count = 0;
function file(text: string, ext = 'json'): string {
  const path = join(dir(), `j${++count}.${ext}`);
  writeFileSync(path, text);
  return path;
}
const types = (t: { schema: { fields: { name: string; type: unknown }[] } }) => t.schema.fields.map((f) => `${f.name}:${f.type}`);

describe('readJson: three layouts, one typing', () => {
  const expected = ['city:Utf8', 'day:Timestamp<MILLISECOND>', 'temp:Float64', 'visits:Int32', 'open:Bool', 'big:Int64'];
  const rows = [
    { city: 'Oslo', day: '2012-01-01', temp: 3.5, visits: 10, open: true, big: 2 ** 40 },
    { city: 'Lima', day: '2012-01-02', temp: 20, visits: null, open: false, big: 1 },
  ];

  it('records: an array of objects', async () => {
    const table = await readJson(file(JSON.stringify(rows, null, 2)));
    expect(types(table)).toEqual(expected);
    expect(Array.from(table.getChild('city')!)).toEqual(['Oslo', 'Lima']);
    expect(Array.from(table.getChild('day')!)).toEqual([Date.UTC(2012, 0, 1), Date.UTC(2012, 0, 2)]);
    expect(Array.from(table.getChild('visits')!)).toEqual([10, null]);
    expect(Array.from(table.getChild('big')!)).toEqual([2n ** 40n, 1n]);
  });

  it('columns: an object of arrays', async () => {
    const columns = Object.fromEntries(Object.keys(rows[0]).map((k) => [k, rows.map((r) => r[k as keyof typeof r])]));
    expect(types(await readJson(file(JSON.stringify(columns))))).toEqual(expected);
  });

  it('NDJSON: one object per line, blank lines skipped, missing keys are null, new keys add columns', async () => {
    const path = file(`${JSON.stringify(rows[0])}\n\n${JSON.stringify(rows[1])}\n{"city": "Rome", "extra": "x"}\n`, 'ndjson');
    const table = await readTable(path);
    expect(types(table)).toEqual([...expected, 'extra:Utf8']);
    expect(Array.from(table.getChild('extra')!)).toEqual([null, null, 'x']);
    expect(Array.from(table.getChild('temp')!)).toEqual([3.5, 20, null]);
  });

  it('a JSON string that looks like a number stays text; a declared schema converts', async () => {
    const path = file('[{"id": "007", "n": 1}, {"id": "008", "n": 2}]');
    expect(types(await readJson(path))).toEqual(['id:Utf8', 'n:Int32']);
    expect(types(await readJson(path, { schema: { n: 'float64' } }))).toEqual(['id:Utf8', 'n:Float64']);
  });

  it('an integer beyond 2^53 becomes float64 with a note', async () => {
    const notes: AdapterNote[] = [];
    const path = file('[{"n": 1},\n {"n": 99999999999999999999}]');
    const table = await readJson(path, { onNote: (n) => notes.push(n) });
    expect(types(table)).toEqual(['n:Float64']);
    expect(notes.map((n) => n.message)).toEqual([
      `Column "n" of "${path}" is read as float64: line 2 holds an integer beyond ±2^53 (read as 100000000000000000000), ` +
        'which JSON numbers cannot hold exactly. To keep the digits, write such numbers as strings and declare the column utf8.',
    ]);
  });

  it('writeJson → readJson keeps ints, bools, dates, text and nulls (JSON cannot tell 3.0 from 3)', async () => {
    const table = tableFromColumns(['x', 'i', 'b', 'd', 's'], [
      Float64Array.of(3.5, NaN), Int32Array.of(7, 1), [true, null], [new Date(Date.UTC(2020, 0, 1)), null], ['a', null],
    ]);
    for (const ext of ['json', 'ndjson']) {
      const path = join(dir(), `round.${ext}`);
      await writeResult(table, path);
      const back = await readTable(path);
      expect(types(back)).toEqual(['x:Float64', 'i:Int32', 'b:Bool', 'd:Timestamp<MILLISECOND>', 's:Utf8']);
      expect(Array.from(back.getChild('x')!)).toEqual([3.5, null]);
    }
  });

  it('writes NDJSON records one per line', async () => {
    const path = join(dir(), 'w.ndjson');
    await writeJson(tableFromColumns(['x', 's'], [Float64Array.of(1.5, Infinity), ['a"b', null]]), path);
    expect(require('node:fs').readFileSync(path, 'utf8')).toBe('{"x":1.5,"s":"a\\"b"}\n{"x":null,"s":null}\n');
  });
});

describe('readJson: errors name the file and the line', () => {
  it.each([
    ['[{"a": 1},\n {"a": 2,}]', 'json', /^Cannot read JSON from ".*": line 2 is not valid JSON \(.*\)\. Fix the syntax there/],
    ['{"a": 1}\n{"a": 2\n', 'ndjson', /^Cannot read NDJSON from ".*": line 2 is not valid JSON \(.*\)\. Fix the syntax there/],
    ['{"a": 1}\n[1, 2]\n', 'ndjson', /^Cannot read NDJSON from ".*": line 2 holds an array, not an object\. Each record must be an object/],
    ['[{"a": 1},\n {"a": "x"}]', 'json', /^Cannot read JSON from ".*": line 2, column "a" holds a string \("x"\), but line 1 holds a number\. Give the column one type, or declare it \(e\.g\. schema: \{ "a": 'utf8' \}\)\.$/],
    ['{"a": [1, "x"]}', 'json', /^Cannot read JSON from ".*": row 1, column "a" holds a string \("x"\), but row 0 holds a number\./],
    ['[{"a": 1},\n\n {"a": {"b": 2}}]', 'json', /^Cannot read JSON from ".*": line 3, column "a" holds an object, not a single value\. quiver reads flat records/],
    ['{"a": [1, 2], "b": [1]}', 'json', /^Cannot read JSON from ".*": column "b" has 1 values but column "a" has 2\./],
    ['42', 'json', /^Cannot read JSON from ".*": it holds neither records \(an array of objects\) nor columns \(an object of arrays\)\./],
    ['[{"temp": 1}]', 'json', null],
  ])('%j', async (text, ext, message) => {
    const path = file(text, ext);
    if (message === null) {
      const error = await rejection(readJson(path, { schema: { tmp: 'float64' } }));
      expect(error.message).toBe(
        `Cannot read JSON from "${path}": the schema names column "tmp", which the file does not have (temp). Did you mean "temp"? Fix the name in the schema.`,
      );
      return;
    }
    const error = await rejection(readJson(path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(message);
  });

  it('a misspelled option is refused', async () => {
    const error = await rejection(readJson(file('[]'), { shema: {} } as never));
    expect(error.message).toBe('readJson got an unknown option "shema" (did you mean "schema"?). Valid options: schema, lines, onNote.');
  });

  it('a binary file is refused', async () => {
    const path = join(dir(), 'zeros.json');
    writeFileSync(path, Buffer.alloc(16));
    expect((await rejection(readJson(path))).message).toMatch(/^Cannot read JSON from ".*zeros\.json": it is binary, not text/);
  });
});

describe('readJson: a key held twice in one object is refused (JSON.parse would keep the last value)', () => {
  it.each([
    ['records', '[\n{"a": 1, "b": 2},\n{"a": 3, "b": 4, "a": 5}\n]', 'json', 3, 'a'],
    ['columns', '{\n"a": [1, 2],\n"b": [3, 4],\n"a": [5, 6]\n}', 'json', 4, 'a'],
    ['NDJSON lines', '{"a": 1}\n{"a": 2}\n{"b": 1, "b": 2}\n', 'ndjson', 3, 'b'],
    ['an escaped spelling of the same key', '[{"ab": 1, "a\\u0062": 2}]', 'json', 1, 'ab'],
    ['inside a nested value', '[{"a": {"x": 1, "x": 2}}]', 'json', 1, 'x'],
  ])('%s', async (_, text, ext, line, key) => {
    const path = file(text, ext);
    const error = await rejection(readJson(path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(path);
    expect(error.message).toContain(`line ${line} holds the key "${key}" twice in one object (JSON keeps only`);
    expect(error.message).toContain('Rename or remove one of them');
  });

  it('the same key in different objects, in arrays and inside strings is no repeat', async () => {
    const table = await readJson(file('[{"a": 1, "s": "\\"a\\": 2, \\"a\\""}, {"a": 2, "s": "x"}]'));
    expect(Array.from(table.getChild('a')!)).toEqual([1, 2]);
    expect(Array.from(table.getChild('s')!)).toEqual(['"a": 2, "a"', 'x']);
    // nested values are refused for what they are, not as a repeat of "a"
    const nested = await rejection(readJson(file('[{"a": 1, "n": {"a": 1}, "l": [{"a": 1}, {"a": 2}]}]')));
    expect(nested.message).toContain('holds an object, not a single value');
  });
});

describe('readJson: records on one line', () => {
  // JSON.stringify writes an array of records on one line: the error said
  // 'line 1, column "a" holds a string ("2"), but line 1 holds a number'.
  it('names the records, counting from 0, and their line', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-json-'));
    try {
      const file = path.join(dir, 'one-line.json');
      fs.writeFileSync(file, JSON.stringify([{ a: 1 }, { a: '2' }]));
      await expect(readJson(file)).rejects.toThrow(
        'record 1 (counting from 0, on line 1), column "a" holds a string ("2"), but record 0 (counting from 0, ' +
          'on line 1) holds a number',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('writeJson: ±Infinity', () => {
  // JSON has no Infinity: it was written as null without a word, so the file said "missing" where
  // a pctChange over a zero was infinite.
  it('is written as null with a QUIVER_NOTE warning naming the column and the first row', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-json-inf-'));
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const file = path.join(dir, 'inf.json');
      const table = tableFromColumns(['ok', 'pct'], [Float64Array.of(1, NaN, 2), Float64Array.of(0.5, 2, -Infinity)]);
      await writeJson(table, file);
      expect(warn.mock.calls).toEqual([[
        `Column "pct" written to "${file}" holds -Infinity at row 2 (counting from 0), which JSON cannot hold: it is ` +
          'written as null, as a missing value would be. Write .arrow, .parquet or .csv to keep it.',
        { code: 'QUIVER_NOTE', detail: 'json-infinity-as-null' },
      ]]);
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))[2]).toEqual({ ok: 2, pct: null });
    } finally {
      warn.mockRestore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
