/**
 * Redis URLs to ioredis connections: `redis://[user:password@]host[:port][/db]` (or `rediss://…`
 * for TLS, the certificate checked against the host's name), connected with
 * bounded waits so that an unreachable Redis is a `QueueUnavailableError` naming the URL within
 * seconds. A coordinator's connection fails fast (no offline queue, a command timeout, few
 * reconnects); a worker's rides out a Redis restart (what BullMQ asks of a Worker's connection).
 */
import type { Redis, RedisOptions } from 'ioredis';
import { DistributedError, QueueUnavailableError } from '../../src/distributed/errors';
import { redactUrl } from '../../src/distributed/job';
import { loadIORedis } from './load';

/** Milliseconds the first connection may take, in all (a few attempts). */
const FIRST_CONNECT_MS = 5000;
/** Milliseconds one connection attempt may take. */
const CONNECT_MS = 2000;
/**
 * Milliseconds a closing socket may stay half-open before it is destroyed. ioredis's default
 * (2 s) is a timer that keeps the process alive after a failed connect: its ready check, failing
 * on the socket just closed, disconnects once more and arms the timer on a dead socket.
 */
const DISCONNECT_MS = 100;
/** Milliseconds a coordinator's command may go unanswered before it fails ("Command timed out"). */
const COMMAND_MS = 5000;

/** What a Redis URL names. */
export interface RedisTarget {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  /** `rediss://`: connect over TLS. */
  readonly tls: boolean;
}

/**
 * The host, port, db and TLS of a `redis://` or `rediss://` URL (checked here so that a mistake
 * names the URL without its password; ioredis itself connects with the URL).
 *
 * @example
 * parseRedisUrl('redis://queue:6380/2'); // { host: 'queue', port: 6380, db: 2, tls: false }
 * parseRedisUrl('rediss://queue.example.com:6380').tls; // true
 */
export function parseRedisUrl(url: string): RedisTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DistributedError(
      `"${redactUrl(url)}" is not a Redis URL; write redis://host:6379 (or redis://host:6379/DB).`,
    );
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new DistributedError(
      `"${redactUrl(url)}" is not a Redis URL (${u.protocol} is not redis: or rediss:); ` +
        'write redis://host:6379 (or rediss://host:6380 for TLS).',
    );
  }
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) {
    throw new DistributedError(`"${redactUrl(url)}": the database after the port must be a number (redis://h:6379/0).`);
  }
  const host = u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  return { host, port: u.port ? Number(u.port) : 6379, db, tls: u.protocol === 'rediss:' };
}

/**
 * The ioredis options of a connection. `lasting` (a worker): BullMQ's Worker demands
 * `maxRetriesPerRequest: null`, commands wait in the offline queue while Redis restarts and
 * reconnects go on without end (its BZPOPMIN blocks up to 10 s, so no command timeout). Otherwise
 * (a coordinator): no offline queue, a 5 s command timeout, one retry per command and about 3 s
 * of reconnects, so a lost Redis is an error within seconds. Before the first connection both
 * give up after 4 attempts. `target` a `rediss://` URL's: TLS, `servername` its host (the name
 * the server's certificate is checked against, and SNI).
 *
 * @example
 * const options = redisOptions({ lasting: true }, () => false);
 * redisOptions({}, () => false, parseRedisUrl('rediss://q.example.com')).tls; // { servername: 'q.example.com' }
 */
export function redisOptions(
  options: { readonly lasting?: boolean }, connected: () => boolean, target?: RedisTarget,
): RedisOptions {
  const retryStrategy = (times: number): number | null => {
    if (!connected()) return times <= 3 ? 250 : null;
    if (options.lasting) return Math.min(times * 250, 2000);
    return times <= 10 ? 300 : null;
  };
  const tls = target?.tls ? { tls: { servername: target.host } } : {};
  const common = { connectTimeout: CONNECT_MS, disconnectTimeout: DISCONNECT_MS, retryStrategy, ...tls };
  return options.lasting
    ? { ...common, maxRetriesPerRequest: null }
    : { ...common, enableOfflineQueue: false, commandTimeout: COMMAND_MS, maxRetriesPerRequest: 1 };
}

/** Node's codes for a TLS certificate the process does not trust. */
const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
]);

/** The fix for a failed first connection when its cause says more than "is the server there?". */
function connectFix(error: unknown, target: RedisTarget): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && UNTRUSTED.has(code)) {
    return 'Its TLS certificate is not signed by a CA this process trusts: for a private CA, start the ' +
      'coordinator and every worker with NODE_EXTRA_CA_CERTS=/path/to/ca.pem.';
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `Its TLS certificate is not issued for "${target.host}": ` +
      'write the host name the certificate holds in the URL.';
  }
  if (typeof code === 'string' && code.startsWith('CERT_')) {
    return `Its TLS certificate was refused (${code}): renew or replace it.`;
  }
  if (!target.tls && (code === 'ECONNRESET' || code === 'EPIPE')) {
    return 'The server closed the connection at once, as a TLS-only port does to plain Redis: if it speaks TLS, ' +
      'write rediss:// instead of redis://; otherwise check that redis-server runs there.';
  }
  return undefined;
}

/**
 * A ready ioredis connection to `url`, or a `QueueUnavailableError` within about 5 s. `lasting`:
 * a worker's connection (see `redisOptions`); otherwise a coordinator's.
 *
 * @example
 * const client = await connectRedis('redis://127.0.0.1:6379', { lasting: true });
 */
export async function connectRedis(url: string, options: { readonly lasting?: boolean } = {}): Promise<Redis> {
  const shown = redactUrl(url);
  const target = parseRedisUrl(url);
  const IORedis = loadIORedis(options.lasting ? 'quiver worker' : 'quiver run --queue');
  let connected = false;
  const client = new IORedis(url, redisOptions(options, () => connected, target));
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
    letGo(client);
    const message = (error as { message?: unknown } | undefined)?.message;
    const reason = redactUrl(typeof message === 'string' ? message : String(error));
    const fix = connectFix(error, target);
    throw new QueueUnavailableError(shown, `could not be reached (${reason})`, { cause: error, fix });
  } finally {
    client.off('error', onError);
  }
  connected = true;
  // later errors are seen through the queues' own 'error' events and failing commands
  client.on('error', () => undefined);
  return client;
}

/**
 * Closes a connection that never became ready so that nothing of it keeps the process alive: an
 * ended one is left alone (ioredis's `disconnect()` would arm a 2 s `disconnectTimeout` timer on
 * its dead socket, waiting for a 'close' that already came), any other is disconnected and its
 * socket destroyed at once (no reconnect, no half-closed socket waiting for the server).
 *
 * @example
 * letGo(client); // after a failed first connect
 */
export function letGo(client: Redis): void {
  if (client.status === 'end') return;
  client.disconnect();
  client.stream?.destroy();
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

/**
 * The number of commands Redis at `client` has processed since it started (all clients: INFO's
 * `total_commands_processed`), for the cost model.
 *
 * @example
 * const before = await commandsProcessed(client);
 */
export async function commandsProcessed(client: Redis): Promise<number> {
  const info = await client.info('stats');
  return Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? Number.NaN);
}
