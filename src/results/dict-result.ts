import type { ResultBuilder } from './result-builder';

/**
 * Results as a plain record of the values as computed, in the requested order.
 *
 * @example
 * const dr = new Builder().withFeatures(SpendFeatures).withResult(dictResult()).build();
 * const { spendMean } = await dr.execute(['spendMean'], { inputs: { spend } });
 */
export function dictResult(): ResultBuilder<Record<string, unknown>> {
  return {
    name: 'dict',
    build(outputs, values) {
      const record: Record<string, unknown> = {};
      outputs.forEach((name, i) => (record[name] = values[i]));
      return record;
    },
  };
}
