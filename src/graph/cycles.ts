/**
 * Cycle finding and topological order over integer adjacency lists, iterative so that a
 * 100,000-deep chain never touches the call stack's limit.
 */

/** One cycle (as node indices, first node repeated at the end) per strongly connected component. */
export function findCycles(count: number, deps: readonly Int32Array[]): number[][] {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const cycles: number[][] = [];
  let next = 0;
  const work: number[] = []; // pairs (node, edge position)
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    work.push(root, 0);
    while (work.length > 0) {
      const v = work[work.length - 2];
      let e = work[work.length - 1];
      if (e === 0 && index[v] === -1) {
        index[v] = low[v] = next++;
        stack.push(v);
        onStack[v] = 1;
      }
      const out = deps[v];
      let descended = false;
      while (e < out.length) {
        const w = out[e++];
        if (index[w] === -1) {
          work[work.length - 1] = e;
          work.push(w, 0);
          descended = true;
          break;
        }
        if (onStack[w]) low[v] = Math.min(low[v], index[w]);
      }
      if (descended) continue;
      work.length -= 2;
      if (work.length > 0) {
        const parent = work[work.length - 2];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v] && stack[stack.length - 1] === v) {
        // A component of one node (the common case): a cycle only when the node reads itself.
        stack.pop();
        onStack[v] = 0;
        if (deps[v].includes(v)) cycles.push(cycleWithin(new Set([v]), v, deps));
      } else if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || deps[v].includes(v)) cycles.push(cycleWithin(new Set(component), v, deps));
      }
    }
  }
  return cycles;
}

/** A path from `start` back to itself inside one strongly connected component. */
function cycleWithin(members: Set<number>, start: number, deps: readonly Int32Array[]): number[] {
  const parent = new Map<number, number>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const w of deps[v]) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = parent.get(u)!) path.push(u);
        path.push(start);
        return path.reverse();
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/**
 * Node indices in an order where every node comes after all of its dependencies (Kahn, over the
 * flat consumer lists); with a cycle, the nodes on and after it are left out (zeros).
 *
 * @example
 * const deps = [new Int32Array(0), new Int32Array([0])];
 * topologicalOrder(2, deps, consumerLists(2, deps)); // Int32Array [0, 1]
 */
export function topologicalOrder(count: number, deps: readonly Int32Array[], lists: ConsumerLists): Int32Array {
  const order = new Int32Array(count);
  kahn(count, deps, lists, order);
  return order;
}

/** Fills `order` and returns how many nodes it placed (fewer than `count` when there is a cycle). */
function kahn(count: number, deps: readonly Int32Array[], lists: ConsumerLists, order: Int32Array): number {
  const { offsets, edges } = lists;
  const pending = new Int32Array(count);
  let tail = 0;
  for (let i = 0; i < count; i++) {
    pending[i] = deps[i].length;
    if (pending[i] === 0) order[tail++] = i;
  }
  for (let head = 0; head < tail; head++) {
    const j = order[head];
    for (let e = offsets[j]; e < offsets[j + 1]; e++) if (--pending[edges[e]] === 0) order[tail++] = edges[e];
  }
  return tail;
}

const NO_CONSUMERS = new Int32Array(0);

/**
 * The reverse of `deps` as two flat lists: node j's consumers are `edges[offsets[j]]` up to
 * `edges[offsets[j + 1]]`, once per dependency edge, in the order of the consumers' indices.
 */
export interface ConsumerLists {
  readonly offsets: Int32Array;
  readonly edges: Int32Array;
}

/**
 * Every node's consumers in two typed arrays (no list object a node): what the build's cycle
 * check walks; `consumersOf` makes the per-node views from it when something asks for them.
 *
 * @example
 * consumerLists(2, [new Int32Array(0), new Int32Array([0])]); // { offsets: [0, 1, 1], edges: [1] }
 */
export function consumerLists(count: number, deps: readonly Int32Array[]): ConsumerLists {
  const offsets = new Int32Array(count + 1);
  for (let i = 0; i < deps.length; i++) {
    const d = deps[i];
    for (let k = 0; k < d.length; k++) offsets[d[k] + 1]++;
  }
  for (let j = 0; j < count; j++) offsets[j + 1] += offsets[j];
  const edges = new Int32Array(offsets[count]);
  const at = offsets.slice(0, count);
  for (let i = 0; i < deps.length; i++) {
    const d = deps[i];
    for (let k = 0; k < d.length; k++) edges[at[d[k]]++] = i;
  }
  return { offsets, edges };
}

/**
 * `consumers[j]`: the nodes that depend on node j, once per dependency edge (the reverse of `deps`).
 * Nodes nothing depends on share one empty list; the others are views into one buffer.
 *
 * @example
 * consumersOf(2, [new Int32Array(0), new Int32Array([0])]); // [Int32Array [1], Int32Array []]
 */
export function consumersOf(
  count: number, deps: readonly Int32Array[], lists = consumerLists(count, deps),
): Int32Array[] {
  const { offsets, edges } = lists;
  const consumers: Int32Array[] = new Array(count);
  for (let j = 0; j < count; j++) {
    const n = offsets[j + 1] - offsets[j];
    consumers[j] = n === 0 ? NO_CONSUMERS : new Int32Array(edges.buffer, edges.byteOffset + offsets[j] * 4, n);
  }
  return consumers;
}

/**
 * The topological order, or `undefined` when the graph has a cycle (some node never becomes ready):
 * one linear pass, so the cycle search (`findCycles`) runs only for a graph that has one.
 *
 * @example
 * const deps = [new Int32Array(0), new Int32Array([0])];
 * acyclicOrderOf(2, deps, consumerLists(2, deps)); // Int32Array [0, 1]
 */
export function acyclicOrderOf(
  count: number, deps: readonly Int32Array[], lists: ConsumerLists,
): Int32Array | undefined {
  const order = new Int32Array(count);
  return kahn(count, deps, lists, order) === count ? order : undefined;
}
