/** "Did you mean": every name a request could have meant, and all the closest ones. */
import { Builder, config, dictResult, extractColumns, feature, InputError, parameterize, value } from '../../src';
import { didYouMean, suggestions } from '../../src/execution/suggest';

class Made {
  @parameterize({ out_a: { k: value(1) }, out_b: { k: value(2) } })
  out(x: Float64Array, k: number): Float64Array { return x.map((v) => v * k); }

  @extractColumns('colA', 'colB')
  tbl(x: Float64Array): Record<string, Float64Array> { return { colA: x, colB: x }; }

  @config.when({ mode: 'b' })
  pick__b(x: Float64Array): Float64Array { return x; }

  @config.when({ mode: 'z' })
  never(x: Float64Array): Float64Array { return x; }
}

const dr = new Builder().withFeatures(Made).withConfig({ mode: 'b', scaleFactor: 2 }).withResult(dictResult()).build();
const inputs = { x: Float64Array.of(1), spend_usd: Float64Array.of(1) };
async function unknown(output: string, opts: { overrides?: Record<string, unknown> } = {}): Promise<string> {
  const error = await dr.untyped.execute([output], { inputs, ...opts }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).issues.map((i) => i.code)).toEqual(['unknown-output']);
  return (error as Error).message;
}

describe('unknown outputs suggest every name the request could have meant', () => {
  test.each([
    ['pick__b', 'the @config.when method that defines "pick"', '"pick"'],
    ['pick__c', 'a near miss of that method name', '"pick"'],
    ['out__b', 'an @parameterize name', '"out_b"'],
    ['out_c', 'two @parameterize names, equally close', '"out_a" or "out_b"'],
    ['colC', 'two @extractColumns names', '"colA" or "colB"'],
    ['spend_us', 'an input column no feature reads', '"spend_usd"'],
    ['scaleFactr', 'a config key no feature reads', '"scaleFactor"'],
    ['nevr', 'a node switched off by config', '"never"'],
    ['X', 'an input, case aside', '"x"'],
  ])('%s → %s', async (output, _, hint) => {
    expect(await unknown(output)).toBe(
      `Unknown output "${output}": no feature, input or config has that name. Did you mean ${hint}?`,
    );
  });

  test('an override key is a valid output, so it is suggested too', async () => {
    expect(await unknown('lastWeek', { overrides: { lastWeeks: 1 } })).toContain('Did you mean "lastWeeks"?');
  });

  test('nothing close: no suggestion', async () => {
    expect(await unknown('revenue')).toBe('Unknown output "revenue": no feature, input or config has that name.');
  });

  test('lineage queries suggest from the same names', () => {
    expect(() => dr.untyped.whatIsUpstreamOf('pick__b')).toThrow(
      'whatIsUpstreamOf: no feature or input is named "pick__b". Did you mean "pick"?',
    );
    expect(() => dr.untyped.whatIsDownstreamOf('colC')).toThrow('Did you mean "colA" or "colB"?');
  });
});

describe('suggestions', () => {
  test('all at the smallest distance, in the order known, at most 3; close: max(2, a third of the letters)', () => {
    expect(suggestions('ab', ['b', 'a', 'zz', 'abc'])).toEqual(['b', 'a', 'abc']);
    expect(suggestions('abcd', ['abcx', 'abxx', 'axxx'])).toEqual(['abcx']);
    expect(suggestions('abcd', ['axxx', 'xxxx'])).toEqual([]);
    expect(suggestions('aaaaaaaaa', ['aaaaaaaab', 'aaaaaaaac', 'aaaaaaaad', 'aaaaaaaae'])).toHaveLength(3);
    expect(suggestions('aaaaaaaaa', ['aaaaaaxxx'])).toEqual(['aaaaaaxxx']);
    expect(suggestions('aaaaaaaaa', ['aaaaaxxxx'])).toEqual([]);
  });

  test('a spelling that is the name exactly means its node, however far the node name is', () => {
    expect(suggestions('out__b', ['out', ['out__b', 'out'], 'out__c'])).toEqual(['out']);
  });

  test('didYouMean joins one, two or three', () => {
    expect(didYouMean('ab', ['ax'])).toBe(' Did you mean "ax"?');
    expect(didYouMean('abcdef', ['abcdex', 'abcdey', 'abcdez'])).toBe(' Did you mean "abcdex", "abcdey" or "abcdez"?');
    expect(didYouMean('abcdef', ['zzzzzz'])).toBe('');
  });
});
