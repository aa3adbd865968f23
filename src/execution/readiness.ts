/**
 * Runs a plan by readiness: a node starts as soon as every node it reads is done, at most `limit`
 * at a time awaiting a promise, smallest plan position first. Values are released by reference
 * count as in the inline loop. The answers are inline()'s: check results are kept by plan position
 * and handed over in plan order; on a failure, every node placed before it in the plan still runs,
 * nothing after it starts, and the failure earliest in the plan is the one thrown. A node's value
 * is checked against its declared return type when it arrives, wherever it was computed (a worker
 * thread included), as inline()'s loop does.
 */
import type { QualityResult } from '../quality/result';
import { callWrapped, nodeFailure, type ComputeNode } from './executor';
import type { ExecutorRun } from './executor-api';
import { ReadyQueue } from './ready-queue';
import { returnChecksOf, returnTypeError } from './return-checks';

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return x !== null && typeof x === 'object' && typeof (x as PromiseLike<unknown>).then === 'function';
}

/**
 * @example
 * await runByReadiness(run, 8);                                // async features overlap
 * await runByReadiness(run, 4, (i, args) => pool.compute(i, args));
 */
export function runByReadiness(run: ExecutorRun, limit: number, compute?: ComputeNode): Promise<void> {
  const { graph, plan, state, hooks } = run;
  const { nodes, deps, consumers } = graph;
  const { values, runId } = state;
  const order = plan.run;
  const total = order.length;
  const refs = plan.refs.slice();
  const position = new Int32Array(nodes.length).fill(-1);
  for (let p = 0; p < total; p++) position[order[p]] = p;
  const waiting = new Int32Array(total);
  const ready = new ReadyQueue(64);
  for (let p = 0; p < total; p++) {
    const d = deps[order[p]];
    for (let k = 0; k < d.length; k++) if (position[d[k]] >= 0) waiting[p]++;
    if (waiting[p] === 0) ready.push(p);
  }
  const checks = new Map<number, QualityResult>();
  const wrappers = hooks.filter((h) => typeof h.aroundNode === 'function');
  const run1 = compute ?? ((i: number, args: unknown[]) => nodes[i].fn(args));
  const returns = returnChecksOf(graph);
  let inflight = 0;
  let failedAt = total;
  let failure: unknown;
  let pumping = false;

  return new Promise<void>((resolve, reject) => {
    const hookFailed = (p: number, error: unknown) => {
      if (p < failedAt) [failedAt, failure] = [p, error];
    };
    /** `wrapped`: the error is already the node's own (a wrong return type), not something it threw. */
    const failed = (p: number, started: number, error: unknown, wrapped = nodeFailure(nodes[order[p]], error)) => {
      try {
        for (const h of hooks) h.afterNode?.(nodeEnd(p, started, false, wrapped, undefined));
      } catch (hookError) {
        return hookFailed(p, hookError);
      }
      hookFailed(p, wrapped);
    };
    const nodeStart = (p: number) => {
      const node = nodes[order[p]];
      return { runId, name: node.name, tags: node.tags, role: node.role, index: p, total };
    };
    const nodeEnd = (p: number, started: number, success: boolean, error: unknown, value: unknown) => (
      { ...nodeStart(p), durationMs: performance.now() - started, success, error, value }
    );
    const done = (p: number, started: number, value: unknown) => {
      const i = order[p];
      const returned = returns[i];
      if (returned !== undefined && !returned(value)) {
        const failure = returnTypeError(nodes[i], value);
        return failed(p, started, failure, failure);
      }
      try {
        for (const h of hooks) h.afterNode?.(nodeEnd(p, started, true, undefined, value));
      } catch (error) {
        return hookFailed(p, error);
      }
      if (nodes[i].role === 'check') checks.set(p, value as QualityResult);
      values[i] = value;
      const d = deps[i];
      for (let k = 0; k < d.length; k++) if (--refs[d[k]] === 0) values[d[k]] = undefined;
      const c = consumers[i];
      for (let k = 0; k < c.length; k++) {
        const q = position[c[k]];
        if (q >= 0 && --waiting[q] === 0) ready.push(q);
      }
    };
    const start = (p: number) => {
      const i = order[p];
      const node = nodes[i];
      const d = deps[i];
      const args = new Array(d.length);
      for (let k = 0; k < d.length; k++) args[k] = values[d[k]];
      let started = 0;
      try {
        for (const h of hooks) h.beforeNode?.(nodeStart(p));
        started = performance.now();
      } catch (error) {
        return hookFailed(p, error);
      }
      let value: unknown;
      try {
        value = wrappers.length === 0
          ? run1(i, args)
          : callWrapped(wrappers, { runId, index: i, node, graph, args }, run1);
      } catch (error) {
        return failed(p, started, error);
      }
      if (!isThenable(value)) return done(p, started, value);
      inflight++;
      value.then(
        (v) => { inflight--; done(p, started, v); pump(); },
        (e) => { inflight--; failed(p, started, e); pump(); },
      );
    };
    const pump = () => {
      if (pumping) return;
      pumping = true;
      while (ready.size > 0 && inflight < limit) {
        const p = ready.pop();
        if (p < failedAt) start(p);
      }
      pumping = false;
      if (inflight > 0 || ready.size > 0) return;
      for (const p of [...checks.keys()].sort((a, b) => a - b)) if (p < failedAt) state.quality.push(checks.get(p)!);
      if (failedAt < total) reject(failure);
      else resolve();
    };
    pump();
  });
}
