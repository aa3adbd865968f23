/**
 * Debian's real redis-server for the distributed tests and benchmark: started on a free loopback
 * port with nothing saved to disk, waited for (bounded), and stopped by the caller (`stop()`).
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';

export const REDIS_SERVER = '/usr/bin/redis-server';

/** True when the tests can run: redis-server is installed (.ci/run installs it when missing). */
export const hasRedis = fs.existsSync(REDIS_SERVER);

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * A loopback port nothing listens on right now.
 *
 * @example
 * const url = `redis://127.0.0.1:${await freePort()}`; // nothing answers there
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(/^(\+PONG|-NOAUTH)/.test(d.toString())));
  });
}

/**
 * Starts redis-server on a free port; rejects if it does not answer PING within `waitMs`.
 * `extra`: more redis-server arguments (e.g. `['--requirepass', 's3cret']`); `port`: this port
 * instead of a free one (to restart a stopped server where its clients reconnect).
 *
 * @example
 * const redis = await startRedis(); try { … redis.url … } finally { await redis.stop(); }
 */
export async function startRedis(waitMs = 10_000, extra: readonly string[] = [], at?: number): Promise<RedisServer> {
  const port = at ?? (await freePort());
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extra];
  const child = spawn(REDIS_SERVER, args, { stdio: 'ignore' });
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
  const deadline = Date.now() + waitMs;
  while (!(await answersPing(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not answer on 127.0.0.1:${port} within ${waitMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, url: `redis://127.0.0.1:${port}`, process: child, stop };
}
