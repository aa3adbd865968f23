import 'reflect-metadata';
import { Builder, dictResult, feature, FeatureExecutionError, InputError } from '../../src';

class Liars {
  @feature()
  column(x: Float64Array): Float64Array {
    return x.length as never;
  }
  @feature()
  text(x: Float64Array): Float64Array {
    return 'oops' as never;
  }
  @feature()
  downstream(text: Float64Array): Float64Array {
    return text;
  }
  @feature()
  count(x: Float64Array): number {
    return x as never;
  }
  @feature()
  async later(x: Float64Array): Promise<Float64Array> {
    return 3 as never; // a Promise's inner type is not emitted: unknown, not checked
  }
  @feature()
  honest(x: Float64Array): Float64Array {
    return x;
  }
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the promise did not reject');
}

describe('a node\'s declared return type is checked when it finishes', () => {
  const x = Float64Array.of(1, 2, 3);
  const dr = new Builder().withFeatures(Liars).withResult(dictResult()).build();

  test('declared Float64Array, returned a number: FeatureExecutionError naming the node and both types', async () => {
    const error = await rejection(dr.execute(['column'], { inputs: { x } }));
    expect(error).toBeInstanceOf(FeatureExecutionError);
    expect((error as FeatureExecutionError).node).toBe('column');
    expect(error.message).toBe(
      'Feature "column" (Liars.column) is declared to return Float64Array but returned a number (3). Return a Float64Array, or change the declared return type.',
    );
  });

  test('a string never flows downstream', async () => {
    const ran: string[] = [];
    const watched = new Builder().withFeatures(Liars).withAdapters({ beforeNode: ({ name }) => void ran.push(name) }).build();
    const error = await rejection(watched.execute(['downstream'], { inputs: { x } }));
    expect(error.message).toMatch(/^Feature "text" \(Liars\.text\) is declared to return Float64Array but returned a string \(oops\)\./);
    expect(ran).toEqual(['text']);
  });

  test('declared number, returned a column', async () => {
    expect((await rejection(dr.execute(['count'], { inputs: { x } }))).message).toBe(
      'Feature "count" (Liars.count) is declared to return number but returned a Float64Array of length 3. Return a number, or change the declared return type.',
    );
  });

  test('async methods (Promise types) and honest ones pass', async () => {
    const out = await dr.execute(['later', 'honest'], { inputs: { x } });
    expect(out.later).toBe(3);
    expect(out.honest).toBe(x);
  });
});

describe('overrides are checked like inputs', () => {
  const x = Float64Array.of(1, 2, 3);
  const dr = new Builder().withFeatures(Liars).withResult(dictResult()).build();

  test('an override column of another length is an InputError, not a short table', () => {
    expect(() => dr.validateExecution(['honest', 'downstream'], { inputs: { x }, overrides: { text: Float64Array.of(1, 2) } })).toThrow(InputError);
    expect(() => dr.validateExecution(['honest', 'downstream'], { inputs: { x }, overrides: { text: Float64Array.of(1, 2) } })).toThrow(
      'Input and override columns have different lengths: x (3), text (override, 2). Columns of one execution must have one length;',
    );
  });

  test('an override of the wrong type names the node and both types', () => {
    expect(() => dr.validateExecution(['downstream'], { overrides: { text: 'abc' } })).toThrow(
      'Override "text" is a string (abc), but Liars.text is declared to return Float64Array.',
    );
  });
});
