/**
 * A method's JSDoc comment is its node's doc when quiver compiles the file itself: `quiver list`
 * shows it, the graph picture's tooltips carry it, and `@feature({ doc })` still wins.
 */
import * as fs from 'fs';
import * as ts from 'typescript';
import { Builder, documentMethods, FeatureDefinitionError } from '../../src';
import { docCommentTransformer } from '../../cli/doc-comments';
import { project, quiver } from './support/cli';

const FEATURES = `
import { feature, parameterize, value } from 'quiver';

export class Spend {
  /** Spend doubled, NaN kept. */
  doubled(spend: Float64Array): Float64Array { return spend.map((s) => 2 * s); }

  /**
   * Mean spend, NaN skipped.
   *
   * Second paragraph.
   * @example
   * spendMean(Float64Array.of(1, 2)) // 1.5
   */
  @feature()
  spendMean(spend: Float64Array): number { return spend.reduce((a, b) => a + b, 0) / spend.length; }

  /** The comment loses to the decorator's doc. */
  @feature({ doc: 'from @feature' })
  explicit(spend: Float64Array): Float64Array { return spend; }

  /** Spend times a factor. */
  @parameterize({ spendX2: { k: value(2) }, spendX3: { k: value(3) } })
  scaled(spend: Float64Array, k: number): Float64Array { return spend.map((s) => k * s); }

  // a line comment is not a doc comment
  plain(spend: Float64Array): Float64Array { return spend; }
}
`;

describe('quiver list and graph show JSDoc comments as docs', () => {
  const dir = project({ 'features.ts': FEATURES });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('list --json: the comment (tags left out), @feature({ doc }) first, parameterized outputs share it', () => {
    const r = quiver(['list', 'features.ts', '--json'], dir);
    expect(r.stderr).toBe('');
    const nodes = JSON.parse(r.stdout) as { name: string; doc: string }[];
    const docs = Object.fromEntries(nodes.map((n) => [n.name, n.doc]));
    expect(docs).toEqual({
      spend: '',
      doubled: 'Spend doubled, NaN kept.',
      spendMean: 'Mean spend, NaN skipped.\n\nSecond paragraph.',
      explicit: 'from @feature',
      spendX2: 'Spend times a factor.',
      spendX3: 'Spend times a factor.',
      plain: '',
    });
  });

  test('the DOC column of the table holds the first line', () => {
    const r = quiver(['list', 'features.ts'], dir);
    const line = r.stdout.split('\n').find((l) => l.startsWith('spendMean '));
    expect(line).toMatch(/ Mean spend, NaN skipped\.$/);
  });

  test('graph (DOT): the tooltip of a documented node carries its comment', () => {
    const r = quiver(['graph', 'features.ts', '--format', 'dot'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Spend doubled, NaN kept.');
  });
});

describe('docCommentTransformer', () => {
  const compile = (source: string) =>
    ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, experimentalDecorators: true },
      transformers: { before: [docCommentTransformer(ts)] },
    }).outputText;

  test('adds one documentMethods call after each documented class, none for undocumented ones', () => {
    const js = compile(
      'export class A {\n  /** a doc */\n  a() {}\n  /** static: not a node */\n  static s() {}\n}\nclass B { b() {} }\n',
    );
    expect(js).toContain('require("quiver").documentMethods(A, { "a": "a doc" });');
    expect(js.match(/documentMethods/g)).toHaveLength(1);
  });

  test('leaves ambient classes and methods without a body alone', () => {
    const js = compile(
      'declare class D {\n  /** x */\n  x(): void;\n}\nexport abstract class E {\n  /** y */\n  abstract y(): void;\n}\n',
    );
    expect(js).not.toContain('documentMethods');
  });
});

describe('documentMethods', () => {
  class Spend {
    doubled(spend: Float64Array): Float64Array {
      return spend.map((s) => 2 * s);
    }
  }

  test('gives a node its doc', () => {
    documentMethods(Spend, { doubled: 'Spend doubled' });
    const dr = new Builder().withFeatures(Spend).build();
    expect(dr.listAvailableVariables().find((v) => v.name === 'doubled')?.doc).toBe('Spend doubled');
  });

  test('names the class and method it cannot document', () => {
    expect(() => documentMethods(Spend, { dobuled: 'x' })).toThrow(FeatureDefinitionError);
    expect(() => documentMethods(Spend, { dobuled: 'x' })).toThrow(
      'documentMethods(Spend, …): Spend has no method "dobuled" of its own.',
    );
    expect(() => documentMethods(Spend, { doubled: 3 as unknown as string })).toThrow(
      'documentMethods(Spend, …): the doc of "doubled" must be a string, got a number (3).',
    );
  });
});
