/** normalizeCheckOptions: every way @checkOutput's options can be wrong, and what valid ones become. */
import { FeatureDefinitionError } from '../../src/errors';
import { normalizeCheckOptions, validatorsFromOptions } from '../../src/quality';

const WHERE = 'SpendFeatures.avg3wkSpend';
const VALID = 'Valid options: dataType, schema, minRows, allowNaNs, maxFractionNaNs, range, valuesIn, unique, meanInRange, maxStandardDev, importance, target.';
const TYPES = 'float64, float32, int8, int16, int32, int64, uint8, uint16, uint32, uint64, bool, utf8, timestamp';

function errorOf(options: unknown): FeatureDefinitionError {
  try {
    normalizeCheckOptions(options, WHERE);
  } catch (error) {
    expect(error).toBeInstanceOf(FeatureDefinitionError);
    return error as FeatureDefinitionError;
  }
  throw new Error('expected normalizeCheckOptions to throw');
}

const one = (problem: string) => `@checkOutput on ${WHERE}: ${problem}. ${VALID}`;
const INTERVAL = 'must be [lo, hi]: two numbers with lo <= hi (use -Infinity or Infinity for an open end)';
const SCHEMA = 'must be { columns: { name: type, … }, allowExtraColumns?: boolean }';

describe('normalizeCheckOptions rejects', () => {
  it.each([
    ['not an object', 42, "takes one options object such as { range: [0, 1], importance: 'fail' }, got 42"],
    ['null', null, "takes one options object such as { range: [0, 1], importance: 'fail' }, got null"],
    ['an array', [1, 2], "takes one options object such as { range: [0, 1], importance: 'fail' }, got [1, 2]"],
    ['a misspelt key', { rnage: [0, 1] }, 'unknown option "rnage" (did you mean "range"?)'],
    ['a key in the wrong case', { allownans: false }, 'unknown option "allownans" (did you mean "allowNaNs"?)'],
    ['an unknown key far from any', { colour: 'red', range: [0, 1] }, 'unknown option "colour"'],
    ['no check', { importance: 'fail' }, 'no check given; name at least one of dataType, schema, minRows, allowNaNs, maxFractionNaNs, range, valuesIn, unique, meanInRange, maxStandardDev'],
    ['an empty object', {}, 'no check given; name at least one of dataType, schema, minRows, allowNaNs, maxFractionNaNs, range, valuesIn, unique, meanInRange, maxStandardDev'],
    ['an unknown dataType', { dataType: 'float' }, `dataType must be one of ${TYPES}; got "float"`],
    ['a reversed range', { range: [5, -5] }, `range ${INTERVAL}; got [5, -5]`],
    ['a range of one number', { range: [5] }, `range ${INTERVAL}; got [5]`],
    ['a range with NaN', { range: [NaN, 1] }, `range ${INTERVAL}; got [NaN, 1]`],
    ['a range of strings', { range: ['0', '1'] }, `range ${INTERVAL}; got ["0", "1"]`],
    ['a meanInRange that is a number', { meanInRange: 3 }, `meanInRange ${INTERVAL}; got 3`],
    ['allowNaNs as a string', { allowNaNs: 'no' }, 'allowNaNs must be true or false; got "no"'],
    ['unique as a number', { unique: 1 }, 'unique must be true or false; got 1'],
    ['an empty valuesIn', { valuesIn: [] }, 'valuesIn must be a non-empty array of the allowed values; got []'],
    ['valuesIn as a Set', { valuesIn: new Set([1]) }, 'valuesIn must be a non-empty array of the allowed values; got a Set'],
    ['maxFractionNaNs above 1', { maxFractionNaNs: 5 }, 'maxFractionNaNs must be a number from 0 to 1 (the largest allowed share of missing values); got 5'],
    ['a negative maxStandardDev', { maxStandardDev: -1 }, 'maxStandardDev must be a number >= 0; got -1'],
    ['a fractional minRows', { minRows: 2.5 }, 'minRows must be a whole number >= 0; got 2.5'],
    ['a schema without columns', { schema: { price: 'float64' } }, `schema ${SCHEMA}, without "price"; got {"price":"float64"}`],
    ['a schema with a bad type', { schema: { columns: { price: 'double' } } }, `schema ${SCHEMA} where each type is one of ${TYPES}; column "price" has "double"; got {"columns":{"price":"double"}}`],
    ['a schema with a bad allowExtraColumns', { schema: { columns: {}, allowExtraColumns: 'yes' } }, `schema ${SCHEMA}; allowExtraColumns must be true or false; got {"columns":{},"allowExtraColumns":"yes"}`],
    ['an unknown importance', { range: [0, 1], importance: 'error' }, 'importance must be \'warn\' or \'fail\'; got "error"'],
    ['an empty target', { range: [0, 1], target: [] }, 'target must be a column name or a non-empty array of distinct column names; got []'],
    ['a repeated target', { range: [0, 1], target: ['a', 'a'] }, 'target must be a column name or a non-empty array of distinct column names; got ["a", "a"]'],
    ['a target that is a number', { range: [0, 1], target: 3 }, 'target must be a column name or a non-empty array of distinct column names; got 3'],
  ])('%s', (_label, options, problem) => {
    expect(errorOf(options).message).toBe(one(problem));
  });

  it('lists every problem at once', () => {
    expect(errorOf({ rnage: [0, 1], allowNaNs: 'no', importance: 'error' }).message).toBe(
      `@checkOutput on ${WHERE} has 3 problems:\n` +
      '  1. unknown option "rnage" (did you mean "range"?)\n' +
      '  2. allowNaNs must be true or false; got "no"\n' +
      '  3. importance must be \'warn\' or \'fail\'; got "error"\n' +
      VALID,
    );
  });
});

