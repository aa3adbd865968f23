/**
 * What the entity-isolation check costs on the weather demo (examples/weather: ~1,000 features,
 * two cities, 2,922 rows) — issue 11's target is ≤ 5% of the run.
 * - warm, one process: the frame without the check and the frame with it, alternating within
 *   each of `--reps` rounds after one warm-up round, and the check alone (as `buildTrainingFrame`
 *   calls it: on a driver that ran the features, with the frame's outputs, history and sample
 *   rows); best and median of each.
 * - natural, one process: frames back to back without and with the check (`--rounds`, default 40),
 *   nothing forced between them (see `natural`).
 * - cold, fresh processes (`--cold` of each, default 6): the first frame of a process without the
 *   check, then the check's first call in that process; and the first frame with the check.
 * - demo, fresh processes (`--demo` pairs, default 6): the demo's whole job (`npm run demo`:
 *   examples/weather/job.ts) with the check and without it, alternating which runs first; `job` is
 *   the job's call, `process` the process from its start (loading quiver and the features).
 * Each frame is timed with a full garbage collection at its end, so that a frame pays for the
 * garbage it made: without it, a collection the main run made due would be billed to whatever
 * allocates next (the check) and the frame without the check would leave it unpaid. `ratio` is
 * the frame with the check over the frame without; `share` the check alone over the frame
 * without it. Times are CPU milliseconds of the process (user + system, `process.cpuUsage`):
 * the machine is shared, and wall time there measures the neighbours; wall figures are beside, and
 * the main thread's own CPU (`main_thread_*`: without V8's compiler and GC helper threads). Linux
 * updates that figure at scheduler ticks (4 ms here), so for a ~10 ms check it is coarse: read its
 * medians over many reps, not one sample.
 *
 *   npm run bench -- isolation [--reps 10] [--rounds 40] [--cold 6] [--demo 6]
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Builder, buildTrainingFrame, type RawData, type TrainingFrame } from '../../src';
import { Calendar } from '../../examples/weather/calendar';
import { CityStatistics } from '../../examples/weather/city';
import { readWeather } from '../../examples/weather/data';
import { TEST_FROM, VALIDATION_FROM } from '../../examples/weather/frame';
import { weatherJob } from '../../examples/weather/job';
import { WeatherSignals } from '../../examples/weather/signals';
import { WeatherWindows } from '../../examples/weather/windows';
import { hasFlag, numberFlag } from '../harness/args';
import { bestAndMedian, round, settle } from '../harness/measure';
import type { Scenario } from '../harness/scenario';
import isolationModule = require('../../src/timeseries/isolation');

const FEATURES = [WeatherSignals, WeatherWindows, CityStatistics, Calendar];
const CONFIG = { fitUntil: Date.parse(VALIDATION_FROM) };

/** examples/weather/frame.ts's frame, with the check on or off. */
function frame(data: RawData, isolationCheck: boolean): Promise<TrainingFrame> {
  return buildTrainingFrame({
    features: FEATURES, data, entity: 'location', time: 'date', target: 'temp_max', horizon: 1,
    include: ['temp_max', 'temp_min', 'precipitation', 'wind'],
    splits: { validation: VALIDATION_FROM, test: TEST_FROM }, config: CONFIG, isolationCheck,
  });
}

/**
 * CPU milliseconds of the main thread alone (Linux: /proc/self/task/<pid>/schedstat), NaN where
 * unreadable. The process's CPU also counts V8's helper threads (concurrent compilation, GC).
 */
