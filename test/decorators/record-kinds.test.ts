/**
 * Decorator records describe themselves (src/records/kinds.ts): each kind has a stage and says
 * whether a method may carry several; a second copy of a one-only decorator fails when the class
 * is defined, naming `Class.method` and the decorator.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  Builder, cache, checkOutput, config, dictResult, does, extractColumns, extractFields, feature, FeatureDefinitionError,
  inject, parameterize, pipeInput, pipeOutput, source, step, subdag, tag, value,
} from '../../src';
import { BUILD_STAGES } from '../../src/graph/expand-method';
import { readRecords } from '../../src/metadata';
import { RECORD_KINDS, STAGE_ORDER } from '../../src/records/kinds';
import type { FeatureDecorator } from '../../decorators';

class Inner {
  inner(x: number): number { return x; }
}
const id = (x: unknown) => x;

/** Defines `class Twice { method(x) }` with both decorators, as writing them on the method would. */
function defineWith(first: FeatureDecorator, second: FeatureDecorator): void {
  class Twice {
    method(x: number): number { return x; }
  }
  const descriptor = Object.getOwnPropertyDescriptor(Twice.prototype, 'method')!;
  first(Twice.prototype, 'method', descriptor);
  second(Twice.prototype, 'method', descriptor);
}

function definitionError(run: () => void): Error {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FeatureDefinitionError);
    return error as Error;
  }
  throw new Error('no error was thrown');
}

describe('each record kind has its stage and its rule for copies', () => {
  test('the table covers every kind the decorators write, each with a stage the builder runs', () => {
    const kinds = Object.keys(RECORD_KINDS).sort();
    expect(kinds).toEqual([
      'cache', 'checkOutput', 'checkOutputCustom', 'config', 'does', 'extractColumns', 'extractFields', 'feature',
      'inject', 'parameterize', 'pipeInput', 'pipeOutput', 'subdag', 'tag',
    ]);
    for (const info of Object.values(RECORD_KINDS)) expect(STAGE_ORDER).toContain(info.stage);
    // The builder runs the stages in the table's order; `run` records are read by the executor's cache.
    expect(BUILD_STAGES.map(([stage]) => stage)).toEqual(STAGE_ORDER.filter((s) => s !== 'run'));
    // The order of stages is Hamilton's: what exists, then what is made, expanded, decorated, transformed.
    const at = (kind: keyof typeof RECORD_KINDS) => STAGE_ORDER.indexOf(RECORD_KINDS[kind].stage);
    expect(at('config')).toBeLessThan(at('feature'));
    expect(at('feature')).toBeLessThan(at('parameterize'));
    expect(at('parameterize')).toBeLessThan(at('pipeOutput'));
    expect(at('pipeOutput')).toBeLessThan(at('extractColumns'));
    expect(at('extractColumns')).toBeLessThan(at('tag'));
    expect(at('tag')).toBeLessThan(at('checkOutput'));
  });

  test.each<[string, () => FeatureDecorator]>([
    ['@parameterize', () => parameterize({ a: { x: value(1) } })],
    ['@inject', () => inject({ x: value(1) })],
    ['@does', () => does(id)],
    ['@subdag', () => subdag(Inner)],
    ['@pipeInput', () => pipeInput(step(id))],
    ['@pipeOutput', () => pipeOutput(step(id))],
    ['@extractColumns', () => extractColumns('a')],
    ['@extractFields', () => extractFields({ a: Number })],
    ['@feature', () => feature({ doc: 'x' })],
    ['@cache', () => cache({ behavior: 'recompute' })],
  ])('a second %s fails when the class is defined, naming Class.method', (decorator, make) => {
    const error = definitionError(() => defineWith(make(), make()));
    expect(error.message).toBe(
      `Twice.method has two ${decorator} decorators; ${decorator} may appear once on a method. Merge them into one.`,
    );
  });

  test('a real class with two @parameterize throws at its definition, before any build', () => {
    expect(() => {
      class Windows {
        @parameterize({ mean7: { w: value(7) } })
        @parameterize({ mean28: { w: value(28) } })
        meanOf(x: Float64Array, w: number): number { return x.length + w; }
      }
      return Windows;
    }).toThrow(new FeatureDefinitionError(
      'Windows.meanOf has two @parameterize decorators; @parameterize may appear once on a method. ' +
        'Merge them into one.',
    ));
  });

  test('@extractColumns with @extractFields fails at definition, in either order', () => {
    const columns = () => extractColumns('a');
    const fields = () => extractFields({ a: Number });
    expect(definitionError(() => defineWith(columns(), fields())).message).toBe(
      'Twice.method has both @extractColumns and @extractFields; they cannot apply to one method. Use one.',
    );
    expect(definitionError(() => defineWith(fields(), columns())).message).toBe(
      'Twice.method has both @extractFields and @extractColumns; they cannot apply to one method. Use one.',
    );
  });

  test('decorators that allow several all apply: two @tag, two @checkOutput, two @config.when', async () => {
    class Many {
      @tag({ owner: 'ds' })
      @tag({ tier: 'gold' })
      @checkOutput({ range: [0, 10] })
      @checkOutput({ allowNaNs: false })
      @config.when({ region: 'US' })
      @config.when({ tier: 'gold' })
      doubled__us(x: Float64Array): Float64Array { return x.map((v) => v * 2); }
    }
    const dr = new Builder().withFeatures(Many).withConfig({ region: 'US', tier: 'gold' }).withResult(dictResult())
      .build();
    const info = dr.listAvailableVariables().find((v) => v.name === 'doubled')!;
    expect(info.tags).toEqual({ owner: 'ds', tier: 'gold' });
    // Decorators apply from the bottom up: the lower @checkOutput is the first check.
    expect(info.checks).toEqual(['allowNaNs', 'range']);
    const off = new Builder().withFeatures(Many).withConfig({ region: 'US', tier: 'silver' }).build();
    expect(off.listAvailableVariables().map((v) => v.name)).not.toContain('doubled');
  });

  test('a subclass may redefine a decorated method with the same decorator (records are per prototype)', () => {
    class Base {
      @parameterize({ a: { x: value(1) } })
      m(x: number): number { return x; }
    }
    class Derived extends Base {
      @parameterize({ b: { x: value(2) } })
      override m(x: number): number { return x + 1; }
    }
    const names = new Builder().withFeatures(Derived).build().listAvailableVariables().map((v) => v.name);
    expect(names).toEqual(['b']);
  });
});

