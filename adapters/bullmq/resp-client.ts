/**
 * A small Redis client (RESP2 over one TCP socket) that fills BullMQ's `IRedisClient` contract, so
 * that quiver's distributed runs need only `bullmq` installed (BullMQ 6 brings no client of its own:
 * it loads the optional `ioredis` or takes a client instance). Bounded by design: a connect
 * timeout, a per-command timeout (blocking commands get theirs plus a margin), no offline queue
 * (a command while disconnected fails at once) and a retry strategy that may give up.
 */
import { createHash } from 'crypto';
import { EventEmitter } from 'events';
import * as net from 'net';
import { Readable } from 'stream';

/** How to reach Redis and how patient to be. */
export interface RespOptions {
  readonly host: string;
  readonly port: number;
  readonly db?: number;
  readonly username?: string;
  readonly password?: string;
  /** Milliseconds to open the socket (default 2,000). */
  readonly connectTimeout?: number;
  /** Milliseconds a non-blocking command may take (default 10,000). */
  readonly commandTimeout?: number;
  /** Delay before reconnect attempt `times` (1, 2, …), or `null` to give up (status `'end'`). */
  readonly retryStrategy?: (times: number) => number | null;
  /** CLIENT SETNAME after connecting. */
  readonly connectionName?: string;
}

type Reply = string | number | null | Error | Reply[];
interface Pending {
  readonly resolve: (value: Reply) => void;
  readonly reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}
type Arg = string | number | Buffer;

/** ioredis' message for a command on a closed connection; BullMQ treats it as "connection lost". */
const CLOSED = 'Connection is closed.';

function closedError(): Error {
  try {
    const { ConnectionClosedError } = require('bullmq') as { ConnectionClosedError?: new (m: string) => Error };
    if (ConnectionClosedError) return new ConnectionClosedError(CLOSED);
  } catch {
    // bullmq missing: a plain error with the same message
  }
  return new Error(CLOSED);
}

/** Parses RESP2 replies out of the byte stream; returns the complete ones, keeps the rest. */
class RespParser {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Reply[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const out: Reply[] = [];
    let offset = 0;
    for (;;) {
      const parsed = this.parse(offset);
      if (parsed === undefined) break;
      out.push(parsed.value);
      offset = parsed.next;
    }
    this.buffer = this.buffer.subarray(offset);
    return out;
  }

  private parse(at: number): { value: Reply; next: number } | undefined {
    const b = this.buffer;
    if (at >= b.length) return undefined;
    const eol = b.indexOf('\r\n', at + 1);
    if (eol < 0) return undefined;
    const line = b.toString('utf8', at + 1, eol);
    const next = eol + 2;
    switch (b[at]) {
      case 0x2b: // +
        return { value: line, next };
      case 0x2d: // -
        return { value: new Error(line), next };
      case 0x3a: // :
        return { value: Number(line), next };
      case 0x24: { // $
        const n = Number(line);
        if (n < 0) return { value: null, next };
        if (next + n + 2 > b.length) return undefined;
        return { value: b.toString('utf8', next, next + n), next: next + n + 2 };
      }
      case 0x2a: { // *
        const n = Number(line);
        if (n < 0) return { value: null, next };
        const items: Reply[] = [];
        let pos = next;
        for (let i = 0; i < n; i++) {
          const item = this.parse(pos);
          if (item === undefined) return undefined;
          items.push(item.value);
          pos = item.next;
        }
        return { value: items, next: pos };
      }
      default:
        throw new Error(`Redis protocol error: unexpected byte ${b[at]} in a reply.`);
    }
  }
}

