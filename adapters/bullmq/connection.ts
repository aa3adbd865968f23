/**
 * Redis URLs to connections: `redis://[user:password@]host[:port][/db]`, connected with bounded
 * waits so that an unreachable Redis is a `QueueUnavailableError` naming the URL within seconds.
 */
import { DistributedError, QueueUnavailableError } from '../../src/distributed/errors';
import { redactUrl } from '../../src/distributed/job';
import { RespClient, type RespOptions } from './resp-client';

/** Milliseconds the first connection may take, in all (a few attempts). */
const FIRST_CONNECT_MS = 5000;

/**
 * The host, port, db and credentials of a `redis://` URL.
 *
 * @example
 * parseRedisUrl('redis://queue:6380/2'); // { host: 'queue', port: 6380, db: 2 }
 */
export function parseRedisUrl(url: string): Pick<RespOptions, 'host' | 'port' | 'db' | 'username' | 'password'> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DistributedError(
      `"${redactUrl(url)}" is not a Redis URL; write redis://host:6379 (or redis://host:6379/DB).`,
    );
  }
  if (u.protocol !== 'redis:') {
    throw new DistributedError(
      `"${redactUrl(url)}" is not a Redis URL (${u.protocol} is not redis:); write redis://host:6379.`,
    );
  }
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) {
    throw new DistributedError(`"${redactUrl(url)}": the database after the port must be a number (redis://h:6379/0).`);
  }
  return {
    host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    db,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
  };
}

/**
 * A ready connection to `url`, or a `QueueUnavailableError` within about 5 s. `lasting`: after
 * the first connection, reconnect without end (a worker rides out a Redis restart); otherwise a
 * few attempts, then the connection ends (a coordinator then fails naming the URL).
 *
 * @example
 * const client = await connectRedis('redis://127.0.0.1:6379', { lasting: true });
 */
export async function connectRedis(url: string, options: { readonly lasting?: boolean } = {}): Promise<RespClient> {
  const shown = redactUrl(url);
  const target = parseRedisUrl(url);
  let connected = false;
  const client = new RespClient({
    ...target,
    connectTimeout: 2000,
    commandTimeout: 10_000,
    retryStrategy: (times) => {
      if (!connected) return times <= 3 ? 250 : null;
      if (options.lasting) return Math.min(times * 250, 2000);
      return times <= 10 ? 300 : null;
    },
  });
  const errors: Error[] = [];
  const onError = (e: Error) => errors.push(e);
  client.on('error', onError);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${FIRST_CONNECT_MS} ms`)), FIRST_CONNECT_MS);
      client.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
      client.once('end', () => {
        clearTimeout(timer);
        reject(errors[errors.length - 1] ?? new Error('the connection closed'));
      });
    });
    await client.ping();
  } catch (error) {
    client.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    throw new QueueUnavailableError(shown, `could not be reached (${reason})`, { cause: error });
  } finally {
    client.off('error', onError);
  }
  connected = true;
  // later errors are seen through the queues' own 'error' events and failing commands
  client.on('error', () => undefined);
  return client;
}

/**
 * Resolves when Redis at `url` answers (then disconnects); a `QueueUnavailableError` naming the
 * URL within about 5 s otherwise. A coordinator asks first, before it computes anything.
 *
 * @example
 * await probeRedis('redis://queue:6379');
 */
export async function probeRedis(url: string): Promise<void> {
  const client = await connectRedis(url);
  await client.quit().catch(() => undefined);
}
