/**
 * Names checked by the compiler (API.md §10): a misspelt output, override, input or lineage query
 * is a tsc error whose message names it; valid programs compile; `untyped` and `string[]` lists
 * keep the run-time check only. One TypeScript program checks every case (about 10 s).
 */
import { compile } from './compile';

const FEATURES = `
import { feature, tag } from 'quiver';
export class SpendFeatures {
  @tag({ owner: 'marketing' })
  avg3wkSpend(spend: Float64Array): Float64Array { return spend; }
  spendPerSignup(spend: Float64Array, signups: Float64Array): Float64Array {
    return spend.map((s, i) => s / signups[i]);
  }
  @feature()
  spendMean(spend: Float64Array): number { return spend[0]; }
  async counts(signups: Float64Array): Promise<Int32Array> { return Int32Array.from(signups); }
  _helper(): number { return 1; }
  static build(): number { return 2; }
}
`;

const header = `import { Builder } from 'quiver';\nimport { SpendFeatures } from './features';\n`
  + `const dr = new Builder().withFeatures(SpendFeatures).withConfig({ region: 'US' }).build();\n`
  + `const spend = Float64Array.of(1, 2), signups = Float64Array.of(1, 1);\n`;

const cases: Record<string, string> = {
  'features.ts': FEATURES,
  'valid.ts': header + `
import { expectTypeOf } from 'expect-type';
import type { Float64, Int32, Vector } from 'apache-arrow';
export async function main() {
  const t = await dr.execute(['avg3wkSpend', 'spendMean', 'counts', 'region'], { inputs: { spend, signups } });
  expectTypeOf(t.getChild('avg3wkSpend')).toEqualTypeOf<Vector<Float64> | null>();
  expectTypeOf(t.getChild('spendMean')).toEqualTypeOf<Vector<Float64> | null>();
  expectTypeOf(t.getChild('counts')).toEqualTypeOf<Vector<Int32> | null>();
  await dr.execute(['spend'], { inputs: { spend } });
  await dr.run(['spendPerSignup'], { inputs: { spend, signups }, overrides: { spendMean: 3 } });
  dr.validateExecution(['avg3wkSpend'], { inputs: { spend } });
  dr.visualizeExecution(['spendPerSignup']);
  dr.whatIsUpstreamOf('spendPerSignup', 'avg3wkSpend');
  dr.whatIsDownstreamOf('spendMean');
  dr.whatIsThePathBetween('spendMean', 'spendPerSignup');
  const dynamic: string[] = ['built', 'at', 'run', 'time'];
  await dr.execute(dynamic, { inputs: { spend } });
  await dr.untyped.execute(['anything'], { overrides: { whatever: 1 } });
  dr.untyped.whatIsDownstreamOf('spend');
  const listed = ['avg3wkSpend', 'spendMean'] as const;
  await dr.execute(listed, { inputs: { spend } });
}
`,
  'bad-output.ts': header + `dr.execute(['avg3wkSpnd'], { inputs: { spend } });\n`,
  'bad-run.ts': header + `dr.run(['spendPerSignup', 'spendPerSingup'], { inputs: { spend, signups } });\n`,
  'bad-const-list.ts': header + `const outs = ['spendMean', 'spendMaen'] as const;\ndr.execute(outs);\n`,
  'bad-override.ts': header
    + `dr.execute(['spendPerSignup'], { inputs: { spend, signups }, overrides: { spendMaen: 1 } });\n`,
  'bad-validate.ts': header + `dr.validateExecution(['spendMaen']);\n`,
  'bad-visualize.ts': header + `dr.visualizeExecution(['avgSpend']);\n`,
  'bad-upstream.ts': header + `dr.whatIsUpstreamOf('spendPerSignup', 'spendPerSignp');\n`,
  'bad-path.ts': header + `dr.whatIsThePathBetween('spendMean', 'spendPerSignupp');\n`,
  'bad-private.ts': header + `dr.execute(['_helper']);\n`,
  'bad-static.ts': header + `dr.execute(['build']);\n`,
  'bad-input-not-given.ts': header + `dr.execute(['spend']);\n`,
  'bad-column.ts': header + `import type { Float64, Vector } from 'apache-arrow';\n`
    + `dr.execute(['counts'], { inputs: { signups } })`
    + `.then((t) => { const v: Vector<Float64> | null = t.getChild('counts'); return v; });\n`,
};

const result = compile(cases);

test('a valid program compiles: outputs, inputs, config, overrides, lineage, typed columns, untyped', () => {
  expect(result.get('valid.ts')).toEqual([]);
  expect(result.get('features.ts')).toEqual([]);
  expect(result.get('(other)')).toBeUndefined();
});

test.each([
  ['bad-output.ts', 'avg3wkSpnd'],
  ['bad-run.ts', 'spendPerSingup'],
  ['bad-const-list.ts', 'spendMaen'],
  ['bad-validate.ts', 'spendMaen'],
  ['bad-visualize.ts', 'avgSpend'],
  ['bad-upstream.ts', 'spendPerSignp'],
  ['bad-path.ts', 'spendPerSignupp'],
  ['bad-private.ts', '_helper'],
  ['bad-static.ts', 'build'],
  ['bad-input-not-given.ts', 'spend'],
])('%s is a compile error naming "%s"', (file, name) => {
  const messages = result.get(file)!;
  expect(messages.length).toBe(1);
  expect(messages[0]).toContain(`unknown name: ${name}`);
});

test('a misspelt override key is a compile error naming it, with the near name', () => {
  const messages = result.get('bad-override.ts')!;
  expect(messages.length).toBe(1);
  expect(messages[0]).toContain("'spendMaen' does not exist");
  expect(messages[0]).toContain("Did you mean to write 'spendMean'?");
});

test('a column typed from the method return type: an Int32Array feature is no Float64 column', () => {
  const messages = result.get('bad-column.ts')!;
  expect(messages.length).toBe(1);
  expect(messages[0]).toMatch(/Int32/);
});
