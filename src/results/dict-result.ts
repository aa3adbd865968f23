import type { ResultBuilder } from './result-builder';
import { nameRecord } from '../util/own';

/**
 * Results as a record of the values as computed, in the requested order. The record has no
 * prototype, so every output name, `constructor` and `__proto__` included, is an ordinary key and
 * a name that was not requested reads `undefined`.
 *
 * @example
 * const dr = new Builder().withFeatures(SpendFeatures).withResult(dictResult()).build();
 * const { spendMean } = await dr.execute(['spendMean'], { inputs: { spend } });
 */
export function dictResult(): ResultBuilder<Record<string, unknown>> {
  return {
    name: 'dict',
    build(outputs, values) {
      const record = nameRecord<unknown>();
      outputs.forEach((name, i) => {
        record[name] = values[i];
      });
      return record;
    },
  };
}
