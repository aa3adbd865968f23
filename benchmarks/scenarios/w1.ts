/**
 * W1 (../shared/bench/WORKLOAD.md) at `--features N --rows R`: quiver, the hand-written floor and
 * the peers in one process; prints checksum, timings, peak RSS and the ratios to the floor and
 * to Hamilton's published figures.
 *
 *   --impl quiver,floor,quiver-dict,quiver-threads,polars,arquero,danfo,numpy,pandas   which to run (default: all)
 *   --workers 2                                threads() workers for quiver-threads (default: one per core)
 *   --reps 3                                   warm rounds after the cold one
 *   --between yield|gc                         between warm reps: yield to the event loop (default, what a
 *                                              user's process does) or force a full GC and sleep (old harness)
 *   --polars frames,eager,lazy                 polars modes (default: frames; see w1/peers/polars.ts)
 *   --slow-peer-cells 1e8                      arquero runs only when N × R is at most this
 *   --danfo-cells 1e7                          danfo runs only when N × R is at most this
 *   --python-cells 1e8                         numpy and pandas (W1 in /usr/bin/python3, benchmarks/w1/peers/w1_python.py,
 *                                              interleaved in the same rounds) run only when N × R is at most this
 */
import { hasFlag, numberFlag, stringFlag } from '../harness/args';
import type { Scenario } from '../harness/scenario';
import { benchW1 } from '../w1/bench';
import { floorImpl } from '../w1/floor-impl';
import { checksumOf } from '../w1/checksum';
import { floorW1 } from '../w1/floor';
import { generateRaw, rawList } from '../w1/generate';
import type { W1Impl } from '../w1/impl';
import { arqueroImpl } from '../w1/peers/arquero';
import { danfoImpl, DANFO_UNSUPPORTED } from '../w1/peers/danfo';
import { polarsImpl, type PolarsMode } from '../w1/peers/polars';
import { pythonImpl, type PythonW1Impl } from '../w1/peers/python';
import { quiverImpl } from '../w1/quiver-impl';
import { quiverThreadsImpl, type ThreadsW1Impl } from '../w1/quiver-threads-impl';
import { referenceChecksum } from '../w1/reference';
import { summarizeW1 } from '../w1/summary';
import { w1Features } from '../w1/spec';

const ALL = ['quiver', 'floor', 'quiver-dict', 'quiver-threads', 'polars', 'arquero', 'danfo', 'numpy', 'pandas'];

const scenario: Scenario = {
  name: 'w1',
  description: 'W1 at --features N --rows R: quiver vs the hand-written floor, polars, arquero, danfo; checksum first',
  async run(args) {
    const n = numberFlag(args, '--features', 100);
    const r = numberFlag(args, '--rows', 1000);
    const reps = numberFlag(args, '--reps', 3);
    const between = stringFlag(args, '--between', 'yield');
    if (between !== 'yield' && between !== 'gc') throw new Error(`--between: "${between}" is not one of yield, gc.`);
    const wanted = stringFlag(args, '--impl', ALL.join(',')).split(',');
    const cells = n * r;
    const log = hasFlag(args, '--quiet') ? () => {} : (m: string) => process.stderr.write(`  w1 ${n}×${r}: ${m}\n`);
    const t0 = performance.now();
    const raw = generateRaw(r);
    const generateMs = performance.now() - t0;
    const features = w1Features(n);
    const impls: W1Impl[] = [];
    const skipped: Record<string, string> = {};
    const slow = numberFlag(args, '--slow-peer-cells', 1e8);
    const danfoCells = numberFlag(args, '--danfo-cells', 1e7);
    const pythonCells = numberFlag(args, '--python-cells', 1e8);
    // Implementations run in the order --impl names them (quiver first by default: its peak RSS is then clean).
    const make: Record<string, () => void> = {
      quiver: () => impls.push(quiverImpl(features)),
      floor: () => impls.push(floorImpl(features)),
      'quiver-dict': () => impls.push(quiverImpl(features, 'dict')),
      'quiver-threads': () => {
        const workers = args.includes('--workers') ? { workers: numberFlag(args, '--workers', 2) } : {};
        impls.push(quiverThreadsImpl(features, workers));
      },
      polars: () => {
        for (const mode of stringFlag(args, '--polars', 'frames').split(',')) impls.push(polarsImpl(features, mode as PolarsMode));
      },
      arquero: () => {
        if (cells <= slow) impls.push(arqueroImpl(features));
        else skipped.arquero = `N × R = ${cells} is above --slow-peer-cells ${slow} (arquero evaluates row by row; raise the budget to run it)`;
      },
      danfo: () => {
        if (cells <= danfoCells) impls.push(danfoImpl(features, raw));
        else skipped.danfo = `N × R = ${cells} is above --danfo-cells ${danfoCells}; unsupported anyway: ${DANFO_UNSUPPORTED.join(', ')}`;
      },
      numpy: () => {
        if (cells <= pythonCells) impls.push(pythonImpl('numpy', n, r));
        else skipped.numpy = `N × R = ${cells} is above --python-cells ${pythonCells} (a second process holding all outputs; raise it to run)`;
      },
      pandas: () => {
        if (cells <= pythonCells) impls.push(pythonImpl('pandas', n, r));
        else skipped.pandas = `N × R = ${cells} is above --python-cells ${pythonCells} (a second process holding all outputs; raise it to run)`;
      },
    };
    for (const name of wanted) {
      if (!make[name]) throw new Error(`--impl: unknown implementation "${name}"; known: ${ALL.join(', ')}.`);
      make[name]();
    }
    const reference = referenceChecksum(n, r);
    const floorChecksum = () => checksumOf(floorW1(rawList(raw), features));
    const reports = await benchW1(raw, impls, reference, floorChecksum, reps, log, between);
    for (const impl of impls) await (impl as Partial<ThreadsW1Impl | PythonW1Impl>).close?.();
    return summarizeW1({ n, r, reps, between, reference, reports, skipped, generateMs });
  },
};

export default scenario;