describe('wrong arguments found when the decorator is applied name Class.method', () => {
  function defineOne(decorator: FeatureDecorator): void {
    class Subject {
      method(x: number): number { return x; }
    }
    decorator(Subject.prototype, 'method', Object.getOwnPropertyDescriptor(Subject.prototype, 'method')!);
  }

  test.each<[string, () => FeatureDecorator, string]>([
    ['@inject({})', () => inject({}),
      '@inject on Subject.method takes a non-empty record { parameter: value(…) | source(…) | group(…) }.'],
    ['@inject bare value', () => inject({ x: 3 as never }),
      '@inject on Subject.method binds "x" to number 3; use value(…), source(\'name\') or group(…).'],
    ['@does(not a function)', () => does('f' as never), '@does on Subject.method takes a function, got "f".'],
    ['@does bad mapping', () => does(id, { a: 1 as never }),
      '@does(fn, mapping) on Subject.method takes a record { fnParameter: "methodParameter" }.'],
    ['@pipeInput()', () => pipeInput(), '@pipeInput on Subject.method takes one or more step(fn, { … }) arguments.'],
    ['@pipeOutput(not a step)', () => pipeOutput(id as never),
      '@pipeOutput on Subject.method takes one or more step(fn, { … }) arguments.'],
    ['@pipeInput({ on: 3 })', () => pipeInput({ on: 3 as never }, step(id)),
      '@pipeInput({ on }) on Subject.method takes the name of the parameter to pipe.'],
  ])('%s', (_, make, message) => {
    expect(definitionError(() => defineOne(make())).message).toBe(message);
  });
});

