/**
 * The nodes whose inputs are done, smallest plan position first: a binary min-heap of integers,
 * so executors that run by readiness still start nodes in the inline order when they can.
 */
export class ReadyQueue {
  private heap: Int32Array;
  private n = 0;

  constructor(capacity: number) {
    this.heap = new Int32Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.n;
  }

  peek(): number {
    return this.heap[0];
  }

  push(x: number): void {
    if (this.n === this.heap.length) {
      const bigger = new Int32Array(this.heap.length * 2);
      bigger.set(this.heap);
      this.heap = bigger;
    }
    const h = this.heap;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent] <= x) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = x;
  }

  pop(): number {
    const h = this.heap;
    const top = h[0];
    const last = h[--this.n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.n) break;
      if (child + 1 < this.n && h[child + 1] < h[child]) child++;
      if (h[child] >= last) break;
      h[i] = h[child];
      i = child;
    }
    h[i] = last;
    return top;
  }
}
