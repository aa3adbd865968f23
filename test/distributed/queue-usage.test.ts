/**
 * `quiver run --queue` usage mistakes are `UsageError`s (exit 2) before Redis is asked or anything
 * is computed: the entity history, the number of partitions, and --cache (a distributed run keeps
 * its parts in --store instead).
 */
import { UsageError } from '../../cli/errors';
import { runByQueue, type QueueRunOptions } from '../../cli/queue-run';
import { entityHistory } from '../../src';

const data = { store: ['a', 'a', 'b'], day: [1, 2, 1], sales: Float64Array.of(1, 2, 3) };
const history = entityHistory(data, { entity: 'store', time: 'day' });
const base: QueueRunOptions = {
  queue: 'redis://127.0.0.1:1', partitions: 2, out: 'x.arrow', inputs: 'x.csv',
  entity: 'store', time: 'day', chosen: true,
};
const say = () => undefined;

test.each([
  ['no --entity/--time', { ...base, entity: undefined }, /--queue needs --entity <column> and --time <column>/],
  ['no --partitions', { ...base, partitions: undefined }, /--queue needs --partitions <n>/],
  ['--cache', { ...base, cache: '.cache' }, /--cache goes without --queue/],
])('%s is a UsageError', async (_what, opts, message) => {
  const run = runByQueue({} as never, ['ma3'], history, 'features.ts', opts as QueueRunOptions, say);
  await expect(run).rejects.toThrow(UsageError);
  await expect(run).rejects.toThrow(message);
});