describe('stored specs are copied and frozen', () => {
  test('changing what @parameterize, @inject, @tag, @config, step() got after decoration changes nothing', async () => {
    const spec: Record<string, Record<string, ReturnType<typeof source>>> = { a: { x: source('left') } };
    const injected = { k: value(2) as ReturnType<typeof value> };
    const tags: Record<string, string | string[]> = { owner: 'ds', source: ['crm'] };
    const when: Record<string, unknown> = { region: 'US' };
    const bindings = { by: value(10) };
    const add = (v: Float64Array, by: number) => v.map((e) => e + by);
    class Frozen {
      @parameterize(spec)
      @inject(injected)
      @tag(tags)
      times(x: Float64Array, k: number): Float64Array { return x.map((v) => v * k); }

      @config.when(when)
      @pipeOutput(step(add, bindings))
      shifted__us(left: Float64Array): Float64Array { return left; }
    }
    spec.a.x = source('right');
    spec.b = { x: source('left') };
    injected.k = value(100);
    tags.owner = 'someone else';
    (tags.source as string[]).push('web');
    when.region = 'EU';
    bindings.by = value(-1);

    const dr = new Builder().withFeatures(Frozen).withConfig({ region: 'US' }).withResult(dictResult()).build();
    const a = dr.listAvailableVariables().find((v) => v.name === 'a')!;
    expect(a.dependencies).toEqual(['left']);
    expect(a.tags).toEqual({ owner: 'ds', source: ['crm'] });
    expect(dr.listAvailableVariables().map((v) => v.name)).not.toContain('b');
    const inputs = { left: Float64Array.of(1, 2), right: Float64Array.of(7, 7) };
    const out = await dr.untyped.execute(['a', 'shifted'], { inputs });
    expect(Array.from(out.a as Float64Array)).toEqual([2, 4]);
    expect(Array.from(out.shifted as Float64Array)).toEqual([11, 12]);
  });

  test('records, their specs and their lists are frozen', () => {
    // A hand-written group spec (not made by group()) is copied and frozen too.
    const ys = { kind: 'group', items: [{ kind: 'source', name: 'y' }] };
    const handWritten = { a: { x: source('left'), ys } } as never;
    class Kept {
      @parameterize(handWritten)
      @tag({ source: ['crm', 'web'] }, { target: ['a'] })
      m(x: number, ys: number[]): number { return x + ys.length; }

      @extractColumns('p', 'q')
      table(raw: object): object { return raw; }
    }
    for (const method of ['m', 'table']) {
      for (const record of readRecords(Kept.prototype, method)) {
        expect(Object.isFrozen(record)).toBe(true);
        for (const v of Object.values(record)) {
          if (typeof v === 'object' && v !== null) expect(Object.isFrozen(v)).toBe(true);
        }
      }
    }
    const [t, p] = readRecords(Kept.prototype, 'm') as never as [
      { tags: { source: string[] }; target: string[] },
      { spec: Record<string, Record<string, { items: readonly object[] }>> },
    ];
    expect(Object.isFrozen(p.spec.a)).toBe(true);
    expect(Object.isFrozen(p.spec.a.ys)).toBe(true);
    expect(Object.isFrozen(p.spec.a.ys.items)).toBe(true);
    expect(Object.isFrozen(p.spec.a.ys.items[0])).toBe(true);
    expect(Object.isFrozen(t.tags.source)).toBe(true);
    expect(Object.isFrozen(t.target)).toBe(true);
  });

  test('value(), source() and group() make frozen specs', () => {
    expect(Object.isFrozen(value(3))).toBe(true);
    expect(Object.isFrozen(source('x'))).toBe(true);
  });
});

describe('layers', () => {
  test('decorators/ imports nothing from src/graph (records, specs and steps sit in src/records)', () => {
    const dir = path.join(__dirname, '..', '..', 'decorators');
    const offenders = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))
      .filter((f) => /from '\.\.\/src\/graph\//.test(fs.readFileSync(path.join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  test('src/records imports nothing from src/graph', () => {
    const dir = path.join(__dirname, '..', '..', 'src', 'records');
    const offenders = fs.readdirSync(dir)
      .filter((f) => /from '\.\.\/graph\//.test(fs.readFileSync(path.join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
