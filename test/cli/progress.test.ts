import { Writable } from 'stream';
import { progressBar, shouldDrawProgress } from '../../adapters/progress/progress-bar';
import type { LifecycleAdapter, NodeRole } from '../../src/execution/hooks';
import { Graph } from '../../src/graph/graph';

/** A writable that says it is a terminal and keeps what was written. */
function fakeTerminal(isTTY = true) {
  const chunks: string[] = [];
  const stream = new Writable({ write(chunk, _enc, cb) { chunks.push(String(chunk)); cb(); } }) as Writable & { isTTY?: boolean; columns?: number };
  stream.isTTY = isTTY;
  stream.columns = 120;
  return { stream, text: () => chunks.join('') };
}

/** Drive an adapter through a run of the given nodes, each producing `rows` values. */
async function simulate(adapter: LifecycleAdapter, names: string[], rows: number, success = true) {
  const base = { runId: 7, outputs: [names[names.length - 1]], nodes: names, config: {}, graph: new Graph([], []) };
  await adapter.beforeRun?.(base);
  names.forEach((name, index) => {
    const node = { runId: 7, name, tags: {}, index, total: names.length, role: 'feature' as NodeRole };
    adapter.beforeNode?.(node);
    adapter.afterNode?.({ ...node, durationMs: 1, success: true, value: new Float64Array(rows) });
  });
  await adapter.afterRun?.({ ...base, success, durationMs: 3 });
}

const terminal = { stdoutIsTTY: true, env: {} };

describe('progressBar', () => {
  test('on a terminal it shows nodes done / total, the node, the rows, and ends with done', async () => {
    const t = fakeTerminal();
    await simulate(progressBar({ ...terminal, stream: t.stream }), ['spend', 'signups', 'spendPerSignup'], 1000);
    const text = t.text();
    expect(text).toContain('3/3 nodes');
    expect(text).toContain('| done | 1,000 rows');
    expect(text).toContain('0/3 nodes');
  });

  test('a failed run ends with failed', async () => {
    const t = fakeTerminal();
    await simulate(progressBar({ ...terminal, stream: t.stream }), ['a', 'b'], 5, false);
    expect(t.text()).toContain('2/2 nodes');
    expect(t.text()).toContain('| failed | 5 rows');
  });

  test.each([
    ['stdout is not a terminal', { ...terminal, stdoutIsTTY: false }, true],
    ['the stream is not a terminal', terminal, false],
    ['CI is set', { ...terminal, env: { CI: 'true' } }, true],
    ['quiet', { ...terminal, quiet: true }, true],
  ])('draws nothing when %s', async (_why, opts, streamIsTTY) => {
    const t = fakeTerminal(streamIsTTY as boolean);
    await simulate(progressBar({ ...opts, stream: t.stream }), ['a', 'b'], 5);
    expect(t.text()).toBe('');
  });

  test('shouldDrawProgress reads CI loosely: empty, 0 and false are not CI', () => {
    const stream = fakeTerminal().stream;
    expect(shouldDrawProgress({ stream, stdoutIsTTY: true, env: { CI: 'false' } })).toBe(true);
    expect(shouldDrawProgress({ stream, stdoutIsTTY: true, env: { CI: '0' } })).toBe(true);
    expect(shouldDrawProgress({ stream, stdoutIsTTY: true, env: { CI: '1' } })).toBe(false);
  });
});
