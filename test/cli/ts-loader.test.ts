import * as fs from 'fs';
import { QuiverError } from '../../src/errors';
import { transpileTypeScript } from '../../cli/ts-loader';
import { project, quiver } from './support/cli';

describe('transpileTypeScript', () => {
  test('keeps decorator metadata and emits CommonJS', () => {
    const js = transpileTypeScript(
      "import { feature } from 'quiver';\nexport class A {\n  @feature()\n  x(spend: Float64Array, n: number): Float64Array { return spend; }\n}\n",
      '/tmp/a.ts',
    );
    expect(js).toContain('require("quiver")');
    // transpileModule guards references to globals: `typeof (_a = typeof Float64Array !== "undefined" && Float64Array) …`
    expect(js).toMatch(/__metadata\("design:paramtypes", \[typeof \(_a = typeof Float64Array !== "undefined" && Float64Array\) === "function" \? _a : Object, Number\]\)/);
    expect(js).toMatch(/__metadata\("design:returntype", typeof \(_b = typeof Float64Array !== "undefined" && Float64Array\) === "function" \? _b : Object\)/);
    expect(js).toContain('//# sourceMappingURL=data:application/json;base64,');
  });

  test('a syntax error is a QuiverError naming the file, line and column', () => {
    const compile = () => transpileTypeScript('export class B {\n  x(: number) { return 1; }\n}\n', '/tmp/b.ts');
    expect(compile).toThrow(QuiverError);
    expect(compile).toThrow('/tmp/b.ts does not compile:\n  /tmp/b.ts(2,5): Parameter declaration expected.');
  });
});

describe('loading a user file outside the repository', () => {
  const dir = project({
    'features.ts': [
      "import { feature } from 'quiver';",
      "import { vectorFromArray } from 'apache-arrow';",
      "import { offset } from './helpers/offset';",
      '',
      'export const FROM_ARROW = vectorFromArray([1, 2, 3]).length;',
      '',
      'export class Local {',
      '  @feature()',
      '  shifted(spend: Float64Array): Float64Array { return offset(spend, FROM_ARROW); }',
      '',
      '  @feature()',
      '  boom(spend: Float64Array): Float64Array {',
      "    throw new Error('kaboom');",
      '  }',
      '}',
      '',
    ].join('\n'),
    'helpers/offset.ts': 'export const offset = (x: Float64Array, k: number): Float64Array => x.map((v) => v + k);\n',
    'data.csv': 'spend\n0.5\n1.5\n',
    'broken.ts': 'export class B {\n  x(: number) { return 1; }\n}\n',
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("`quiver` resolves to this package, relative .ts files and quiver's own dependencies load, types survive", () => {
    const r = quiver(['run', 'features.ts', '--outputs', 'shifted', '--inputs', 'data.csv', '--out', 'out.csv'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // offset by vectorFromArray([1, 2, 3]).length = 3
    expect(fs.readFileSync(`${dir}/out.csv`, 'utf8')).toBe('shifted\n3.5\n4.5\n');
    const list = JSON.parse(quiver(['list', 'features.ts', '--json'], dir).stdout) as { name: string; type: string }[];
    expect(list.find((n) => n.name === 'shifted')?.type).toBe('Float64Array'); // from design:returntype
    expect(list.find((n) => n.name === 'spend')?.type).toBe('Float64Array'); // from design:paramtypes
  });

  test('a feature that throws: its message, and with --verbose a stack pointing at the .ts line', () => {
    const r = quiver(['run', 'features.ts', '--outputs', 'boom', '--inputs', 'data.csv', '--out', 'x.csv'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^FeatureExecutionError: Feature "boom" \(Local\.boom\) threw Error: kaboom\n\(run again with --verbose to see where it was thrown\)\n$/);
    const verbose = quiver(['run', 'features.ts', '--outputs', 'boom', '--inputs', 'data.csv', '--out', 'x.csv', '--verbose'], dir);
    expect(verbose.stderr).toMatch(/Caused by: Error: kaboom\n\s+at Local\.boom \(.*features\.ts:13:11\)/);
  });

  test('a file that does not compile: exit 1, every syntax error with its position', () => {
    const r = quiver(['list', 'broken.ts'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^QuiverError: .*broken\.ts does not compile:\n {2}.*broken\.ts\(2,5\): Parameter declaration expected\.\n$/);
  });
});
