/**
 * The Python peers of W1 (benchmarks/w1/peers/w1_python.py through python.ts) reproduce pandas'
 * published checksum at 100 × 1,000: the plain pandas script exactly as WORKLOAD.md writes it,
 * and the hand-written numpy within the checksum's tolerance. They need Debian's /usr/bin/python3
 * with python3-pandas; without it these tests are skipped (jest lists them as skipped).
 */
import { execFileSync } from 'child_process';
import { compareChecksum } from '../../benchmarks/w1/checksum';
import { generateRaw } from '../../benchmarks/w1/generate';
import { pythonImpl } from '../../benchmarks/w1/peers/python';
import { referenceChecksum } from '../../benchmarks/w1/reference';

function hasPandas(): boolean {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import pandas, numpy'], { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

const available = hasPandas();
const maybe = available ? it : it.skip;

describe('W1 in Python, 100 × 1,000', () => {
  maybe.each(['pandas', 'numpy'] as const)('%s reproduces the reference checksum, run after run', async (mode) => {
    const impl = pythonImpl(mode, 100, 1000);
    try {
      for (let k = 0; k < 2; k++) {
        const out = await impl.run(generateRaw(1000));
        expect(out.phases.compute).toBeGreaterThan(0);
        expect(compareChecksum(await out.checksum(), referenceChecksum(100, 1000)!)).toEqual({ ok: true });
      }
      expect(impl.note).toContain(mode === 'pandas' ? 'pandas 1.' : 'numpy 1.');
    } finally {
      await impl.close();
    }
  }, 60_000);

  maybe('a missing interpreter is an error that names it', async () => {
    const before = process.env.QUIVER_BENCH_PYTHON;
    jest.resetModules();
    process.env.QUIVER_BENCH_PYTHON = '/nonexistent/python3';
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { pythonImpl: fresh } = require('../../benchmarks/w1/peers/python') as typeof import('../../benchmarks/w1/peers/python');
      const impl = fresh('numpy', 4, 10);
      await expect(impl.run(generateRaw(10))).rejects.toThrow('/nonexistent/python3 w1_python.py --mode numpy: cannot start');
      await impl.close();
    } finally {
      if (before === undefined) delete process.env.QUIVER_BENCH_PYTHON;
      else process.env.QUIVER_BENCH_PYTHON = before;
    }
  });
});