describe('normalizeCheckOptions accepts', () => {
  it('returns a frozen copy that later edits to the input do not reach', () => {
    const range: [number, number] = [-5, 5];
    const input = { range, allowNaNs: false, importance: 'fail' as const, target: 'price', maxFractionNaNs: undefined };
    const options = normalizeCheckOptions(input, WHERE);
    range[1] = 100;
    expect(options).toEqual({ range: [-5, 5], allowNaNs: false, importance: 'fail', target: 'price' });
    expect(Object.isFrozen(options)).toBe(true);
    expect(Object.isFrozen(options.range)).toBe(true);
  });

  it('accepts every check at once, and open-ended ranges', () => {
    const options = normalizeCheckOptions({
      dataType: 'float64', range: [-Infinity, 0], allowNaNs: true, valuesIn: [1, 'a'], maxFractionNaNs: 0,
      maxStandardDev: 0, meanInRange: [0, 0], minRows: 0, unique: true,
      schema: { columns: { a: 'utf8' }, allowExtraColumns: true }, importance: 'warn', target: ['a', 'b'],
    }, WHERE);
    expect(validatorsFromOptions(options).map((v) => v.name)).toEqual([
      'dataType', 'schema', 'minRows', 'allowNaNs', 'maxFractionNaNs', 'range', 'valuesIn', 'unique', 'meanInRange', 'maxStandardDev',
    ]);
  });
});

describe('validatorsFromOptions', () => {
  it('makes one validator per check, named after it, with the options\' importance', () => {
    const validators = validatorsFromOptions(normalizeCheckOptions({ range: [-5, 5], allowNaNs: false, importance: 'fail', target: 'x' }, WHERE));
    expect(validators.map(({ name, importance, description }) => ({ name, importance, description }))).toEqual([
      { name: 'allowNaNs', importance: 'fail', description: 'no missing values (NaN, null, undefined)' },
      { name: 'range', importance: 'fail', description: 'values within [-5, 5] (inclusive, missing ignored)' },
    ]);
  });

  it("defaults importance to 'warn'", () => {
    expect(validatorsFromOptions(normalizeCheckOptions({ minRows: 1 }, WHERE))[0].importance).toBe('warn');
  });
});
