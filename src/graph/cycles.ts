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

/** Node indices in an order where every node comes after all of its dependencies (Kahn). */
export function topologicalOrder(count: number, deps: readonly Int32Array[], consumers: readonly Int32Array[]): Int32Array {
  const pending = new Int32Array(count);
  const order = new Int32Array(count);
  let tail = 0;
  for (let i = 0; i < count; i++) {
    pending[i] = deps[i].length;
    if (pending[i] === 0) order[tail++] = i;
  }
  for (let head = 0; head < tail; head++) {
    for (const c of consumers[order[head]]) if (--pending[c] === 0) order[tail++] = c;
  }
  return order;
}
