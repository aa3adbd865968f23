/**
 * Data versions: a content fingerprint of any value a node reads or makes. Typed arrays are hashed
 * over their bytes (type and length included); Arrow tables and vectors over their IPC bytes;
 * everything else over a canonical walk that tells NaN, -0, bigint, Date, undefined and nested
 * columns apart. A value that cannot be walked (a cycle) has no version: `undefined`.
 */
import { ports } from '../ports';
import { bytesOf, type Hasher } from './hasher';

type Feed = { update(piece: string | Uint8Array): void };

/** Fingerprints of one run, each object hashed once however often it is read. */
export class Fingerprints {
  private readonly seen = new WeakMap<object, string | undefined>();
  constructor(private readonly hasher: Hasher) {}

  /**
   * @example
   * new Fingerprints(await loadHasher()).of(Float64Array.of(1, NaN)) // '…16 hex digits…'
   */
  of(value: unknown): string | undefined {
    if (typeof value !== 'object' || value === null) return this.hasher.text(`${typeof value}:${primitive(value)}`);
    if (this.seen.has(value)) return this.seen.get(value);
    let version: string | undefined;
    if (ArrayBuffer.isView(value)) version = this.hasher.bytes(bytesOf(value), BigInt(value.byteLength)) + kindOf(value);
    else {
      const stream = buffered(this.hasher.stream());
      version = walk(value, stream, new Set()) ? stream.digest() : undefined;
    }
    this.seen.set(value, version);
    return version;
  }
}

/**
 * The walk feeds many short strings; each would be one call into WebAssembly and one UTF-8 copy.
 * They are joined in JavaScript and fed at once before any bytes and at the end: a streaming hash
 * of the same bytes in the same order, so the digest is the same.
 */
function buffered(stream: ReturnType<Hasher['stream']>): Feed & { digest(): string } {
  let text = '';
  return {
    update(piece) {
      if (typeof piece === 'string') text += piece;
      else {
        if (text !== '') stream.update(text);
        text = '';
        stream.update(piece);
      }
    },
    digest() {
      if (text !== '') stream.update(text);
      return stream.digest();
    },
  };
}

function kindOf(view: ArrayBufferView): string {
  return `.${view.constructor.name}`;
}

function primitive(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'function') return value.toString();
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** Feeds a canonical form of `value`; false when it cannot be versioned (a cycle). */
function walk(value: unknown, out: Feed, path: Set<object>): boolean {
  if (typeof value !== 'object' || value === null) {
    out.update(`${typeof value}:${primitive(value)};`);
    return true;
  }
  if (path.has(value)) return false;
  if (ArrayBuffer.isView(value)) {
    out.update(`view${kindOf(value)}:${value.byteLength}:`);
    out.update(bytesOf(value));
    return true;
  }
  if (value instanceof Date) return out.update(`date:${value.getTime()};`), true;
  const ipc = ports().tableBytes(value);
  if (ipc) return out.update(`arrow:${ipc.byteLength}:`), out.update(ipc), true;
  path.add(value);
  let ok = true;
  if (Array.isArray(value)) {
    out.update(`array:${value.length}[`);
    for (const item of value) ok &&= walk(item, out, path);
  } else if (value instanceof Map || value instanceof Set) {
    out.update(`${value instanceof Map ? 'map' : 'set'}:${value.size}[`);
    for (const entry of value) ok &&= walk(entry, out, path);
  } else {
    out.update(`object:${value.constructor?.name ?? 'null'}{`);
    for (const key of Object.keys(value)) {
      out.update(`${JSON.stringify(key)}=`);
      ok &&= walk((value as Record<string, unknown>)[key], out, path);
    }
  }
  out.update(']');
  path.delete(value);
  return ok;
}
