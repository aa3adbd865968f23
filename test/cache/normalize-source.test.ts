import { normalizeSource } from '../../src/cache/normalize-source';

describe('normalizeSource', () => {
  it('drops comments and collapses whitespace, keeping line breaks once', () => {
    expect(normalizeSource('(a) => { // add one\n    return a + 1; /* done */ }')).toBe('(a) => {\nreturn a + 1; }');
    expect(normalizeSource('f(x) {\n\n  // a comment line\n  return x;\n}')).toBe('f(x) {\nreturn x;\n}');
  });

  it('keeps strings, templates and regular expressions whole, comment-like text included', () => {
    const src = 'f(x) { return x.replace(/\\/\\/ x/g, "//y") / 2 + `a ${x} // b` + \'/* s */\'; }';
    expect(normalizeSource(src)).toBe(src);
  });

  it('tells two different bodies apart, however they are spaced', () => {
    expect(normalizeSource('f(a) { return a + 1; }')).not.toBe(normalizeSource('f(a) { return a + 2; }'));
    expect(normalizeSource('f(a) { return a/2/3; }')).not.toBe(normalizeSource('f(a) { return a/3/2; }'));
    expect(normalizeSource('f(a) { return\na; }')).not.toBe(normalizeSource('f(a) { return a; }'));
  });
});
