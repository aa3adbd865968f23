/** @checkOutputCustom's validators (normalizeCustomValidators) and runCheck, which never throws. */
import { FeatureDefinitionError } from '../../src/errors';
import { normalizeCustomValidators, runCheck, type Validator } from '../../src/quality';

const WHERE = 'SpendFeatures.spend';
const SHAPE = 'Each validator is { name, description, importance?, validate(value) => { passes, message, diagnostics? } }.';

const positive = {
  name: 'positive',
  description: 'every value > 0',
  validate(x: Float64Array) {
    const bad = x.filter((v) => !(v > 0)).length;
    return { passes: bad === 0, message: `${bad} values not > 0`, diagnostics: { bad } };
  },
};

function errorOf(validators: unknown[]): string {
  try {
    normalizeCustomValidators(validators, WHERE);
  } catch (error) {
    expect(error).toBeInstanceOf(FeatureDefinitionError);
    return (error as Error).message;
  }
  throw new Error('expected normalizeCustomValidators to throw');
}

describe('normalizeCustomValidators', () => {
  it("returns frozen validators with importance defaulted to 'warn', calling validate on the user's object", () => {
    const strict = { ...positive, name: 'strict', importance: 'fail' as const };
    const [a, b] = normalizeCustomValidators([positive, strict], WHERE);
    expect([a.name, a.description, a.importance, b.importance]).toEqual(['positive', 'every value > 0', 'warn', 'fail']);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a.validate(Float64Array.of(1, -1, NaN))).toEqual({ passes: false, message: '2 values not > 0', diagnostics: { bad: 2 } });
  });

  it('keeps `this` for class-based validators', () => {
    class Below implements Validator {
      readonly name = 'below';
      readonly description = 'all below the limit';
      constructor(private readonly limit: number) {}
      validate(x: number) { return { passes: x < this.limit, message: `${x} < ${this.limit}` }; }
    }
    expect(normalizeCustomValidators([new Below(3)], WHERE)[0].validate(2)).toEqual({ passes: true, message: '2 < 3' });
  });

  it.each([
    ['no validator', [], `@checkOutputCustom on ${WHERE} needs at least one validator { name, description, importance?, validate(value) => { passes, message, diagnostics? } }.`],
    ['not an object', [42], `@checkOutputCustom on ${WHERE}: validator 1 is 42, not an object. ${SHAPE}`],
    ['no name', [{ description: 'd', validate: () => null }], `@checkOutputCustom on ${WHERE}: validator 1 has name undefined; name must be a non-empty string. ${SHAPE}`],
    ['an empty name', [positive, { ...positive, name: '' }], `@checkOutputCustom on ${WHERE}: validator 2 ("") has name ""; name must be a non-empty string. ${SHAPE}`],
    ['no description', [{ name: 'p', validate: () => null }], `@checkOutputCustom on ${WHERE}: validator 1 ("p") has description undefined; description must be a string. ${SHAPE}`],
    ['a bad importance', [{ ...positive, importance: 'error' }], `@checkOutputCustom on ${WHERE}: validator 1 ("positive") has importance "error"; importance must be 'warn' or 'fail'. ${SHAPE}`],
    ['no validate', [{ name: 'p', description: 'd', validate: 'yes' }], `@checkOutputCustom on ${WHERE}: validator 1 ("p") has no validate function (validate is "yes"). ${SHAPE}`],
  ])('rejects %s', (_label, validators, message) => {
    expect(errorOf(validators)).toBe(message);
  });
});

describe('runCheck', () => {
  it('adds node, check and importance to what the validator says', () => {
    expect(runCheck('spend', positive, Float64Array.of(1, 2))).toEqual({
      node: 'spend', check: 'positive', importance: 'warn', passes: true, message: '0 values not > 0', diagnostics: { bad: 0 },
    });
  });

  it('gives empty diagnostics when the validator gives none, and keeps the importance', () => {
    const v: Validator = { name: 'v', importance: 'fail', validate: () => ({ passes: false, message: 'no' }) };
    expect(runCheck('n', v, 1)).toEqual({ node: 'n', check: 'v', importance: 'fail', passes: false, message: 'no', diagnostics: {} });
  });

  it('turns a validator that throws into a failing result that says so', () => {
    const broken: Validator = { name: 'broken', importance: 'fail', validate: () => { throw new TypeError('x.filter is not a function'); } };
    expect(runCheck('spend', broken, 3)).toEqual({
      node: 'spend', check: 'broken', importance: 'fail', passes: false,
      message: 'the validator "broken" itself threw TypeError: x.filter is not a function; fix the validator',
      diagnostics: { threw: true, error: 'TypeError: x.filter is not a function' },
    });
  });

  it('copes with a thrown non-Error', () => {
    const broken: Validator = { name: 'b', validate: () => { throw 'oops'; } };
    expect(runCheck('n', broken, 0).message).toBe('the validator "b" itself threw "oops"; fix the validator');
  });

  it.each([
    ['undefined', () => undefined, 'undefined'],
    ['a boolean', () => true, 'true'],
    ['a message without passes', () => ({ message: 'ok' }), '{"message":"ok"}'],
    ['a Promise', async () => ({ passes: true, message: 'ok' }), 'a Promise (validators must be synchronous)'],
  ])('fails a validator that returns %s', (_label, validate, shown) => {
    const result = runCheck('n', { name: 'odd', validate: validate as unknown as Validator['validate'] }, 0);
    expect(result.passes).toBe(false);
    expect(result.message).toBe(`the validator "odd" returned ${shown} instead of { passes: boolean, message: string, diagnostics?: object }; fix the validator`);
  });
});
