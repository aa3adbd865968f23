/** ffill / bfill carry values within an entity only; fillNaN replaces NaN with a number or a column. */
import { InputError } from '../../src/errors';
import { bfill, ffill, fillNaN, groupsOf } from '../../src/columns';
import { expectClose, f64, thrown } from './helpers';

describe('ffill and bfill', () => {
  const x = f64(NaN, 1, NaN, NaN, 4, NaN);

  it('carry the last (next) value over NaN runs; leading (trailing) NaN stay', () => {
    expectClose(ffill(x), [NaN, 1, 1, 1, 4, 4]);
    expectClose(bfill(x), [1, 1, 4, 4, 4, NaN]);
  });

  it('never carry a value across an entity boundary', () => {
    const groups = groupsOf(['a', 'a', 'a', 'b', 'b', 'b']);
    expectClose(ffill(x, { groups }), [NaN, 1, 1, NaN, 4, 4]);
    expectClose(bfill(x, { groups }), [1, 1, NaN, 4, 4, NaN]);
  });

  it('leave an all-NaN column NaN and x unchanged', () => {
    expectClose(ffill(f64(NaN, NaN)), [NaN, NaN]);
    expectClose(x, [NaN, 1, NaN, NaN, 4, NaN]);
  });
});

describe('fillNaN', () => {
  it('replaces NaN with a number or the same row of a column', () => {
    expectClose(fillNaN(f64(1, NaN, 3), 0), [1, 0, 3]);
    expectClose(fillNaN(f64(1, NaN, NaN), f64(9, 8, NaN)), [1, 8, NaN]);
  });

  it('may write in place', () => {
    const x = f64(NaN, 2);
    expect(fillNaN(x, -1, { out: x })).toBe(x);
    expectClose(x, [-1, 2]);
  });

  it('refuses a value column of another length', () => {
    const e = thrown(() => fillNaN(f64(1, NaN), f64(1, 2, 3)));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe('fillNaN: x has 2 rows but value has 3; elementwise operands must have the same length (or be a number).');
  });
});
