import { Builder, dictResult, feature } from '../../src';

describe('which methods are features', () => {
  class Base {
    inherited(x: number): number { return x + 1; }
    overridden(x: number): number { return x + 100; }
  }
  class Child extends Base {
    static helper(x: number): number { return x; }
    get computed(): number { return 1; }
    arrow = (x: number) => x;
    override overridden(x: number): number { return x + 2; }
    own(inherited: number): number { return this._private(inherited); }
    _private(v: number): number { return v * 10; }
  }

  test('own and inherited public methods; not constructor, static, getters, fields or _private', async () => {
    const dr = new Builder().withFeatures(Child).withResult(dictResult()).build();
    expect(dr.listAvailableVariables().filter((v) => !v.isExternalInput).map((v) => v.name).sort()).toEqual(['inherited', 'overridden', 'own']);
    expect(await dr.execute(['own', 'overridden'], { inputs: { x: 1 } })).toEqual({ own: 20, overridden: 3 });
  });

  test('a plain object of functions works as a feature set', async () => {
    const dr = new Builder().withFeatures({ double: (x: number) => 2 * x, plusOne(double: number) { return double + 1; } }).withResult(dictResult()).build();
    expect(await dr.execute(['plusOne'], { inputs: { x: 4 } })).toEqual({ plusOne: 9 });
  });
});

describe('when no type metadata was emitted', () => {
  test('warns once with the fix, and keeps working from parameter names', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    class Untyped {
      scaled(x: number): number { return x * 2; }
    }
    // A decorator record without design:paramtypes is what esbuild/tsx leave behind.
    Reflect.deleteMetadata('design:paramtypes', Untyped.prototype, 'scaled');
    feature()(Untyped.prototype, 'scaled', Object.getOwnPropertyDescriptor(Untyped.prototype, 'scaled'));
    jest.isolateModules(() => {
      const { Builder: FreshBuilder } = require('../../src');
      new FreshBuilder().withFeatures(Untyped).build();
      new FreshBuilder().withFeatures(Untyped).build();
    });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toContain('no type metadata was emitted for Untyped.scaled');
    expect(warn.mock.calls[0][0]).toContain('"emitDecoratorMetadata"');
    // the fix for each compiler, and no stale "import 'reflect-metadata'" advice
    expect(warn.mock.calls[0][0]).toContain('jsc.transform.decoratorMetadata');
    expect(warn.mock.calls[0][0]).toContain('esbuild and tsx never emit it — run the file with `node -r quiver/register main.ts`');
    expect(warn.mock.calls[0][0]).not.toMatch(/import 'reflect-metadata'/);
    expect(await new Builder().withFeatures(Untyped).withResult(dictResult()).build().execute(['scaled'], { inputs: { x: 2 } })).toEqual({ scaled: 4 });
    warn.mockRestore();
  });
});
