/**
 * mergeSummaries: the summary of parts stacked equals the summary of the joined table — rows and
 * missing added, min/max over both, the mean weighted by the values counted (a part with no
 * values does not pull it); a column without statistics stays without.
 */
import { tableFromColumns } from '../../../adapters/arrow/table-from-columns';
import { joinBatches } from '../../../adapters/arrow/join-batches';
import { mergeSummaries, summarizeResult } from '../../../adapters/report/result-summary';

describe('mergeSummaries', () => {
  test('equals the summary of the joined parts, with an all-missing part and a string column', () => {
    const parts = [
      tableFromColumns(['x', 's'], [Float64Array.of(1, NaN, 3), ['a', null, 'b']]),
      tableFromColumns(['x', 's'], [Float64Array.of(NaN, NaN), [null, 'c']]),
      tableFromColumns(['x', 's'], [Float64Array.of(-4, 10, 0.5, 2), ['d', 'e', 'f', 'g']]),
    ];
    const merged = parts.map((p) => summarizeResult(p)).reduce(mergeSummaries);
    const whole = summarizeResult(joinBatches(parts));
    expect(merged.rows).toBe(9);
    expect(merged.columns).toEqual(whole.columns);
    expect(merged.columns[0]).toEqual({ name: 'x', type: 'Float64', missing: 3, min: -4, max: 10, mean: 12.5 / 6 });
    expect(merged.columns[1]).toEqual({ name: 's', type: 'Utf8', missing: 2 });
  });

  test('parts with no values at all: missing counted, min, max and mean NaN', () => {
    const part = tableFromColumns(['x'], [Float64Array.of(NaN)]);
    const merged = mergeSummaries(summarizeResult(part), summarizeResult(part));
    expect(merged.columns[0]).toEqual({ name: 'x', type: 'Float64', missing: 2, min: NaN, max: NaN, mean: NaN });
  });
});
