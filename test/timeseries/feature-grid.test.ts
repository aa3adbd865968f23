import { FeatureDefinitionError } from '../../src/errors';
import { source, value } from '../../src/records/dependency-spec';
import { featureGrid } from '../../src/timeseries/feature-grid';

describe('featureGrid', () => {
  it('makes one entry per combination, first axis slowest', () => {
    const spec = featureGrid({ column: ['a', 'b'], window: [3, 7] }, ({ column, window }) => [
      `${column}_mean_${window}`,
      { x: source(column), window: value(window) },
    ]);
    expect(Object.keys(spec)).toEqual(['a_mean_3', 'a_mean_7', 'b_mean_3', 'b_mean_7']);
    expect(spec.b_mean_7).toEqual({ x: source('b'), window: value(7) });
  });

  it('rejects two combinations given one name, naming both', () => {
    expect(() =>
      featureGrid({ column: ['a'], window: [3, 7] }, ({ column }) => [`${column}_mean`, { x: source(column) }]),
    ).toThrow(
      new FeatureDefinitionError(
        'featureGrid names two points "a_mean": {"column":"a","window":3} and {"column":"a","window":7}. Put every axis that varies into the name.',
      ),
    );
  });
});
