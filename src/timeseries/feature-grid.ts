/**
 * Thousands of features from a few lines: the `@parameterize` spec of a cross product
 * (columns × windows × kernels…), with every generated name checked to be unique.
 */
import { FeatureDefinitionError } from '../errors';
import type { DependencySpec } from '../records/dependency-spec';

/** One point of the grid: one value from each axis. */
export type GridPoint<A extends Record<string, readonly unknown[]>> = { [K in keyof A]: A[K][number] };

/**
 * The `@parameterize` spec for every combination of the axes' values, in order (the first axis
 * varies slowest). `entry` names the node made for a point and binds the method's parameters.
 * Two points given the same name is a `FeatureDefinitionError` naming both; an empty axis
 * yields no entries, which `@parameterize` rejects.
 *
 * @example
 * const rolling = featureGrid(
 *   { column: ['temp_max', 'wind'], window: [7, 28], kernel: ['mean', 'std'] },
 *   ({ column, window, kernel }) => [`${column}_${kernel}_${window}`,
 *     { x: source(column), window: value(window), kernel: value(kernel) }],
 * ); // 8 entries: temp_max_mean_7, temp_max_std_7, …, wind_std_28
 * class Windows {@parameterize(rolling)
 *   rolling(x: Float64Array, window: number, kernel: string, groups: Groups): Float64Array {
 *     return (kernel === 'mean' ? rollingMean : rollingStd)(x, window, { groups });
 *   }
 * }
 */
export function featureGrid<A extends Record<string, readonly unknown[]>>(
  axes: A,
  entry: (point: GridPoint<A>) => readonly [string, Record<string, DependencySpec>],
): Record<string, Record<string, DependencySpec>> {
  const keys = Object.keys(axes) as (keyof A & string)[];
  const spec: Record<string, Record<string, DependencySpec>> = {};
  const madeBy = new Map<string, string>();
  const visit = (depth: number, point: Record<string, unknown>): void => {
    if (depth === keys.length) {
      const [name, bindings] = entry({ ...point } as GridPoint<A>);
      const here = JSON.stringify(point);
      const before = madeBy.get(name);
      if (before !== undefined) {
        throw new FeatureDefinitionError(
          `featureGrid names two points "${name}": ${before} and ${here}. Put every axis that varies into the name.`,
        );
      }
      madeBy.set(name, here);
      spec[name] = bindings;
      return;
    }
    const axis = keys[depth];
    for (const v of axes[axis]) visit(depth + 1, { ...point, [axis]: v });
  };
  visit(0, {});
  return spec;
}
