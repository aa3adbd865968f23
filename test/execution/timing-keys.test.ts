/** The report's timing recorder and run().timings name times the same way, from the graph. */
import 'reflect-metadata';
import { Builder, checkOutput, feature, namespaced, timingRecorder } from 'quiver';

class Checked {
  @checkOutput({ range: [0, 100] })
  doubled(x: Float64Array): Float64Array {
    return x.map((v) => v * 2);
  }

  @feature()
  plusOne(doubled: Float64Array): Float64Array {
    return doubled.map((v) => v + 1);
  }
}

it('a checked feature raw node counts under the feature, also in a namespace', async () => {
  const timer = timingRecorder();
  const dr = new Builder().withFeatures(Checked, namespaced('ns', Checked)).withAdapters(timer).build();
  const run = await dr.run(['plusOne', 'ns.plusOne'], { inputs: { x: Float64Array.of(1, 2) } });
  const own = (keys: string[]) => keys.filter((k) => !k.includes(':check:')).sort();
  expect(own(Object.keys(timer.timings))).toEqual(own(Object.keys(run.timings)));
  expect(Object.keys(timer.timings)).toEqual(expect.arrayContaining(['doubled', 'ns.doubled']));
  expect(Object.keys(timer.timings).some((k) => k.endsWith(':raw'))).toBe(false);
});
