/**
 * The full suite `npm run bench` runs, one child process per job so each job's peak RSS is its
 * own. W1 runs at every size of WORKLOAD.md; scenarios written by others run with their defaults.
 */

export interface Job {
  readonly scenario: string;
  readonly args: readonly string[];
}

const w1 = (n: number, r: number): Job => ({ scenario: 'w1', args: ['--features', String(n), '--rows', String(r)] });

/** Scenarios this file schedules itself (with arguments); every other scenario runs once, bare. */
const OWN = new Set(['w1', 'graph-build', 'chain']);

/**
 * The jobs of one suite run. `quick` keeps only the small sizes (seconds, for development).
 *
 * @example
 * suiteJobs(true, ['w1', 'chain', 'graph-build']).map((j) => j.scenario)  // ['w1', 'w1', 'graph-build', 'chain']
 */
export function suiteJobs(quick: boolean, available: readonly string[]): Job[] {
  const jobs: Job[] = [w1(100, 1_000)];
  if (quick) {
    // Peers spend seconds per thousand features in their JS bindings: the quick suite leaves them out here.
    jobs.push({ scenario: 'w1', args: [...w1(5_000, 10).args, '--impl', 'quiver,floor,quiver-dict'] });
    jobs.push({ scenario: 'graph-build', args: ['--nodes', '10000'] }, { scenario: 'chain', args: ['--depth', '10000'] });
    return jobs.filter((j) => available.includes(j.scenario));
  }
  jobs.push(
    w1(5_000, 10),
    w1(1_000, 100_000),
    w1(5_000, 100_000),
    // 8 GB of outputs per implementation: polars (its own allocator) runs in a process of its
    // own, so two 8 GB heaps never sit in one process on a shared 24 GB machine.
    { scenario: 'w1', args: [...w1(1_000, 1_000_000).args, '--impl', 'quiver,floor,quiver-dict'] },
    { scenario: 'w1', args: [...w1(1_000, 1_000_000).args, '--impl', 'polars'] },
    { scenario: 'graph-build', args: ['--nodes', '10000'] },
    { scenario: 'graph-build', args: ['--nodes', '100000'] },
    { scenario: 'chain', args: ['--depth', '100000'] },
  );
  for (const name of available) if (!OWN.has(name)) jobs.push({ scenario: name, args: [] });
  return jobs.filter((j) => available.includes(j.scenario));
}
