/**
 * `quiver types`: names made at run time (@parameterize keys, @extractColumns, namespaces) are
 * written to a declaration that typed drivers read; `--check` fails on a stale or missing file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { project, quiver } from '../cli/support/cli';
import { compile } from './compile';

const features = (windows: readonly number[]) => `
import { extractColumns, parameterize, source, value } from 'quiver';
export class Windows {
  @parameterize(Object.fromEntries(${JSON.stringify(windows)}.map((w) => ['mean' + w, { n: value(w) }])))
  meanOf(price: Float64Array, n: number): Float64Array { return price.map((p) => p / n); }

  @extractColumns('lo', 'hi')
  band(price: Float64Array): Record<string, Float64Array> { return { lo: price, hi: price }; }

  spread(hi: Float64Array, lo: Float64Array): Int32Array { return Int32Array.from(hi, (h, i) => h - lo[i]); }
}
export class Ratios {
  @parameterize({ ratio3: { num: source('mean3'), den: source('price') } })
  ratioOf(num: Float64Array, den: Float64Array): Float64Array { return num.map((v, i) => v / den[i]); }
}
`;

test('writes the run-time names, types a driver with them, and --check tells a stale file', () => {
  const dir = project({ 'features.ts': features([3, 7]) });
  const write = quiver(['types', 'features.ts', '-o', 'features.names.d.ts'], dir);
  expect(write.stderr).toBe('');
  expect(write.code).toBe(0);
  const declaration = fs.readFileSync(path.join(dir, 'features.names.d.ts'), 'utf8');
  expect(declaration).toContain('declare module "./features"');
  expect(declaration).toContain('readonly names: "band" | "hi" | "lo" | "mean3" | "mean7" | "spread";');
  expect(declaration).toContain('readonly inputs: "price";');
  // from decorator metadata; an undecorated method keeps its TypeScript return type
  expect(declaration).toContain('"mean3": Float64Array;');

  const use = (outputs: string) => `/// <reference path="./features.names.d.ts" />
import { Builder } from 'quiver';
import { Ratios, Windows } from './features';
const dr = new Builder().withFeatures(Windows, Ratios).build();
export const run = () => dr.execute([${outputs}], { inputs: { price: Float64Array.of(1, 2) } });
export const up = () => dr.whatIsUpstreamOf('ratio3', 'price');
`;
  const result = compile({
    'features.ts': features([3, 7]),
    'features.names.d.ts': declaration,
    'good.ts': use(`'mean3', 'mean7', 'lo', 'spread', 'ratio3'`),
    'bad.ts': use(`'mean3', 'mean5'`),
    'method.ts': use(`'meanOf'`),
  });
  expect(result.get('good.ts')).toEqual([]);
  expect(result.get('bad.ts')!.join('\n')).toContain('unknown name: mean5');
  // a @parameterize method itself is no node: the declaration, read off the graph, says so
  expect(result.get('method.ts')!.join('\n')).toContain('unknown name: meanOf');

  expect(quiver(['types', 'features.ts', '-o', 'features.names.d.ts', '--check'], dir).code).toBe(0);
  fs.writeFileSync(path.join(dir, 'features.ts'), features([3, 7, 14]));
  const stale = quiver(['types', 'features.ts', '-o', 'features.names.d.ts', '--check'], dir);
  expect(stale.code).toBe(1);
  expect(stale.stderr).toContain('features.names.d.ts is stale: run `quiver types features.ts -o features.names.d.ts`');
  fs.rmSync(path.join(dir, 'features.names.d.ts'));
  expect(quiver(['types', 'features.ts', '-o', 'features.names.d.ts', '--check'], dir).stderr).toContain('is missing');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the committed declarations of the examples are up to date (weather: 1,000+ names)', () => {
  const root = path.resolve(__dirname, '..', '..');
  for (const [features, names] of [
    ['examples/weather/features.ts', 'examples/weather/features.names.d.ts'],
    ['examples/composition/main.ts', 'examples/composition/main.names.d.ts'],
  ]) {
    const check = quiver(['types', features, '-o', names, '--check'], root);
    expect(`${names}: ${check.code} ${check.stderr}`).toBe(`${names}: 0 `);
  }
  const weather = fs.readFileSync(path.join(root, 'examples/weather/features.names.d.ts'), 'utf8');
  const names = weather.match(/readonly names:[^;]*;/g)!.join(" ").match(/"[^"]+"/g)!;
  expect(names.length).toBeGreaterThan(1000);
});

test('-o must name a .d.ts file', () => {
  const dir = project({ 'features.ts': features([3]) });
  const bad = quiver(['types', 'features.ts', '-o', 'names.ts'], dir);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('give -o a name ending in .d.ts (got "names.ts")');
  fs.rmSync(dir, { recursive: true, force: true });
});
