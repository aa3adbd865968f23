/**
 * After a failed first connect to Redis, `quiver worker` and `quiver run --queue` print the error
 * naming the URL and exit at once: no ioredis timer (reconnect, connect or disconnect timeout)
 * keeps the process alive. Two failures: a port nothing listens on (refused) and a server that
 * accepts and never answers (the first connect times out). No redis-server needed.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { project } from '../cli/support/cli';
import { freePort } from './support/redis-server';

const RUNNER = path.join(__dirname, '../cli/support/run-from-source.js');
/** The error printed to the exit: before the fix ioredis's 2 s disconnectTimeout timer sat here. */
const LINGER_MS = 1000;

let dir: string;
beforeAll(() => {
  dir = project({
    'features.ts': 'export class A { doubled(a: Float64Array): Float64Array { return a.map((v) => 2 * v); } }\n',
    'data.csv': 'e,t,a\nx,2024-01-01,1\ny,2024-01-01,2\n',
  });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Timed {
  readonly stderr: string;
  readonly code: number | null;
  /** Milliseconds from spawn to the first stderr output and to the exit. */
  readonly errorAt: number;
  readonly exitAt: number;
}

/** Runs quiver, timing its error and its exit. */
function timed(args: readonly string[]): Promise<Timed> {
  const began = Date.now();
  const child = spawn(process.execPath, [RUNNER, ...args], {
    cwd: dir, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let errorAt = Number.NaN;
  child.stderr.on('data', (d: Buffer) => {
    if (stderr === '') errorAt = Date.now() - began;
    stderr += d.toString();
  });
  return new Promise((resolve) => {
    child.once('close', (code) => resolve({ stderr, code, errorAt, exitAt: Date.now() - began }));
  });
}

const commands = (url: string) => ({
  worker: ['worker', '--redis', url],
  coordinator: ['run', 'features.ts', '--inputs', 'data.csv', '--entity', 'e', '--time', 't',
    '--out', 'out.arrow', '--queue', url, '--partitions', '2'],
});

test('a port nothing listens on: the error names the URL, then the process exits at once', async () => {
  const url = `redis://127.0.0.1:${await freePort()}`;
  for (const [who, args] of Object.entries(commands(url))) {
    const r = await timed(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Redis at ${url} could not be reached (connect ECONNREFUSED`);
    expect({ who, linger: r.exitAt - r.errorAt < LINGER_MS }).toEqual({ who, linger: true });
  }
}, 60_000);

test('a server that never answers: the error after the connect timeout, then the process exits at once', async () => {
  const held: net.Socket[] = [];
  const server = net.createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `redis://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  try {
    for (const [who, args] of Object.entries(commands(url))) {
      const r = await timed(args);
      expect(r.code).toBe(1);
      const timeout = /could not be reached \(no answer within (\d+) ms\)/.exec(r.stderr);
      expect(timeout).not.toBeNull();
      expect(r.stderr).toContain(`Redis at ${url}`);
      expect({ who, linger: r.exitAt - r.errorAt < LINGER_MS }).toEqual({ who, linger: true });
      // loose: start-up (the TypeScript sources load) plus the connect timeout, never a hang
      expect(r.exitAt).toBeLessThan(Number(timeout![1]) + 15_000);
    }
  } finally {
    for (const socket of held) socket.destroy();
    server.close();
  }
}, 90_000);
