/**
 * `quiver run --schema FILE|col=type,…`: pins the types of the --inputs columns; a column or a
 * value the file disagrees on is an error naming the column. The real command, real files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readTable } from '../../adapters/files/formats';
import { UsageError } from '../../cli/errors';
import { parseSchema } from '../../cli/schema-option';
import { project, quiver } from './support/cli';

const dir = project({
  'features.ts': `
import { feature } from 'quiver';
export class Codes {
  // an int32 column arrives as an Int32Array, a utf8 one as an Arrow Vector: both iterate
  @feature() codeText(code: Iterable<unknown>): string[] { return Array.from(code, String); }
  @feature() amountTwice(amount: Float64Array): Float64Array { return amount.map((a) => a * 2); }
}
`,
  // "code" reads as int32 unless pinned: its leading zeros would be lost
  'codes.csv': 'code,amount\n007,1\n010,2.5\n100,3\n',
  'bad.csv': 'code,amount\n007,1\n010,lots\n',
  'schema.json': JSON.stringify({ code: 'utf8', amount: { type: 'float64', nullable: false } }),
  'typo.json': JSON.stringify({ cod: 'utf8' }),
  'broken.json': '{ "code": "utf8", ',
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => quiver(['run', 'features.ts', '--quiet', ...args], dir);
const strings = async (file: string, name: string) => (await readTable(path.join(dir, file))).getChild(name)!.toArray();

test('a JSON schema file pins column types; without it the codes lose their zeros', async () => {
  const pinned = run('--inputs', 'codes.csv', '--out', 'pinned.arrow', '--schema', 'schema.json');
  expect(pinned.code).toBe(0);
  expect(Array.from(await strings('pinned.arrow', 'codeText'))).toEqual(['007', '010', '100']);
  expect(Array.from(await strings('pinned.arrow', 'amountTwice'))).toEqual([2, 5, 6]);
  const inferred = run('--inputs', 'codes.csv', '--out', 'inferred.arrow');
  expect(inferred.code).toBe(0);
  expect(Array.from(await strings('inferred.arrow', 'codeText'))).toEqual(['7', '10', '100']);
  // col=type pairs say the same
  expect(run('--inputs', 'codes.csv', '--out', 'pairs.arrow', '--schema', 'code=utf8').code).toBe(0);
  expect(Array.from(await strings('pairs.arrow', 'codeText'))).toEqual(['007', '010', '100']);
});

test('a value the schema does not allow names the line and the column; nothing is written', () => {
  const r = run('--inputs', 'bad.csv', '--out', 'bad.arrow', '--schema', 'amount=float64');
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('Cannot read CSV from "bad.csv": line 3, column "amount" is "lots", which is not a float64 as the schema declares.');
  expect(fs.existsSync(path.join(dir, 'bad.arrow'))).toBe(false);
});

test('a schema column the file does not have is named with "did you mean"', () => {
  const r = run('--inputs', 'codes.csv', '--out', 'typo.arrow', '--schema', 'typo.json');
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('the schema names column "cod", which the header does not have (code, amount). Did you mean "code"?');
});

test('an unreadable, broken or misshapen schema is a usage error (exit 2)', () => {
  const broken = run('--inputs', 'codes.csv', '--out', 'x.arrow', '--schema', 'broken.json');
  expect(broken.code).toBe(2);
  expect(broken.stderr).toContain('--schema broken.json is not JSON (');
  const missing = run('--inputs', 'codes.csv', '--out', 'x.arrow', '--schema', 'nope.json');
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('--schema nope.json: cannot read the file (ENOENT)');
  expect(() => parseSchema('code')).toThrow(UsageError);
  expect(() => parseSchema('code')).toThrow('--schema takes a JSON file such as schema.json');
  fs.writeFileSync(path.join(dir, 'shape.json'), JSON.stringify({ code: { type: 'utf8', nulable: true } }));
  expect(() => parseSchema(path.join(dir, 'shape.json'))).toThrow('column "code" is {"type":"utf8","nulable":true}; give a type');
  expect(parseSchema('a=float64, b=utf8', { c: 'int32' })).toEqual({ c: 'int32', a: 'float64', b: 'utf8' });
});

test('an Arrow input with a schema is refused: the file stores its types', () => {
  expect(run('--inputs', 'codes.csv', '--out', 'codes.arrow').code).toBe(0);
  const r = quiver(['run', 'features.ts', '--quiet', '--inputs', 'codes.arrow', '--out', 'y.arrow', '--schema', 'code=utf8'], dir);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('a schema was given, but this format stores its column types itself');
});

test('quiver validate takes --schema too: the file is checked against it, nothing is computed', () => {
  const validate = (...args: string[]) => quiver(['validate', 'features.ts', ...args], dir);
  const ok = validate('--inputs', 'codes.csv', '--schema', 'schema.json');
  expect(ok.code).toBe(0);
  expect(ok.stdout).toContain('OK: features.ts can compute 2 outputs from codes.csv (3 rows, 2 columns).');
  const bad = validate('--inputs', 'bad.csv', '--schema', 'amount=float64');
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain(
    'Cannot read CSV from "bad.csv": line 3, column "amount" is "lots", which is not a float64 as the schema declares.',
  );
  expect(bad.stderr).toContain('(on the command line: --schema amount=utf8)');
  const typo = validate('--inputs', 'codes.csv', '--schema', 'typo.json');
  expect(typo.code).toBe(1);
  expect(typo.stderr).toContain('the schema names column "cod", which the header does not have (code, amount).');
});
