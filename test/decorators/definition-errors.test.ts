import { checkOutput, config, extractColumns, extractFields, feature, FeatureDefinitionError, group, parameterize, source, tag, value } from '../../src';

/** Applies a decorator to a fresh class, as defining the class would. */
function define(decorator: (target: object, key: string, d: PropertyDescriptor) => void): void {
  class Subject {
    method(x: number): number { return x; }
  }
  decorator(Subject.prototype, 'method', Object.getOwnPropertyDescriptor(Subject.prototype, 'method')!);
}

describe('wrong decorator arguments throw FeatureDefinitionError when the class is defined, naming the method', () => {
  test.each([
    ['@tag({})', () => tag({}), 'Subject.method: @tag takes a non-empty record of tags, e.g. @tag({ owner: "marketing" }).'],
    ['@tag value not a string', () => tag({ owner: 3 as never }), 'Subject.method: @tag value for "owner" must be a string or a non-empty list of strings, got 3.'],
    ['@tag bad target', () => tag({ a: 'b' }, { target: [] }), "Subject.method: @tag's target must be a node name, a non-empty list of node names, or '*' for every node the method produces."],
    ['@feature bad option', () => feature({ docs: 'x' } as never), 'Subject.method: @feature got an unknown option "docs" (did you mean "doc"?). Valid options: doc.'],
    ['@parameterize empty', () => parameterize({}), 'Subject.method: @parameterize takes a non-empty record { nodeName: { parameter: value(…) | source(…) | group(…) } }.'],
    ['@parameterize bare value', () => parameterize({ a: { x: 3 as never } }), 'Subject.method: @parameterize entry "a" binds parameter "x" to number 3; wrap it: value(3) for a literal or source(\'name\') for another node.'],
    ['@parameterize bad name', () => parameterize({ 'a b': { x: value(1) } }), 'Subject.method: @parameterize node name "a b" is not a valid name: use letters, digits, _ and $ (and . between namespaces).'],
    ['@extractColumns nothing', () => extractColumns(), 'Subject.method: @extractColumns takes one or more column names, e.g. @extractColumns("a", "b"), optionally followed by { fillWith: value }.'],
    ['@extractColumns twice', () => extractColumns('a', 'a'), 'Subject.method: @extractColumns names the column "a" twice.'],
    ['@extractFields not a type', () => extractFields({ a: 'number' as never }), 'Subject.method: @extractFields field "a" must map to a type constructor (Number, String, Float64Array, Object…), got "number".'],
    ['@config.when empty', () => config.when({}), "Subject.method: @config.when takes a non-empty record of config keys, e.g. @config.when({ region: 'US' })."],
    ['@config.whenIn not a list', () => config.whenIn({ region: 'US' as never }), 'Subject.method: @config.whenIn value for "region" must be a list of allowed values, got "US".'],
    ['source() without a name', () => source(''), 'source() needs the name of a node or input, got "".'],
    ['group() of a bare value', () => group(3), 'group(…) item 0 must be value(…) or source(…), got number 3.'],
  ])('%s', (_, make, message) => {
    let error: unknown;
    try {
      define(make() as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FeatureDefinitionError);
    expect((error as Error).message).toBe(message);
  });

  test('a decorator on a static method or a getter says why', () => {
    expect(() => {
      class S {
        @feature() static helper(x: number): number { return x; }
      }
      return S;
    }).toThrow('@feature is on the static method S.helper; features are instance methods. Remove "static".');
    expect(() => {
      class G {
        @feature() get value(): number { return 1; }
      }
      return G;
    }).toThrow('@feature is on G.value, which is not a method; decorate a method (getters, setters and fields are not features).');
  });

  test('checkOutput options are validated with the method named', () => {
    expect(() => {
      class C {
        @checkOutput({ rnage: [0, 1] } as never) x(a: number): number { return a; }
      }
      return C;
    }).toThrow(/C\.x.*rnage/);
  });
});