function mainThreadMs(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

/** Wall, process CPU and main-thread CPU milliseconds since `from` (or since the process started). */
function clock(from?: Clock): Clock {
  const cpu = process.cpuUsage();
  const now = { wall: performance.now(), cpu: (cpu.user + cpu.system) / 1000, main: mainThreadMs() };
  return from ? { wall: now.wall - from.wall, cpu: now.cpu - from.cpu, main: now.main - from.main } : now;
}
interface Clock {
  readonly wall: number;
  readonly cpu: number;
  readonly main: number;
}

/**
 * The check as `buildTrainingFrame` runs it after `built`: on a new driver that has run the
 * features on the history once (as the frame's driver has), the same outputs and sample rows.
 */
async function check(built: TrainingFrame): Promise<Clock> {
  const driver = new Builder().withFeatures(...FEATURES).withConfig(CONFIG).build();
  await driver.run(built.features, { inputs: built.history.inputs });
  // The main run's garbage is collected first, so that the check is not billed for it. The price:
  // after settle() (two full collections, 40 ms of sleep) the check runs slower than it does in a
  // frame (here 13-17 ms against 5-6 ms in a frame without a collection due: fresh young-generation
  // pages, cold caches). `frame_with`'s ratio is the check's cost in a frame; this is its upper bound.
  await settle();
  let reach = 0;
  for (const w of built.warmup) reach = Math.max(reach, w);
  const rows = Math.max(16, Math.ceil((reach + 1) / 2) + 2); // training-frame.ts's isolationRows
  const t = clock();
  const report = await checkAlone(driver, built.features, built.history, { rows });
  const ms = clock(t);
  const n = built.features.length;
  if (report.checked.length !== n) throw new Error(`checked ${report.checked.length} of ${n} features`);
  return ms;
}

/** The check as the library exports it, before `timeChecksInFrames` wraps it (what `check` times). */
const checkAlone = isolationModule.checkEntityIsolation;
/** The checks `buildTrainingFrame` ran since the last `takeInFrame`, timed inside the frame. */
let inFrame: Clock[] = [];

/**
 * Times each check a frame runs, inside the frame: `buildTrainingFrame` calls it through this
 * module's exports, which are wrapped here (benchmark-only; the library is not changed). The
 * check's own time in a frame, without the noise of a difference of two frames' times.
 */
function timeChecksInFrames(): void {
  if (isolationModule.checkEntityIsolation !== checkAlone) return;
  const timed: typeof checkAlone = async (...args) => {
    const t = clock();
    try {
      return await checkAlone(...args);
    } finally {
      inFrame.push(clock(t));
    }
  };
  Object.assign(isolationModule, { checkEntityIsolation: timed });
}

/** The in-frame checks timed since the last call (one per frame with the check). */
function takeInFrame(): Clock[] {
  const taken = inFrame;
  inFrame = [];
  return taken;
}

/** A full collection now (the benchmark child runs with --expose-gc). */
const collect = () => (globalThis as { gc?: () => void }).gc?.();

async function timedFrame(data: RawData, on: boolean): Promise<{ ms: Clock; built: TrainingFrame }> {
  await settle();
  const t = clock();
  const built = await frame(data, on);
  collect();
  return { ms: clock(t), built };
}

/** Best and median of CPU and of wall times, and (`key`) each over `base`'s. */
function summary(samples: readonly Clock[], base?: readonly Clock[], key = 'share') {
  const of = (key: keyof Clock, s: readonly Clock[]) => bestAndMedian(s.map((c) => c[key]));
  const cpu = of('cpu', samples);
  const wall = of('wall', samples);
  const main = of('main', samples);
  const out: Record<string, number> = {
    cpu_best_ms: round(cpu.best), cpu_median_ms: round(cpu.median),
    main_thread_best_ms: round(main.best), main_thread_median_ms: round(main.median),
    wall_best_ms: round(wall.best), wall_median_ms: round(wall.median),
  };
  if (base) {
    const bc = of('cpu', base);
    const bm = of('main', base);
    const bw = of('wall', base);
    Object.assign(out, {
      [`${key}_cpu_best`]: round(cpu.best / bc.best, 3), [`${key}_cpu_median`]: round(cpu.median / bc.median, 3),
      [`${key}_main_thread_best`]: round(main.best / bm.best, 3),
      [`${key}_main_thread_median`]: round(main.median / bm.median, 3),
      [`${key}_wall_median`]: round(wall.median / bw.median, 3),
    });
  }
  return out;
}

async function warm(data: RawData, reps: number) {
  const off: Clock[] = [];
  const on: Clock[] = [];
  const alone: Clock[] = [];
  for (let r = 0; r <= reps; r++) {
    const first = r % 2 === 0;
    const a = await timedFrame(data, !first);
    const b = await timedFrame(data, first);
    const plain = first ? a : b; // round r runs without the check first when r is even
    (first ? off : on).push(a.ms);
    (first ? on : off).push(b.ms);
    await settle();
    alone.push(await check(plain.built));
    if (r === 0) for (const s of [off, on, alone]) s.pop(); // round 0 warms up
  }
  return { frame_without: summary(off), frame_with: summary(on, off, 'ratio'), check: summary(alone, off) };
}

/**
 * Frames back to back as a notebook builds them, with no collection or sleep forced between them
 * (V8 collects when it would): `rounds` rounds of one frame without the check and one with it,
 * alternating which goes first, after two warm-up rounds. A forced full collection after each
 * frame (as `warm` does, to bill each frame its garbage) made the next frame ~35% slower here and
 * the check in it 2x slower: fresh young-generation pages and cold caches, not the check's work.
 */
async function natural(data: RawData, rounds: number) {
  const off: Clock[] = [];
  const on: Clock[] = [];
  const checks: Clock[] = [];
  takeInFrame();
  for (let r = 0; r < rounds + 2; r++) {
    for (const check of r % 2 === 0 ? [false, true] : [true, false]) {
      const t = clock();
      await frame(data, check);
      const ms = clock(t);
      const timed = takeInFrame();
      if (r < 2) continue;
      (check ? on : off).push(ms);
      checks.push(...timed);
    }
  }
  return {
    frame_without: summary(off), frame_with: summary(on, off, 'ratio'), check_in_frame: summary(checks, off, 'share'),
  };
}

/**
 * One fresh process: `off` times the first frame without the check, then the check's first call;
 * `on` the first frame with it.
 */
async function coldChild(mode: string) {
  const data = await readWeather();
  const first = await timedFrame(data, mode === 'on');
  if (mode === 'on') return { frame_ms: first.ms, in_frame_ms: takeInFrame()[0] };
  return { frame_ms: first.ms, check_ms: await check(first.built) };
}

/**
 * One fresh process runs the demo's job (examples/weather/job.ts: read weather.csv, the frame with
 * lineage, the splits written, the report made), with or without the check. `job` is the job's
 * call, `process` everything since the process started (loading quiver and the features included).
 */
async function demoChild(mode: string) {
  const dir = mkdtempSync(join(tmpdir(), 'quiver-demo-'));
  try {
    const t = clock();
    await weatherJob({ outDir: dir, isolationCheck: mode === 'demo-on', log: () => undefined });
    return { job: clock(t), process: clock(), check: takeInFrame()[0] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `--demo` pairs of fresh processes, alternating which goes first: the job with ÷ without the check. */
function demo(n: number) {
  const off: { job: Clock; process: Clock }[] = [];
  const on: { job: Clock; process: Clock; check: Clock }[] = [];
  for (let i = 0; i < n; i++) {
    for (const mode of i % 2 === 0 ? ['demo-off', 'demo-on'] : ['demo-on', 'demo-off']) {
      const child = `${__dirname}/../harness/child.js`;
      const out = execFileSync(process.execPath, ['--expose-gc', child, 'isolation', '--cold-child', mode], {
        encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 120_000,
      });
      (mode === 'demo-on' ? on : off).push(JSON.parse(out.trim().split('\n').pop()!));
    }
  }
  return {
    processes: 2 * n,
    job_without: summary(off.map((r) => r.job)),
    job_with: summary(on.map((r) => r.job), off.map((r) => r.job), 'ratio'),
    process_without: summary(off.map((r) => r.process)),
    process_with: summary(on.map((r) => r.process), off.map((r) => r.process), 'ratio'),
    // the check timed inside the job, over the job and over the process without it
    check_in_job: summary(on.map((r) => r.check), off.map((r) => r.job), 'share'),
    check_in_process: summary(on.map((r) => r.check), off.map((r) => r.process), 'share'),
  };
}

function coldRun(mode: 'on' | 'off'): { frame_ms: Clock; check_ms?: Clock; in_frame_ms?: Clock } {
  const child = `${__dirname}/../harness/child.js`;
  const out = execFileSync(process.execPath, ['--expose-gc', child, 'isolation', '--cold-child', mode], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 120_000,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function cold(n: number) {
  const off: Clock[] = [];
  const on: Clock[] = [];
  const alone: Clock[] = [];
  const inFrameChecks: Clock[] = [];
  for (let i = 0; i < n; i++) {
    const a = coldRun('off');
    off.push(a.frame_ms);
    alone.push(a.check_ms!);
    const b = coldRun('on');
    on.push(b.frame_ms);
    inFrameChecks.push(b.in_frame_ms!);
  }
  return {
    processes: n, frame_without: summary(off), frame_with: summary(on, off, 'ratio'), check: summary(alone, off),
    check_in_frame: summary(inFrameChecks, off, 'share'),
  };
}

const scenario: Scenario = {
  name: 'isolation',
  description: 'entity-isolation check on the weather demo: its time over the frame without it, warm and cold (≤ 5%)',
  async run(args) {
    timeChecksInFrames();
    if (hasFlag(args, '--cold-child')) {
      const mode = args[args.indexOf('--cold-child') + 1];
      return mode.startsWith('demo-') ? demoChild(mode) : coldChild(mode);
    }
    const reps = Math.max(1, numberFlag(args, '--reps', 10));
    const data = await readWeather();
    const processes = Math.max(1, numberFlag(args, '--cold', 6));
    const pairs = Math.max(0, numberFlag(args, '--demo', 6));
    return {
      reps,
      warm: await warm(data, reps),
      natural: await natural(data, Math.max(1, numberFlag(args, '--rounds', 40))),
      cold: await cold(processes), ...(pairs > 0 ? { demo: demo(pairs) } : {}),
      target_share: 0.05,
    };
  },
};

export default scenario;