function encode(args: readonly Arg[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const data = Buffer.isBuffer(a) ? a : Buffer.from(String(a));
    parts.push(Buffer.from(`$${data.length}\r\n`), data, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

function scriptArg(a: unknown): Arg {
  if (Buffer.isBuffer(a)) return a;
  if (a === undefined || a === null) return '';
  return String(a);
}

function pairsToObject(reply: Reply): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(reply)) return out;
  for (let i = 0; i + 1 < reply.length; i += 2) out[String(reply[i])] = String(reply[i + 1]);
  return out;
}

function hashArgs(data: Record<string, string | number>): Arg[] {
  const out: Arg[] = [];
  for (const [k, v] of Object.entries(data)) out.push(k, scriptArg(v));
  return out;
}

interface Script {
  readonly sha: string;
  readonly lua: string;
  readonly keys: number;
}

/**
 * A connection to one Redis server in BullMQ's `IRedisClient` shape (the commands BullMQ uses).
 *
 * @example
 * const client = new RespClient({ host: '127.0.0.1', port: 6379 });
 * const queue = new Queue('quiver-partitions', { connection: client });
 */
export class RespClient extends EventEmitter {
  status = 'connecting';
  readonly isCluster = false;
  /** What BullMQ reads: no key prefix, no per-request retry limit (blocking connections need none). */
  options: Record<string, unknown>;
  private socket: net.Socket | undefined;
  private readonly queue: Pending[] = [];
  private parser = new RespParser();
  private readonly scripts = new Map<string, Script>();
  private attempts = 0;
  private closing = false;
  private readyPromise: Promise<void> | undefined;
  private lastError: Error | undefined;
  /** Commands sent so far (for the cost model: Redis operations per job). */
  commands = 0;

  constructor(readonly settings: RespOptions) {
    super();
    this.options = { host: settings.host, port: settings.port, db: settings.db ?? 0, maxRetriesPerRequest: null };
    this.readyPromise = this.open();
    this.readyPromise.catch(() => undefined);
  }

  private open(): Promise<void> {
    this.status = 'connecting';
    return new Promise((resolve, reject) => {
      const socket = net.createConnection({ host: this.settings.host, port: this.settings.port });
      this.socket = socket;
      this.parser = new RespParser();
      socket.setNoDelay(true);
      const where = `${this.settings.host}:${this.settings.port}`;
      const wait = this.settings.connectTimeout ?? 2000;
      const timer = setTimeout(() => socket.destroy(new Error(`connect ETIMEDOUT ${where}`)), wait);
      let opened = false;
      socket.once('connect', () => {
        clearTimeout(timer);
        opened = true;
        this.handshake().then(() => {
          this.attempts = 0;
          this.status = 'ready';
          this.emit('connect');
          this.emit('ready');
          resolve();
        }, (error: Error) => {
          reject(error);
          socket.destroy(error);
        });
      });
      socket.on('data', (chunk: Buffer) => this.onData(chunk));
      socket.on('error', (error) => {
        this.lastError = error;
        if (!this.closing) this.emit('error', error);
      });
      socket.once('close', () => {
        clearTimeout(timer);
        if (!opened) reject(this.lastError ?? closedError());
        this.onClose(socket);
      });
    });
  }

  /** AUTH, SELECT, CLIENT SETNAME and the scripts again (a restarted Redis has none), sent before 'ready'. */
  private async handshake(): Promise<void> {
    const { username, password, db, connectionName } = this.settings;
    if (password !== undefined) await this.send(username ? ['AUTH', username, password] : ['AUTH', password], true);
    if (db) await this.send(['SELECT', db], true);
    if (connectionName) await this.send(['CLIENT', 'SETNAME', connectionName], true);
    for (const s of this.scripts.values()) await this.send(['SCRIPT', 'LOAD', s.lua], true);
  }

  private onData(chunk: Buffer): void {
    let replies: Reply[];
    try {
      replies = this.parser.push(chunk);
    } catch (error) {
      this.socket?.destroy(error as Error);
      return;
    }
    for (const reply of replies) {
      const pending = this.queue.shift();
      if (!pending) continue;
      if (pending.timer) clearTimeout(pending.timer);
      if (reply instanceof Error) pending.reject(reply);
      else pending.resolve(reply);
    }
  }

  private onClose(socket: net.Socket): void {
    if (socket !== this.socket) return;
    this.socket = undefined;
    for (const pending of this.queue.splice(0)) {
      if (pending.timer) clearTimeout(pending.timer);
      pending.reject(closedError());
    }
    this.emit('close');
    if (this.closing || this.status === 'end') {
      this.end();
      return;
    }
    this.attempts++;
    const delay = (this.settings.retryStrategy ?? ((n: number) => Math.min(n * 200, 2000)))(this.attempts);
    if (delay === null || delay === undefined) {
      this.end();
      return;
    }
    this.status = 'reconnecting';
    this.emit('reconnecting', delay);
    setTimeout(() => {
      if (this.closing || this.status === 'end') return;
      this.readyPromise = this.open();
      this.readyPromise.catch(() => undefined);
    }, delay).unref();
  }

  private where(): string {
    return `${this.settings.host}:${this.settings.port}`;
  }

  private why(): string {
    return this.lastError?.message ?? this.status;
  }

  private end(): void {
    if (this.status === 'end') return;
    this.status = 'end';
    this.emit('end');
  }

  /**
   * Sends one command; `early` commands (the handshake) go out before the connection is ready.
   * `blockMs` is how long a blocking command may legitimately wait.
   */
  send(args: readonly Arg[], early = false, blockMs = 0): Promise<Reply> {
    const socket = this.socket;
    if (!socket || (!early && this.status !== 'ready') || socket.destroyed) {
      return Promise.reject(this.status === 'end' ? closedError()
        : Object.assign(new Error(`Redis at ${this.where()} is not connected (${this.why()}).`), {
          code: (this.lastError as { code?: string } | undefined)?.code ?? 'ECONNREFUSED',
        }));
    }
    return new Promise((resolve, reject) => {
      const pending: Pending = { resolve, reject };
      const limit = (this.settings.commandTimeout ?? 10_000) + blockMs;
      pending.timer = setTimeout(() => {
        // a reply that never came: the connection is out of step, so drop it (and reconnect)
        socket.destroy(new Error(`Redis command ${String(args[0])} timed out after ${limit} ms`));
      }, limit);
      pending.timer.unref();
      this.queue.push(pending);
      this.commands++;
      socket.write(encode(args));
    });
  }

  private async sendMany(commands: readonly (readonly Arg[])[]): Promise<Reply[]> {
    return Promise.all(commands.map((c) => this.send(c).catch((e: Error) => e)));
  }

  connect(): Promise<void> {
    if (this.status === 'ready') return Promise.resolve();
    if (this.status === 'end' || this.status === 'wait') {
      this.closing = false;
      this.attempts = 0;
      this.readyPromise = this.open();
    }
    return this.readyPromise ?? Promise.resolve();
  }

  disconnect(reconnect = false): void {
    if (!reconnect) this.closing = true;
    this.socket?.destroy();
    if (!reconnect && !this.socket) this.end();
  }

  async quit(): Promise<string> {
    this.closing = true;
    if (this.socket && this.status === 'ready') {
      await this.send(['QUIT']).catch(() => undefined);
    }
    this.socket?.destroy();
    if (!this.socket) this.end();
    return 'OK';
  }

  duplicate(...args: unknown[]): RespClient {
    const extra = (args[0] ?? {}) as { name?: string; connectionName?: string };
    const connectionName = extra.connectionName ?? extra.name ?? this.settings.connectionName;
    const copy = new RespClient({ ...this.settings, connectionName });
    for (const [name, script] of this.scripts) copy.adopt(name, script);
    return copy;
  }

  private adopt(name: string, script: Script): void {
    this.scripts.set(name, script);
    (this as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => this.runCommand(name, a);
  }

  defineCommand(name: string, definition: { numberOfKeys: number; lua: string }): void {
    const sha = createHash('sha1').update(definition.lua).digest('hex');
    this.adopt(name, { sha, lua: definition.lua, keys: definition.numberOfKeys });
    if (this.status === 'ready') this.send(['SCRIPT', 'LOAD', definition.lua]).catch(() => undefined);
  }

  scriptArgs(name: string, args: readonly unknown[]): Arg[] {
    const script = this.scripts.get(name);
    if (!script) throw new Error(`BullMQ: unknown command "${name}"`);
    const flat = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
    return ['EVALSHA', script.sha, script.keys, ...flat.map(scriptArg)];
  }

  async runCommand(name: string, args: unknown[]): Promise<unknown> {
    const command = this.scriptArgs(name, args);
    try {
      return await this.send(command);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      const script = this.scripts.get(name)!;
      return this.send(['EVAL', script.lua, ...command.slice(2)]);
    }
  }

  multi(): RespTransaction {
    return new RespTransaction(this, true);
  }

  pipeline(): RespTransaction {
    return new RespTransaction(this, false);
  }

  /** @internal used by RespTransaction */
  async execute(commands: readonly (readonly Arg[])[], atomic: boolean): Promise<Reply[] | null> {
    if (!atomic) return this.sendMany(commands);
    const replies = await this.sendMany([['MULTI'], ...commands, ['EXEC']]);
    const exec = replies[replies.length - 1];
    if (exec instanceof Error) {
      const first = replies.slice(1, -1).find((r) => r instanceof Error);
      throw first ?? exec;
    }
    return exec as Reply[] | null;
  }

  async hgetall(key: string) { return pairsToObject(await this.send(['HGETALL', key])); }
  async hget(key: string, field: string) { return (await this.send(['HGET', key, field])) as string | null; }
  async hmget(key: string, ...fields: string[]) {
    return (await this.send(['HMGET', key, ...fields])) as (string | null)[];
  }
  async hset(key: string, data: Record<string, string | number>) {
    return (await this.send(['HSET', key, ...hashArgs(data)])) as number;
  }
  async hdel(key: string, ...fields: string[]) { return (await this.send(['HDEL', key, ...fields])) as number; }
  async hexists(key: string, field: string) { return (await this.send(['HEXISTS', key, field])) as number; }
  async get(key: string) { return (await this.send(['GET', key])) as string | null; }
  async set(key: string, value: string | number, options?: { PX?: number; EX?: number }) {
    const extra: Arg[] = options?.PX != null ? ['PX', options.PX] : options?.EX != null ? ['EX', options.EX] : [];
    return (await this.send(['SET', key, value, ...extra])) as string | null;
  }
  async del(...keys: string[]) { return keys.length === 0 ? 0 : ((await this.send(['DEL', ...keys])) as number); }
  async exists(...keys: string[]) { return keys.length === 0 ? 0 : ((await this.send(['EXISTS', ...keys])) as number); }
  async keys(pattern: string) { return (await this.send(['KEYS', pattern])) as string[]; }
  async zrange(key: string, start: number, end: number, options?: { WITHSCORES?: boolean }) {
    return (await this.send(['ZRANGE', key, start, end, ...(options?.WITHSCORES ? ['WITHSCORES'] : [])])) as string[];
  }
  async zrevrange(key: string, start: number, end: number, options?: { WITHSCORES?: boolean }) {
    const scores = options?.WITHSCORES ? ['WITHSCORES'] : [];
    return (await this.send(['ZREVRANGE', key, start, end, ...scores])) as string[];
  }
  async zcard(key: string) { return (await this.send(['ZCARD', key])) as number; }
  async zscore(key: string, member: string) { return (await this.send(['ZSCORE', key, member])) as string | null; }
  async lrange(key: string, start: number, end: number) {
    return (await this.send(['LRANGE', key, start, end])) as string[];
  }
  async llen(key: string) { return (await this.send(['LLEN', key])) as number; }
  async ltrim(key: string, start: number, end: number) {
    return (await this.send(['LTRIM', key, start, end])) as string;
  }
  async lpos(key: string, value: string) { return (await this.send(['LPOS', key, value])) as number | null; }
  async smembers(key: string) { return (await this.send(['SMEMBERS', key])) as string[]; }
  async xadd(
    key: string, id: string, fields: Record<string, string | number>,
    options?: { MAXLEN?: number; approximate?: boolean },
  ) {
    const about = options?.approximate === false ? [] : ['~'];
    const trim: Arg[] = options?.MAXLEN != null ? ['MAXLEN', ...about, options.MAXLEN] : [];
    return (await this.send(['XADD', key, ...trim, id, ...hashArgs(fields)])) as string;
  }
  async xread(streams: { key: string; id: string }[], options?: { BLOCK?: number; COUNT?: number }) {
    const args: Arg[] = ['XREAD'];
    if (options?.COUNT != null) args.push('COUNT', options.COUNT);
    if (options?.BLOCK != null) args.push('BLOCK', options.BLOCK);
    args.push('STREAMS', ...streams.map((s) => s.key), ...streams.map((s) => s.id));
    return this.send(args, false, options?.BLOCK ?? 0);
  }
  async xtrim(key: string, strategy: 'MAXLEN', threshold: number, options?: { approximate?: boolean }) {
    const about = options?.approximate === false ? [] : ['~'];
    return (await this.send(['XTRIM', key, strategy, ...about, threshold])) as number;
  }
  async bzpopmin(key: string, timeout: number) {
    return (await this.send(['BZPOPMIN', key, timeout], false, timeout * 1000)) as [string, string, string] | null;
  }
  async info() { return (await this.send(['INFO'])) as string; }
  async clientSetName(name: string) { return this.send(['CLIENT', 'SETNAME', name]); }
  async clientList() { return (await this.send(['CLIENT', 'LIST'])) as string; }
  async clientInfo() { return (await this.send(['CLIENT', 'INFO'])) as string; }
  async ping() { return (await this.send(['PING'])) as string; }
  async scan(cursor: string | number, options: { MATCH?: string; COUNT?: number }) {
    const args: Arg[] = ['SCAN', cursor];
    if (options?.MATCH) args.push('MATCH', options.MATCH);
    if (options?.COUNT) args.push('COUNT', options.COUNT);
    const [next, keys] = (await this.send(args)) as [string, string[]];
    return [String(next), keys] as [string, string[]];
  }
  scanStream(options: { match: string; count?: number }): Readable {
    let cursor = '0';
    let done = false;
    const readable = new Readable({
      objectMode: true,
      read: () => {
        if (done) {
          readable.push(null);
          return;
        }
        this.scan(cursor, { MATCH: options.match, COUNT: options.count }).then(([next, keys]) => {
          cursor = next;
          if (next === '0') done = true;
          readable.push(keys);
        }, (error: Error) => readable.destroy(error));
      },
    });
    return readable;
  }
}

/** A pipeline (commands sent back to back) or MULTI/EXEC transaction, replies as `[error, value]` pairs. */
export class RespTransaction {
  private readonly commands: Arg[][] = [];
  private readonly shapes: ('plain' | 'hash')[] = [];

  constructor(private readonly client: RespClient, private readonly atomic: boolean) {}

  private add(args: Arg[], shape: 'plain' | 'hash' = 'plain'): this {
    this.commands.push(args);
    this.shapes.push(shape);
    return this;
  }
  hgetall(key: string) { return this.add(['HGETALL', key], 'hash'); }
  hset(key: string, data: Record<string, string | number>) { return this.add(['HSET', key, ...hashArgs(data)]); }
  hscan(key: string, cursor: string | number, options?: { COUNT?: number }) {
    return this.add(['HSCAN', key, cursor, ...(options?.COUNT != null ? ['COUNT', options.COUNT] : [])]);
  }
  smembers(key: string) { return this.add(['SMEMBERS', key]); }
  sscan(key: string, cursor: string | number, options?: { COUNT?: number }) {
    return this.add(['SSCAN', key, cursor, ...(options?.COUNT != null ? ['COUNT', options.COUNT] : [])]);
  }
  zrange(key: string, start: number, end: number) { return this.add(['ZRANGE', key, start, end]); }
  lrange(key: string, start: number, end: number) { return this.add(['LRANGE', key, start, end]); }
  llen(key: string) { return this.add(['LLEN', key]); }
  del(...keys: string[]) { return keys.length === 0 ? this : this.add(['DEL', ...keys]); }
  runCommand(name: string, args: unknown[]) { return this.add(this.client.scriptArgs(name, args)); }

  async exec(): Promise<[Error | null, unknown][] | null> {
    if (this.commands.length === 0) return [];
    const replies = await this.client.execute(this.commands, this.atomic);
    if (replies === null) return null;
    return replies.map((r, i) => {
      if (r instanceof Error) return [r, null];
      return [null, this.shapes[i] === 'hash' ? pairsToObject(r) : r];
    });
  }
}
