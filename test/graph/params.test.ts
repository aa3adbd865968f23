import { parseParameters, ParameterParseError } from '../../src/graph/params';

const names = (fn: Function) => parseParameters(fn).map((p) => `${p.rest ? '...' : ''}${p.name}${p.optional ? '?' : ''}`);
/** A function made from source text, as a compiler or coverage tool would leave it. */
const compiled = (source: string): Function => new Function(`return (${source});`)();

describe('reading parameter names from compiled source', () => {
  test.each([
    ['a method', 'class A { spendPerSignup(spend, signups) { return spend; } }.prototype.spendPerSignup', ['spend', 'signups']],
    ['async, line breaks and comments', `class A { async f(
        spend, // the spend, (in dollars)
        /* signups, */ visits
      ) {} }.prototype.f`, ['spend', 'visits']],
    ['defaults with commas, parens, strings, templates and regexes', "function f(a, b = ('x,)' + `${')'}`), c = { k: [1, 2] }, d = /,\\)/g, e = a / 2) {}", ['a', 'b?', 'c?', 'd?', 'e?']],
    ['istanbul-instrumented defaults', 'function f(spend, window = (cov_1x().b[0][0]++, 3)) { cov_1x().f[0]++; }', ['spend', 'window?']],
    ['an arrow without parentheses', 'x => x * 2', ['x']],
    ['an async arrow', 'async (x, y = 1) => x', ['x', 'y?']],
    ['a computed method name', "class A { ['f' + '(x)'](a) {} }.prototype['f(x)']", ['a']],
    ['unicode identifiers and $', 'function f(température, $x, _y) {}', ['température', '$x', '_y']],
    ['a trailing comma', 'function f(a, b,) {}', ['a', 'b']],
    ['no parameters', 'function f() {}', []],
    ['a rest parameter', 'function f(a, ...rest) {}', ['a', '...rest']],
  ])('%s', (_, source, expected) => {
    expect(names(compiled(source))).toEqual(expected);
  });

  test('a destructured parameter is refused with the reason', () => {
    expect(() => parseParameters(compiled('function f(a, { b, c }) {}'))).toThrow(
      new ParameterParseError('a destructured parameter ({ b, c }) has no name, so quiver cannot tell which node it needs; take the value as one named parameter and destructure it inside the method'),
    );
    expect(() => parseParameters(compiled('function f([x, y]) {}'))).toThrow(/destructured parameter \(\[x, y\]\)/);
  });

  test('a bound or native function has no readable source', () => {
    expect(() => parseParameters(Math.max)).toThrow('its source is not available (a native or bound function)');
  });
});
