/**
 * Every executor gives inline()'s answers: over random graphs (async features finishing in random
 * order, warn and fail checks), concurrent() and threads() return the same values, the same
 * quality results in the same order, or the same error. Each graph is written to a real module
 * file, which threads()' workers load as a user's feature file.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Builder, concurrent, dictResult, threads, type Executor } from '../../src';

const SRC = resolve(__dirname, '../../src');
const ROWS = 48;

interface Dag {
  deps: number[][];
  weights: number[];
  delays: (number | null)[];
  checks: ({ bound: number; fail: boolean } | null)[];
  outputs: number[];
}

const dagArbitrary: fc.Arbitrary<Dag> = fc.integer({ min: 1, max: 18 }).chain((n) =>
  fc.record({
    deps: fc.array(fc.uniqueArray(fc.integer({ min: -2, max: n - 1 }), { maxLength: 3 }), { minLength: n, maxLength: n }),
    weights: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: n, maxLength: n }),
    delays: fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { freq: 2 }), { minLength: n, maxLength: n }),
    checks: fc.array(fc.option(fc.record({ bound: fc.constantFrom(5, 50, 1e6), fail: fc.boolean() }), { freq: 2 }), { minLength: n, maxLength: n }),
    outputs: fc.subarray(Array.from({ length: n }, (_, i) => i), { minLength: 1 }),
  }).map((d) => ({ ...d, deps: d.deps.map((list, i) => list.filter((x) => x < i)) })),
);

const nameOf = (i: number) => (i === -1 ? 'inA' : i === -2 ? 'inB' : `n${i}`);

/** The graph as a TypeScript module: one class, a method per node. */
function moduleSource(dag: Dag): string {
  const methods = dag.deps.map((deps, i) => {
    const params = deps.map(nameOf);
    const check = dag.checks[i];
    const decorator = check
      ? `@checkOutput({ range: [-${check.bound}, ${check.bound}], importance: '${check.fail ? 'fail' : 'warn'}' })`
      : '@feature()';
    const delay = dag.delays[i];
    const body = `combine(${dag.weights[i]}, [${params.join(', ')}])`;
    const sig = `${nameOf(i)}(${params.map((p) => `${p}: Float64Array`).join(', ')})`;
    return delay === null
      ? `  ${decorator}\n  ${sig}: Float64Array { return ${body}; }`
      : `  ${decorator}\n  async ${sig}: Promise<Float64Array> { await new Promise((r) => setTimeout(r, ${delay})); return ${body}; }`;
  });
  return [
    `import { checkOutput, feature } from ${JSON.stringify(SRC)};`,
    `function combine(w: number, xs: Float64Array[]): Float64Array {`,
    `  const out = new Float64Array(${ROWS});`,
    `  for (let r = 0; r < ${ROWS}; r++) { let v = w + (r % 3); xs.forEach((x, k) => { v += ((k + 1) * x[r]) / 2; }); out[r] = v; }`,
    `  return out;`,
    `}`,
    `export class Dag {`,
    ...methods,
    `}`,
  ].join('\n');
}

type Outcome = { ok: true; values: unknown; quality: unknown } | { ok: false; error: string };

async function outcome(promise: Promise<{ result: unknown; quality: unknown }>): Promise<Outcome> {
  try {
    const { result, quality } = await promise;
    return { ok: true, values: result, quality };
  } catch (error) {
    return { ok: false, error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

describe('executors agree with inline()', () => {
  let dir = '';
  const pool = threads({ workers: 2, minRows: 1 });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'quiver-dags-'));
  });
  afterAll(async () => {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let file = 0;
  const inputs = {
    inA: Float64Array.from({ length: ROWS }, (_, r) => r - 20),
    inB: Float64Array.from({ length: ROWS }, (_, r) => (r % 5) * 1.5),
  };

  async function compare(dag: Dag, executors: readonly Executor[]): Promise<void> {
    const path = join(dir, `dag${++file}.ts`);
    writeFileSync(path, moduleSource(dag));
    const { Dag: Features } = require(path) as { Dag: new () => object };
    const dr = new Builder().withFeatures(Features).withResult(dictResult()).build();
    const names = dag.outputs.map(nameOf);
    const want = await outcome(dr.run(names, { inputs }));
    for (const executor of executors) {
      const got = await outcome(dr.run(names, { inputs, executor }));
      expect({ executor: executor.name, ...got }).toEqual({ executor: executor.name, ...want });
    }
  }

  test('concurrent() over many random graphs', async () => {
    await fc.assert(fc.asyncProperty(dagArbitrary, (dag) => compare(dag, [concurrent({ limit: 3 }), concurrent({ limit: 1 })])), { numRuns: 60 });
  });

  test('threads() over random graphs, every column node on a worker', async () => {
    await fc.assert(fc.asyncProperty(dagArbitrary, (dag) => compare(dag, [pool])), { numRuns: 15 });
  });
});
