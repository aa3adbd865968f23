/**
 * The benchmark runner.
 *
 *   npm run bench                          the full suite; writes benchmarks/results/<date>.json
 *   npm run bench -- --quick               the small sizes only
 *   npm run bench -- <scenario> [args…]    one scenario; prints its one JSON line
 *   npm run bench -- --list                the scenarios and what they measure
 *   --malloc default                       leave glibc malloc untuned (see docs/benchmarks.md)
 *
 * Every scenario runs in its own child process (node --expose-gc), so peak RSS is per scenario.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { listScenarios, loadScenario } from './harness/scenario';
import { machineInfo } from './harness/machine';
import { suiteJobs, type Job } from './suite';

const CHILD = path.join(__dirname, 'harness', 'child.js');
const RESULTS_DIR = path.resolve(__dirname, '..', '..', 'benchmarks', 'results');

/**
 * glibc keeps freed memory instead of handing it back after every run, as in the Hamilton
 * measurements of WORKLOAD.md; without it each run pays first-touch page faults again.
 */
const TUNED_MALLOC =
  'glibc.malloc.trim_threshold=17179869184:glibc.malloc.mmap_threshold=33554432:glibc.malloc.top_pad=268435456';

function childEnv(malloc: string): NodeJS.ProcessEnv {
  if (malloc === 'default') return process.env;
  return { ...process.env, GLIBC_TUNABLES: process.env.GLIBC_TUNABLES ?? TUNED_MALLOC };
}

/** Run one job in a child process; resolves to its JSON record, or one describing the failure. */
function runJob(job: Job, env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', CHILD, job.scenario, ...job.args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env,
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('close', (code, signal) => {
      const last = out.trim().split('\n').pop() ?? '';
      try {
        const record = JSON.parse(last) as Record<string, unknown>;
        if (code === 0 || typeof record.error === 'string') return resolve(record);
      } catch {
        /* fall through to the failure record */
      }
      resolve({ scenario: job.scenario, args: job.args, error: `exited with ${signal ?? code}`, stdout_tail: last.slice(-500) });
    });
  });
}

function takeOption(args: string[], flag: string, fallback: string): string {
  const i = args.indexOf(flag);
  if (i < 0) return fallback;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const malloc = takeOption(args, '--malloc', 'tuned');
  const env = childEnv(malloc);
  if (args[0] === '--list') {
    for (const name of listScenarios()) console.log(`${name.padEnd(18)} ${loadScenario(name).description}`);
    return;
  }
  if (args[0] && !args[0].startsWith('--')) {
    const [scenario, ...rest] = args;
    const record = await runJob({ scenario, args: rest }, env);
    console.log(JSON.stringify(record));
    if ('error' in record) process.exitCode = 1;
    return;
  }
  const quick = args.includes('--quick');
  const machine: Record<string, unknown> = { ...machineInfo(), glibc_tunables: env.GLIBC_TUNABLES ?? null };
  const results: Record<string, unknown>[] = [];
  for (const job of suiteJobs(quick, listScenarios())) {
    process.stderr.write(`bench: ${job.scenario} ${job.args.join(' ')}\n`);
    const record = await runJob(job, env);
    console.log(JSON.stringify(record));
    results.push(record);
  }
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${String(machine.date)}${quick ? '-quick' : ''}.json`.replace(/:/g, '-'));
  fs.writeFileSync(file, JSON.stringify({ machine, results }, null, 2) + '\n');
  process.stderr.write(`bench: wrote ${path.relative(process.cwd(), file)}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
