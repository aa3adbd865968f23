/** visualizeExecution labels a second check of one name `name#2`, as results and the CLI picture do. */
import 'reflect-metadata';
import { Builder, checkOutput } from 'quiver';

class Twice {
  @checkOutput({ range: [0, 10] })
  @checkOutput({ range: [0, 5], importance: 'fail' })
  doubled(x: Float64Array): Float64Array {
    return x.map((v) => v * 2);
  }
}

it('names both checks apart in the DOT text', async () => {
  const dr = new Builder().withFeatures(Twice).build();
  const dot = dr.visualizeExecution(['doubled']);
  const labels = [...dot.matchAll(/shape="octagon"[^\n]*label="([^"]*)"/g)].map((m) => m[1]).sort();
  const run = await dr.run(['doubled'], { inputs: { x: Float64Array.of(1, 2) } });
  const checks = run.quality.map((q) => q.check).sort();
  expect(checks).toEqual(['range', 'range#2']);
  expect(labels.map((l) => l.replace(' (fail)', ''))).toEqual(checks);
  expect(labels.filter((l) => l.endsWith(' (fail)'))).toHaveLength(1);
});
