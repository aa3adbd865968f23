/**
 * `rediss://` against a real TLS server: Debian's redis-server with a certificate signed by a CA
 * made here (openssl), trusted the way a user trusts a private CA (`NODE_EXTRA_CA_CERTS`). A
 * distributed run over TLS gives the single-process table; an untrusted certificate, or plain
 * `redis://` sent to the TLS port, is a clear error naming the URL within seconds, never a hang.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { readTable } from '../../adapters/files/formats';
import { csvNote, project } from '../cli/support/cli';
import { freePort, hasRedis, startRedis, type RedisServer } from './support/redis-server';

const RUNNER = path.join(__dirname, '../cli/support/run-from-source.js');
const WEATHER = path.join(__dirname, '../../node_modules/vega-datasets/data/weather.csv');
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

const FEATURES = `
import { feature, rollingMean, shift, type Groups } from 'quiver';
export class Weather {
  @feature() tmax7(temp_max: Float64Array, groups: Groups): Float64Array {
    return rollingMean(temp_max, 7, { groups });
  }
  @feature() windLag(wind: Float64Array, groups: Groups): Float64Array { return shift(wind, 1, { groups }); }
}
`;

const run = hasRedis && hasOpenssl ? describe : describe.skip;
if (!hasRedis || !hasOpenssl) {
  test.skip('rediss: needs /usr/bin/redis-server and openssl (.ci/run installs both)', () => undefined);
}

let redis: RedisServer;
let dir: string;
let tlsUrl: string;
let worker: ChildProcess | undefined;

function openssl(args: string[]): void {
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
}

/** A CA and a server certificate for localhost signed by it, in `dir`. */
function makeCertificates(): void {
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2',
    '-subj', '/CN=quiver test CA']);
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr',
    '-subj', '/CN=localhost']);
  fs.writeFileSync(path.join(dir, 'san.cnf'), 'subjectAltName=DNS:localhost\n');
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial',
    '-out', 'server.crt', '-days', '2', '-extfile', 'san.cnf']);
}

/** `quiver …args` in `dir` with `env` added; bounded by `timeout`. */
function quiver(args: string[], env: Record<string, string>, timeout = 120_000) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [RUNNER, ...args], {
    cwd: dir, encoding: 'utf8', timeout, env: { ...process.env, FORCE_COLOR: '0', ...env },
  });
  return { code: r.status, stderr: r.stderr, ms: Date.now() - started };
}

async function columns(file: string): Promise<Record<string, number[]>> {
  const t = await readTable(path.join(dir, file));
  const column = (name: string) => Array.from(t.getChild(name)!.toArray() as Float64Array);
  return Object.fromEntries(t.schema.fields.map((f) => [f.name, column(f.name)]));
}

run('rediss:// with a real TLS redis-server', () => {
  beforeAll(async () => {
    dir = project({ 'weather.ts': FEATURES });
    fs.copyFileSync(WEATHER, path.join(dir, 'weather.csv'));
    makeCertificates();
    const tlsPort = await freePort();
    redis = await startRedis(10_000, ['--tls-port', String(tlsPort), '--tls-cert-file', path.join(dir, 'server.crt'),
      '--tls-key-file', path.join(dir, 'server.key'), '--tls-ca-cert-file', path.join(dir, 'ca.crt'),
      '--tls-auth-clients', 'no']);
    tlsUrl = `rediss://localhost:${tlsPort}`;
  }, 30_000);

  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      await new Promise<void>((resolve) => {
        worker!.once('exit', () => resolve());
        worker!.kill('SIGTERM');
      });
    }
    await redis?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  const opts = ['--inputs', 'weather.csv', '--entity', 'location', '--time', 'date', '--quiet'];
  const queued = (out: string, url: string) =>
    ['run', 'weather.ts', ...opts, '--out', out, '--queue', url, '--partitions', '2'];
  const trusted = () => ({ NODE_EXTRA_CA_CERTS: path.join(dir, 'ca.crt') });

  test('a run over TLS, coordinator and worker trusting the CA: the single-process table', async () => {
    worker = spawn(process.execPath, [RUNNER, 'worker', '--redis', tlsUrl], {
      cwd: dir, env: { ...process.env, FORCE_COLOR: '0', ...trusted() }, stdio: 'ignore',
    });
    expect(quiver(['run', 'weather.ts', ...opts, '--out', 'whole.arrow'], {}).code).toBe(0);
    const dist = quiver(queued('tls.arrow', tlsUrl), trusted());
    expect(dist.stderr).toBe(`note: ${csvNote('weather.csv')}\n`); // a CSV file: read whole by the coordinator
    expect(dist.code).toBe(0);
    const a = await columns('whole.arrow');
    const b = await columns('tls.arrow');
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) {
      const bad = a[name].findIndex((v, i) => !Object.is(v, b[name][i]));
      expect(bad === -1 && b[name].length === a[name].length ? 'equal' : `${name}[${bad}]`).toBe('equal');
    }
  }, 120_000);

  test('an untrusted certificate: an error naming the URL, the cause and NODE_EXTRA_CA_CERTS, within seconds', () => {
    const r = quiver(queued('untrusted.arrow', tlsUrl), {}, 30_000);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(tlsUrl);
    expect(r.stderr).toContain(`Redis at ${tlsUrl} could not be reached (self-signed certificate`);
    expect(r.stderr).toContain('start the coordinator and every worker with NODE_EXTRA_CA_CERTS=/path/to/ca.pem');
    expect(r.ms).toBeLessThan(20_000);
    expect(fs.existsSync(path.join(dir, 'untrusted.arrow'))).toBe(false);
  }, 40_000);

  test('plain redis:// sent to the TLS port: an error naming the URL within seconds, not a hang', () => {
    const plain = tlsUrl.replace('rediss://', 'redis://');
    const r = quiver(queued('plain.arrow', plain), trusted(), 30_000);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('QueueUnavailableError: Redis at ' + plain + ' could not be reached');
    expect(r.stderr).toContain('if it speaks TLS, write rediss:// instead of redis://');
    expect(r.ms).toBeLessThan(20_000);
  }, 40_000);
});
