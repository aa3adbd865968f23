import 'reflect-metadata';
import fc from 'fast-check';
import { Field, Float64, makeData, RecordBatch, Schema, Struct, Table } from 'apache-arrow';
import { Builder, dictResult, inject, parameterize, value } from '../../src';

/** Every name Object.prototype has, `constructor` and `__proto__` among them. */
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);

/** A features object whose one feature `feature` reads a parameter named `param` and doubles it. */
function reader(feature: string, param: string): object {
  const fn = new Function(`return function (${param}) { return typeof ${param} === 'number' ? ${param} * 2 : ${param}.map((v) => v * 2); };`)() as Function;
  const features = {};
  Object.defineProperty(features, feature, { value: fn, enumerable: true, writable: true, configurable: true });
  return features;
}

describe('names that are Object.prototype members work everywhere a name goes', () => {
  test.each(PROTO_NAMES)('"%s" as a parameter and input', async (name) => {
    const dr = new Builder().withFeatures(reader('doubled', name)).withResult(dictResult()).build();
    const inputs = Object.defineProperty({}, name, { value: 21, enumerable: true });
    expect((await dr.untyped.execute(['doubled'], { inputs })).doubled).toBe(42);
  });

  test.each(PROTO_NAMES.filter((n) => n !== 'constructor' && !n.startsWith('_')))('"%s" as a feature and a dictResult output', async (name) => {
    const dr = new Builder().withFeatures(reader(name, 'x')).withResult(dictResult()).build();
    const out = await dr.execute([name], { inputs: { x: 2 } });
    expect(Object.keys(out)).toEqual([name]);
    expect(out[name]).toBe(4);
  });

  test.each(PROTO_NAMES)('"%s" as a config key', async (name) => {
    const config = Object.defineProperty({}, name, { value: 5, enumerable: true });
    const dr = new Builder().withFeatures(reader('doubled', name)).withConfig(config).withResult(dictResult()).build();
    expect((await dr.untyped.execute(['doubled'])).doubled).toBe(10);
  });

  test.each(PROTO_NAMES)('"%s" as an unused input is no clash with config', async (name) => {
    const dr = new Builder().withFeatures(reader('doubled', 'x')).withConfig({ other: 1 }).withResult(dictResult()).build();
    const inputs = Object.defineProperty({ x: 1 }, name, { value: 3, enumerable: true });
    expect((await dr.untyped.execute(['doubled'], { inputs })).doubled).toBe(2);
  });

  test.each(PROTO_NAMES)('"%s" as a parameter bound by @inject and @parameterize', async (name) => {
    const injected = reader('doubled', name);
    const bindings = Object.defineProperty({}, name, { value: value(4), enumerable: true });
    inject(bindings)(injected, 'doubled', Object.getOwnPropertyDescriptor(injected, 'doubled'));
    const spread = reader('twice', name);
    parameterize({ a: bindings, b: Object.defineProperty({}, name, { value: value(5), enumerable: true }) })(
      spread, 'twice', Object.getOwnPropertyDescriptor(spread, 'twice'));
    const dr = new Builder().withFeatures(injected, spread).withResult(dictResult()).build();
    expect({ ...(await dr.untyped.execute(['doubled', 'a', 'b'])) }).toEqual({ doubled: 8, a: 8, b: 10 });
  });

  test('a name that was not requested is not found on the dictResult record', async () => {
    const dr = new Builder().withFeatures(reader('doubled', 'x')).withResult(dictResult()).build();
    const out = await dr.untyped.execute(['doubled'], { inputs: { x: 1 } });
    expect(out.constructor).toBeUndefined();
    expect(out.toString).toBeUndefined();
  });

  test.each(PROTO_NAMES)('an Arrow column named "%s" reaches the features and the result table', async (name) => {
    // Built from a schema: apache-arrow's own tableFromArrays({ __proto__: … }) drops that column.
    const field = new Field(name, new Float64(), false);
    const column = makeData({ type: new Float64(), length: 2, data: Float64Array.of(1, 2) });
    const table = new Table(new RecordBatch(new Schema([field]), makeData({ type: new Struct([field]), length: 2, children: [column] })));
    expect(table.schema.fields.map((f) => f.name)).toEqual([name]);
    const dr = new Builder().withFeatures(reader('doubled', name)).build();
    const result = await dr.execute(['doubled', name], { inputs: table });
    expect(result.schema.fields.map((f) => f.name)).toEqual(['doubled', name]);
    expect(Array.from(result.getChild('doubled')!.toArray())).toEqual([2, 4]);
  });

  test('property: any mix of prototype names and ordinary names as feature, parameter and output', async () => {
    const ordinary = ['spend', 'x', 'a_b', '$v'];
    const params = fc.constantFrom(...PROTO_NAMES, ...ordinary);
    const features = fc.constantFrom(...PROTO_NAMES.filter((n) => n !== 'constructor' && !n.startsWith('_')), ...ordinary);
    await fc.assert(
      fc.asyncProperty(features, params, fc.integer({ min: -1000, max: 1000 }), async (feature, param, v) => {
        fc.pre(feature !== param);
        const dr = new Builder().withFeatures(reader(feature, param)).withResult(dictResult()).build();
        const inputs = Object.defineProperty({}, param, { value: v, enumerable: true });
        const out = await dr.execute([feature, param], { inputs });
        return out[feature] === v * 2 && out[param] === v && Object.keys(out).join() === [feature, param].join();
      }),
      { numRuns: 100 },
    );
  });
});
