/**
 * A small feature graph for the report and CLI tests: spend → doubled, tripled (range-checked),
 * total; per-unit in a namespace. Inputs in `SPEND` give tripled = 3, 6, 9, 12.
 */
import 'reflect-metadata';
import { checkOutput, feature, tag } from '../../../src';

export const SPEND = new Float64Array([1, 2, 3, 4]);

export class Spend {
  @tag({ owner: 'ds' })
  doubled(spend: Float64Array): Float64Array {
    return spend.map((v) => v * 2);
  }

  @checkOutput({ range: [0, 10], importance: 'warn' })
  tripled(spend: Float64Array): Float64Array {
    return spend.map((v) => v * 3);
  }

  @feature({ doc: 'sum of doubled and tripled' })
  total(doubled: Float64Array, tripled: Float64Array): number {
    let s = 0;
    for (let i = 0; i < doubled.length; i++) s += doubled[i] + tripled[i];
    return s;
  }
}

/** The same graph with the range check made fatal. */
export class StrictSpend {
  @checkOutput({ range: [0, 10], importance: 'fail' })
  tripled(spend: Float64Array): Float64Array {
    return spend.map((v) => v * 3);
  }

  @feature()
  total(tripled: Float64Array): number {
    return tripled.reduce((a, b) => a + b, 0);
  }
}
