/**
 * A structural fingerprint of a value: two 32-bit multiplicative hashes over everything a feature
 * could write into — a typed array's bytes (frozen or not, views included), an array's elements,
 * a plain object's own enumerable properties, a class instance's object-valued ones (not `_`
 * caches), Map and Set entries, a Date's time — recursing into nested values (cycles and depth
 * bounded). Primitives are immutable: 0.
 */

const MAX_DEPTH = 8;
// Bound once: under jest every read of the global `Math` inside the vm sandbox costs ~0.4 µs, which
// made hashing a column's bytes 300x slower there (nodejs/node#31658), and this runs in every test.
const imul = Math.imul;
const scratch = new Float64Array(1);
const scratchWords = new Int32Array(scratch.buffer);

class Hasher {
  a = 0x811c9dc5 | 0;
  b = 0x2545f491 | 0;
  word(x: number): void {
    this.a = imul(this.a ^ x, 0x01000193);
    this.b = imul(this.b ^ x, 0x5bd1e995) ^ (this.b >>> 15);
  }
  text(s: string): void {
    this.word(s.length);
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
  }
  number(x: number): void {
    scratch[0] = x;
    this.word(scratchWords[0]);
    this.word(scratchWords[1]);
  }
  get value(): number {
    return (this.a >>> 0) * 0x200000 + ((this.b >>> 0) & 0x1fffff);
  }
}

/**
 * The fingerprint of `value`; two calls give the same number unless something in it was changed.
 *
 * @example
 * const x = new Float64Array([1, 2, 3]);
 * const before = fingerprintValue(x);
 * x[1] = 20;
 * fingerprintValue(x) === before; // false
 */
export function fingerprintValue(value: unknown): number {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return 0;
  const h = new Hasher();
  visit(h, value, 0, new Set());
  return h.value;
}

/** True for what `fingerprintValue` looks into: anything but a primitive or a function. */
export function isInspectable(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

function visit(h: Hasher, v: unknown, depth: number, open: Set<object>): void {
  switch (typeof v) {
    case 'number': h.word(1); h.number(v); return;
    case 'string': h.word(2); h.text(v); return;
    case 'boolean': h.word(v ? 3 : 4); return;
    case 'bigint': h.word(5); h.text(v.toString(16)); return;
    case 'undefined': h.word(6); return;
    case 'symbol': case 'function': h.word(7); return;
  }
  if (v === null) {
    h.word(8);
    return;
  }
  const o = v as object;
  if (ArrayBuffer.isView(o)) {
    bytes(h, o.buffer, o.byteOffset, o.byteLength);
    return;
  }
  if (o instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && o instanceof SharedArrayBuffer)) {
    bytes(h, o, 0, o.byteLength);
    return;
  }
  if (o instanceof Date) {
    h.number(o.getTime());
    return;
  }
  if (depth >= MAX_DEPTH || open.has(o)) {
    h.word(9);
    return;
  }
  open.add(o);
  if (Array.isArray(o)) {
    h.word(10);
    h.word(o.length);
    for (let i = 0; i < o.length; i++) visit(h, o[i], depth + 1, open);
  } else if (o instanceof Map) {
    h.word(11);
    for (const [k, x] of o) {
      visit(h, k, depth + 1, open);
      visit(h, x, depth + 1, open);
    }
  } else if (o instanceof Set) {
    h.word(12);
    for (const x of o) visit(h, x, depth + 1, open);
  } else if (!(o instanceof Promise)) {
    h.word(13);
    const proto = Object.getPrototypeOf(o);
    const plain = proto === Object.prototype || proto === null;
    for (const k of Object.keys(o)) {
      const x = (o as Record<string, unknown>)[k];
      // A class instance's data is in its arrays and buffers; its `_` fields and scalar fields are
      // often caches filled on first read (Arrow's `_nullCount`), which reading must not trip.
      if (!plain && (k.charCodeAt(0) === 95 || x === null || typeof x !== 'object')) continue;
      h.text(k);
      visit(h, x, depth + 1, open);
    }
  }
  open.delete(o);
}

function bytes(h: Hasher, buffer: ArrayBufferLike, offset: number, length: number): void {
  h.word(14);
  h.word(length);
  const head = (4 - (offset & 3)) & 3;
  const start = Math.min(head, length);
  const u8 = new Uint8Array(buffer, offset, length);
  for (let i = 0; i < start; i++) h.word(u8[i]);
  const words = (length - start) >>> 2;
  if (words > 0) {
    const w = new Int32Array(buffer, offset + start, words);
    let a = h.a;
    let b = h.b;
    for (let i = 0; i < w.length; i++) {
      const x = w[i];
      a = imul(a ^ x, 0x01000193);
      b = imul(b ^ x, 0x5bd1e995) ^ (b >>> 15);
    }
    h.a = a;
    h.b = b;
  }
  for (let i = start + words * 4; i < length; i++) h.word(u8[i]);
}
