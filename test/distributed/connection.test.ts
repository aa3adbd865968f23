/**
 * The ioredis connections quiver makes, against Debian's real redis-server: a password in the URL
 * is used but never shown (a wrong one fails naming the URL without it, within seconds); an
 * unreachable Redis is a QueueUnavailableError within seconds; a coordinator's connection fails a
 * command at once when Redis is gone (no offline queue), a worker's keeps it and has it answered
 * once Redis is back on its port (BullMQ's Worker requires `maxRetriesPerRequest: null`).
 */
import { connectRedis, parseRedisUrl, probeRedis, redisOptions } from '../../adapters/bullmq/connection';
import Redis from 'ioredis';
import { DistributedError, QueueUnavailableError } from '../../src/distributed/errors';
import { freePort, hasRedis, startRedis, type RedisServer } from './support/redis-server';

const run = hasRedis ? describe : describe.skip;
if (!hasRedis) test.skip('connections: /usr/bin/redis-server is not installed (.ci/run installs it)', () => undefined);

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

test('a coordinator fails fast, a worker rides out a restart: the ioredis options of each', () => {
  const coordinator = redisOptions({}, () => true);
  expect(coordinator).toMatchObject({ enableOfflineQueue: false, commandTimeout: 5000, maxRetriesPerRequest: 1 });
  const worker = redisOptions({ lasting: true }, () => true);
  expect(worker.maxRetriesPerRequest).toBeNull();
  expect(worker.enableOfflineQueue).toBeUndefined();
  expect(worker.commandTimeout).toBeUndefined();
  // before the first connection both give up after 3 retries; after it only the coordinator does
  const never = redisOptions({ lasting: true }, () => false).retryStrategy!;
  expect([1, 2, 3, 4].map((t) => never(t))).toEqual([250, 250, 250, null]);
  expect(coordinator.retryStrategy!(11)).toBeNull();
  expect(worker.retryStrategy!(1000)).toBe(2000);
  // a closing socket is destroyed after 100 ms, not ioredis's 2 s (a timer that held a failed CLI open)
  expect([coordinator.disconnectTimeout, worker.disconnectTimeout]).toEqual([100, 100]);
});

test('a URL that is not redis:// is a DistributedError without its password', () => {
  expect(() => parseRedisUrl('http://:s3cret@queue:6379')).toThrow(DistributedError);
  expect(() => parseRedisUrl('http://:s3cret@queue:6379')).toThrow('"http://queue:6379" is not a Redis URL');
  expect(parseRedisUrl('redis://:s3cret@queue:6380/2')).toEqual({ host: 'queue', port: 6380, db: 2, tls: false });
});

run('ioredis connections to a real redis-server', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis(10_000, ['--requirepass', 's3cret']);
  }, 30_000);
  afterAll(async () => {
    await redis?.stop();
  });

  test('the password in the URL is used: commands run', async () => {
    const client = await connectRedis(`redis://:s3cret@127.0.0.1:${redis.port}/1`);
    try {
      expect(await client.set('quiver-test', 'x')).toBe('OK');
      expect(await client.get('quiver-test')).toBe('x');
    } finally {
      await client.quit();
    }
  });

  test('a wrong password: QueueUnavailableError naming the URL without the password, within seconds', async () => {
    const began = Date.now();
    const error = await failure(probeRedis(`redis://:wrong-one@127.0.0.1:${redis.port}`));
    expect(Date.now() - began).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(QueueUnavailableError);
    expect(error.message).toContain(`Redis at redis://127.0.0.1:${redis.port} could not be reached`);
    expect(error.message).not.toContain('wrong-one');
  }, 20_000);

  test('Redis restarted: a coordinator command fails at once; a worker command is answered after it', async () => {
    const own = await startRedis();
    let again: RedisServer | undefined;
    const coordinator = await connectRedis(own.url);
    const worker = await connectRedis(own.url, { lasting: true });
    try {
      await own.stop();
      await new Promise((r) => setTimeout(r, 300));
      const began = Date.now();
      const error = await failure(coordinator.ping());
      expect(error.message).toMatch(/enableOfflineQueue|Connection is closed/);
      expect(Date.now() - began).toBeLessThan(1000);
      let answer: unknown;
      const pong = worker.ping().then((r) => (answer = r), (e: Error) => (answer = e.message));
      await new Promise((r) => setTimeout(r, 1000));
      expect(answer).toBeUndefined();
      again = await startRedis(10_000, [], own.port);
      await Promise.race([pong, new Promise((r) => setTimeout(r, 8000))]);
      expect(answer).toBe('PONG');
    } finally {
      coordinator.disconnect();
      worker.disconnect();
      await again?.stop();
    }
  }, 30_000);
});

test('Redis unreachable: QueueUnavailableError naming the URL (password left out) within seconds', async () => {
  const port = await freePort();
  const began = Date.now();
  const error = await failure(connectRedis(`redis://user:s3cret@127.0.0.1:${port}`, { lasting: true }));
  expect(Date.now() - began).toBeLessThan(10_000);
  expect(error).toBeInstanceOf(QueueUnavailableError);
  expect(error.message).toContain(`Redis at redis://127.0.0.1:${port} could not be reached (connect ECONNREFUSED`);
  expect(error.message).not.toContain('s3cret');
}, 20_000);

test('rediss:// is TLS: ioredis gets tls.servername = the host, for both kinds of connection', () => {
  const target = parseRedisUrl('rediss://:s3cret@queue.example.com:6380/1');
  expect(target).toEqual({ host: 'queue.example.com', port: 6380, db: 1, tls: true });
  for (const lasting of [false, true]) {
    const options = redisOptions({ lasting }, () => true, target);
    expect(options.tls).toEqual({ servername: 'queue.example.com' });
  }
  expect(redisOptions({}, () => true, parseRedisUrl('redis://queue:6379')).tls).toBeUndefined();
  // what the ioredis client is made with (lazy: no server needed)
  const url = 'rediss://queue.example.com:6380/1';
  const client = new Redis(url, { ...redisOptions({}, () => false, parseRedisUrl(url)), lazyConnect: true });
  const tls = { servername: 'queue.example.com' };
  expect(client.options).toMatchObject({ host: 'queue.example.com', port: 6380, db: 1, tls });
  client.disconnect();
  expect(() => parseRedisUrl('redis+tls://queue:6380')).toThrow(/rediss:\/\/host:6380 for TLS/);
});
