/**
 * A `for await … yield` that lets each part go before it waits for the next. V8 keeps the values
 * of a suspended generator's frame, loop variables of finished iterations included, so a chain of
 * generators written with `for await` holds the previous part (a partition's whole result) alive
 * while the next is computed; here every reference is cleared before the next is asked for.
 */

/**
 * Each value of `source` mapped by `f`, holding neither the value nor its mapping once the
 * consumer has moved on.
 *
 * @example
 * const led = passOn(partitionTables, (table) => withLeadColumns(table, lead));
 */
export async function* passOn<T, U>(source: AsyncIterable<T>, f: (value: T) => U | Promise<U>): AsyncGenerator<U> {
  const it = source[Symbol.asyncIterator]();
  for (;;) {
    let step: IteratorResult<T> | undefined = await it.next();
    if (step.done) return;
    let out: U | undefined = await f(step.value);
    step = undefined;
    yield out as U;
    out = undefined;
  }
}
