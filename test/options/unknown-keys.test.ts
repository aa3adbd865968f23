import 'reflect-metadata';
import {
  arrowTable, Builder, extractColumns, feature, FeatureDefinitionError, InputError, namespaced, parameterize, pipeInput,
  QuiverError, step, subdag, tag, value,
} from '../../src';

class Spend {
  @feature()
  double(spend: Float64Array): Float64Array {
    return spend.map((v) => v * 2);
  }
}

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (error) {
    return error as Error;
  }
  throw new Error('nothing was thrown');
}

describe('unknown option keys are refused with "did you mean"', () => {
  const dr = new Builder().withFeatures(Spend).build();
  const spend = Float64Array.of(1, 2);

  test.each([
    ['execute', () => dr.execute(['double'], { inputs: { spend }, overides: {} } as never)],
    ['run', () => dr.run(['double'], { input: { spend } } as never)],
  ])('%s rejects (never throws synchronously)', async (where, call) => {
    const error = await (call() as Promise<unknown>).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(new RegExp(`^${where} got an unknown option "(overides|input)" \\(did you mean "(overrides|inputs)"\\?\\)\\. Valid options: inputs, overrides, executor\\.$`));
  });

  test('validateExecution, visualizeExecution and listAvailableVariables', () => {
    expect(thrown(() => dr.validateExecution(['double'], { inputz: {} } as never)).message).toBe(
      'validateExecution got an unknown option "inputz" (did you mean "inputs"?). Valid options: inputs, overrides, executor.',
    );
    expect(thrown(() => dr.visualizeExecution(['double'], { overide: {} } as never))).toBeInstanceOf(InputError);
    expect(thrown(() => dr.listAvailableVariables({ tag: {} } as never)).message).toBe(
      'listAvailableVariables got an unknown option "tag" (did you mean "tags"?). Valid options: tags.',
    );
  });

  test('arrowTable options', () => {
    const error = thrown(() => arrowTable({ maxChunkByte: 1 } as never));
    expect(error).toBeInstanceOf(QuiverError);
    expect(error.message).toBe('arrowTable got an unknown option "maxChunkByte" (did you mean "maxChunkBytes"?). Valid options: maxChunkBytes.');
  });

  test('a misspelled hook on an adapter', () => {
    expect(thrown(() => new Builder().withAdapters({ afterNode: () => undefined }, { afterNod: () => undefined } as never)).message).toBe(
      'withAdapters: adapter 2 has a method "afterNod", which is no lifecycle hook (did you mean "afterNode"?). Hooks: beforeRun, afterRun, beforeNode, afterNode, aroundNode.',
    );
    expect(() => new Builder().withAdapters({ afterNode: () => undefined, seen: [] } as never)).not.toThrow();
  });

  test.each([
    ['@tag', () => tag({ a: 'b' }, { targets: 'x' } as never), 'Subject.method: @tag got an unknown option "targets" (did you mean "target"?). Valid options: target, propagate.'],
    ['@parameterize', () => parameterize({ a: { x: value(1) } }, { dcos: {} } as never), 'Subject.method: @parameterize got an unknown option "dcos" (did you mean "docs"?). Valid options: docs, doc.'],
    ['@extractColumns', () => extractColumns('a', { fillwith: 0 } as never), 'Subject.method: @extractColumns got an unknown option "fillwith" (did you mean "fillWith"?). Valid options: fillWith.'],
    ['@pipeInput', () => pipeInput({ onn: 'x' } as never, step((x: number) => x)), '@pipeInput got an unknown option "onn" (did you mean "on"?). Valid options: on.'],
    ['@subdag', () => subdag(Spend, { input: {} } as never), '@subdag on Subject.method got an unknown option "input" (did you mean "inputs"?). Valid options: inputs, config, tags, namespace.'],
    ['namespaced', () => namespaced('n', Spend, { tag: {} } as never), 'namespaced("n", …) got an unknown option "tag" (did you mean "tags"?). Valid options: inputs, config, tags.'],
  ])('%s options', (_, make, message) => {
    const error = thrown(() => {
      const decorator = make() as unknown;
      if (typeof decorator === 'function') {
        class Subject {
          method(x: number): number {
            return x;
          }
        }
        decorator(Subject.prototype, 'method', Object.getOwnPropertyDescriptor(Subject.prototype, 'method'));
      }
    });
    expect(error).toBeInstanceOf(FeatureDefinitionError);
    expect(error.message).toBe(message);
  });
});
