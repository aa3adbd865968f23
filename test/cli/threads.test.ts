import { readTable } from '../../adapters/files/formats';
import { project, quiver } from './support/cli';
import * as path from 'path';

const ROWS = 40_000;
const FEATURES = `
import { feature, rollingMean } from 'quiver';
import { isMainThread } from 'worker_threads';

export class Signals {
  @feature()
  mean3(spend: Float64Array): Float64Array { return rollingMean(spend, 3); }

  @feature()
  onWorker(spend: Float64Array): Float64Array { return new Float64Array(spend.length).fill(isMainThread ? 0 : 1); }
}
`;

describe('quiver run --threads N', () => {
  const csv = ['spend', ...Array.from({ length: ROWS }, (_, i) => String((i % 13) * 1.5))].join('\n');
  const dir = project({ 'features.ts': FEATURES, 'data.csv': csv });

  it('computes the features on worker threads, with the same values as without', async () => {
    const plain = quiver(['run', 'features.ts', '--inputs', 'data.csv', '--out', 'plain.arrow', '--quiet'], dir);
    expect(plain.code).toBe(0);
    const threaded = quiver(['run', 'features.ts', '--inputs', 'data.csv', '--out', 'threads.arrow', '--quiet', '--threads', '2'], dir);
    expect(threaded.stderr).toBe('');
    expect(threaded.code).toBe(0);
    const a = await readTable(path.join(dir, 'plain.arrow'));
    const b = await readTable(path.join(dir, 'threads.arrow'));
    expect(Array.from(b.getChild('mean3')!.toArray())).toEqual(Array.from(a.getChild('mean3')!.toArray()));
    expect(a.getChild('onWorker')!.get(0)).toBe(0);
    expect(b.getChild('onWorker')!.get(0)).toBe(1);
  });

  it('refuses a count that is not a whole number above 0', () => {
    const r = quiver(['run', 'features.ts', '--inputs', 'data.csv', '--out', 'x.arrow', '--threads', '0'], dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--threads takes a whole number above 0 (got "0").');
  });
});
