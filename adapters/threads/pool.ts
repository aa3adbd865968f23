/**
 * The pool of worker threads behind `threads()`. Workers start when first needed, hold a ref on
 * the process only while they have work (so a script exits by itself when the run is over), and a
 * worker that dies — a feature calls `process.exit`, it runs out of memory — fails the tasks it
 * held and is replaced by a fresh one on the next task.
 */
import { Worker } from 'worker_threads';
import { reviveError } from './errors-across';
import { WORKER_CODE, workerStart } from './bootstrap';
import type { FromWorker, ToWorker } from './protocol';
import type { SentRecipe } from './recipe';
import { inThisRealm } from './shared';

/** A worker's answer: the value, or `local` when the value cannot cross threads. */
export type TaskOutcome = { readonly kind: 'value'; readonly value: unknown } | { readonly kind: 'local' };

interface Pending {
  resolve(outcome: TaskOutcome): void;
  reject(error: unknown): void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  readonly graphs: Set<number>;
  error?: Error;
}

export class WorkerPool {
  private readonly slots: (Slot | undefined)[];
  private nextTask = 1;

  constructor(readonly size: number, private readonly heapMb?: number) {
    this.slots = new Array(size).fill(undefined);
  }

  /**
   * Computes node `node` of graph `graphId` (sent as `recipe` to a worker that has not built it yet).
   *
   * @example
   * const outcome = await pool.run(1, sent, 7, [spend]);
   */
  run(graphId: number, recipe: SentRecipe, node: number, args: unknown[]): Promise<TaskOutcome> {
    const slot = this.pick();
    const task = this.nextTask++;
    return new Promise<TaskOutcome>((resolve, reject) => {
      if (!slot.graphs.has(graphId)) {
        this.post(slot, { type: 'graph', id: graphId, recipe });
        slot.graphs.add(graphId);
      }
      slot.pending.set(task, { resolve, reject });
      if (slot.pending.size === 1) slot.worker.ref();
      try {
        this.post(slot, { type: 'task', task, graph: graphId, node, args });
      } catch (error) {
        this.settle(slot, task);
        reject(error);
      }
    });
  }

  /** Workers drop graph `graphId` (built again if it is sent again). */
  forget(graphId: number): void {
    for (const slot of this.slots) {
      if (!slot?.graphs.delete(graphId)) continue;
      this.post(slot, { type: 'forget', id: graphId });
    }
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    const live = this.slots.filter((s): s is Slot => s !== undefined);
    this.slots.fill(undefined);
    await Promise.all(live.map((s) => s.worker.terminate()));
  }

  private post(slot: Slot, message: ToWorker): void {
    slot.worker.postMessage(message);
  }

  /** The worker with the fewest tasks in hand, starting one in an empty place first. */
  private pick(): Slot {
    let best: Slot | undefined;
    for (let k = 0; k < this.slots.length; k++) {
      const slot = this.slots[k] ?? (this.slots[k] = this.spawn(k));
      if (slot.pending.size === 0) return slot;
      if (!best || slot.pending.size < best.pending.size) best = slot;
    }
    return best!;
  }

  private settle(slot: Slot, task: number): Pending | undefined {
    const pending = slot.pending.get(task);
    slot.pending.delete(task);
    if (slot.pending.size === 0) slot.worker.unref();
    return pending;
  }

  private spawn(k: number): Slot {
    const resourceLimits = this.heapMb === undefined ? undefined : { maxOldGenerationSizeMb: this.heapMb };
    const worker = new Worker(WORKER_CODE, { eval: true, workerData: { start: workerStart() }, resourceLimits });
    worker.unref();
    const slot: Slot = { worker, pending: new Map(), graphs: new Set() };
    worker.on('message', (m: FromWorker) => {
      const pending = this.settle(slot, m.task);
      if (!pending) return;
      if (m.type === 'result') pending.resolve({ kind: 'value', value: inThisRealm(m.value) });
      else if (m.type === 'local') pending.resolve({ kind: 'local' });
      else pending.reject(reviveError(m.error));
    });
    worker.on('error', (error) => {
      slot.error = error;
    });
    worker.on('exit', (code) => {
      if (this.slots[k] === slot) this.slots[k] = undefined;
      const why = (slot.error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? 'ran out of memory'
        : slot.error ? `failed (${slot.error.name}: ${slot.error.message})` : `exited with code ${code}`;
      const lost = [...slot.pending.values()];
      slot.pending.clear();
      for (const p of lost) {
        p.reject(new Error(`the worker thread computing it ${why}; the pool starts a new worker for the next node`));
      }
    });
    return slot;
  }
}
