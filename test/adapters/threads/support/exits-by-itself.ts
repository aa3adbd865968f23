/** Runs W1-sized columns on threads() and returns: the process must end by itself (no close()). */
import { Builder, dictResult, threads } from '../../../../src';
import { Columns } from '../../../fixtures/threaded';

const dr = new Builder().withFeatures(Columns).withResult(dictResult()).withExecutor(threads({ workers: 2 })).build();
const x = Float64Array.from({ length: 40_000 }, (_, i) => i);
dr.execute(['threadName', 'mean3'], { inputs: { x } }).then((out) => {
  console.log(out.threadName, (out.mean3 as Float64Array).length);
});
