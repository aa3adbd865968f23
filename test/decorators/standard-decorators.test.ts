/**
 * Code compiled without `experimentalDecorators` (TypeScript 5's standard decorators, as tsx or a
 * plain tsconfig give) calls every quiver decorator as `(method, context)`: each one says how to
 * compile for quiver instead of misreading the call (it used to report "the static method
 * avg3wkSpend.[object Object]").
 */
import * as ts from 'typescript';
import { FeatureDefinitionError } from '../../src/errors';

/** Compiles `source` as TypeScript 5 does by default (standard decorators) and runs it; `quiver` is this package. */
function runStandard(source: string): void {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  expect(outputText).toContain('__esDecorate'); // really the standard-decorator emit
  new Function('require', 'exports', outputText)(require, {});
}

const uses: Record<string, string> = {
  feature: '@feature()',
  tag: "@tag({ owner: 'marketing' })",
  checkOutput: "@checkOutput({ range: [0, 1] })",
  checkOutputCustom:
    "@checkOutputCustom({ name: 'ok', description: 'ok', validate: () => ({ passes: true, message: '' }) })",
  parameterize: '@parameterize({ a1: { x: value(1) } })',
  extractColumns: "@extractColumns('a', 'b')",
  extractFields: '@extractFields({ a: Number })',
  'config.when': "@config.when({ region: 'US' })",
  'config.whenNot': "@config.whenNot({ region: 'US' })",
  'config.whenIn': "@config.whenIn({ region: ['US'] })",
  inject: '@inject({ x: value(1) })',
  does: '@does((x: number) => x)',
  pipeInput: '@pipeInput(step((x: number) => x))',
  pipeOutput: '@pipeOutput(step((x: number) => x))',
  subdag: '@subdag(Inner)',
};

const message = (decorator: string) =>
  `@${decorator} on the method "avg3wkSpend" was called as a standard (TC39) decorator: ` +
  'this code was compiled without "experimentalDecorators", so TypeScript emits neither legacy decorators ' +
  'nor the parameter and return types quiver reads. Enable both in tsconfig.json: ' +
  '{ "compilerOptions": { "experimentalDecorators": true, "emitDecoratorMetadata": true } }. ' +
  'Runners that ignore these settings (tsx, esbuild) drop the types: ' +
  'run with node -r quiver/register, ts-node or tsc instead.';

describe.each(Object.entries(uses))('@%s compiled as a standard decorator', (decorator, use) => {
  it('throws a FeatureDefinitionError that says to enable experimentalDecorators and emitDecoratorMetadata', () => {
    const source = `
      import { feature, tag, checkOutput, checkOutputCustom, parameterize, extractColumns, extractFields, config,
        inject, does, pipeInput, pipeOutput, step, subdag, value } from 'quiver';
      class Inner {}
      export class SpendFeatures {
        ${use}
        avg3wkSpend(x: number): number { return x; }
      }
    `;
    const run = () => runStandard(source);
    expect(run).toThrow(FeatureDefinitionError);
    expect(run).toThrow(message(decorator));
  });
});

it('compiled with experimentalDecorators, the same class is defined without error (so the checks can fail)', () => {
  const { outputText } = ts.transpileModule(
    "import { tag } from 'quiver';\n" +
      "export class SpendFeatures { @tag({ owner: 'm' }) avg3wkSpend(x: number): number { return x; } }",
    {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
      },
    },
  );
  const exports: Record<string, unknown> = {};
  expect(() => new Function('require', 'exports', outputText)(require, exports)).not.toThrow();
  expect(exports.SpendFeatures).toBeInstanceOf(Function);
});
