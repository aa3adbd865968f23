/**
 * The cache's JSON files: scalars, records and lists, with what JSON cannot say tagged so it comes
 * back as it went in — NaN, ±Infinity and -0, bigint, Date, undefined, Map, Set and typed arrays
 * nested in records. Every object is wrapped (`{"$o": …}`), so a user's own `$` keys never clash.
 * A value JSON cannot hold (a class instance, a function) is refused with the reason.
 */
import { bytesOf } from '../../src/cache/hasher';
import { NotEncodable } from '../../src/cache/errors';

const ARRAYS: Record<string, new (buffer: ArrayBuffer) => ArrayBufferView> = {
  Float64Array, Float32Array, Int8Array, Int16Array, Int32Array, BigInt64Array,
  Uint8Array, Uint8ClampedArray, Uint16Array, Uint32Array, BigUint64Array,
};

/** Thrown for a value the JSON codec cannot hold (defined in the core, which reads it). */
export { NotEncodable };

/**
 * @example
 * encodeJson({ n: NaN, when: new Date(0) })  // '{"$o":{"n":{"$n":"NaN"},"when":{"$d":0}}}'
 */
export function encodeJson(value: unknown): string {
  return JSON.stringify(tag(value));
}

/** @example decodeJson(encodeJson(12n)) // 12n */
export function decodeJson(text: string): unknown {
  return untag(JSON.parse(text));
}

function tag(value: unknown): unknown {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? value : { $n: Object.is(value, -0) ? '-0' : String(value) };
    case 'bigint':
      return { $b: value.toString() };
    case 'undefined':
      return { $u: 1 };
    case 'string':
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      throw new NotEncodable(`a ${typeof value} cannot be stored`);
  }
  if (value === null) return null;
  if (Array.isArray(value)) return value.map(tag);
  if (value instanceof Date) return { $d: value.getTime() };
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [tag(k), tag(v)]) };
  if (value instanceof Set) return { $set: [...value].map(tag) };
  if (ArrayBuffer.isView(value) && value.constructor.name in ARRAYS) {
    return { $a: value.constructor.name, b64: Buffer.from(bytesOf(value)).toString('base64') };
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new NotEncodable(`${(value as object).constructor?.name ?? 'an object'} instances cannot be stored (only plain records, lists, scalars, Dates, Maps, Sets, typed arrays and Arrow data)`);
  }
  const out: Record<string, unknown> = Object.create(null); // a "__proto__" key stays a key
  for (const key of Object.keys(value)) out[key] = tag((value as Record<string, unknown>)[key]);
  return { $o: out };
}

function untag(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = untag(value[i]); // the parse's own arrays: filled in place
    return value;
  }
  const v = value as Record<string, unknown>;
  if ('$o' in v) {
    // The parse's own object, untagged in place; `__proto__` is an own key after JSON.parse and stays one.
    const fields = v.$o as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      const item = fields[key];
      if (item !== null && typeof item === 'object') fields[key] = untag(item);
    }
    return fields;
  }
  if ('$n' in v) return v.$n === '-0' ? -0 : Number(v.$n);
  if ('$b' in v) return BigInt(v.$b as string);
  if ('$u' in v) return undefined;
  if ('$d' in v) return new Date(v.$d as number);
  if ('$map' in v) return new Map((v.$map as [unknown, unknown][]).map(([k, item]) => [untag(k), untag(item)]));
  if ('$set' in v) return new Set((v.$set as unknown[]).map(untag));
  if ('$a' in v) {
    const bytes = Buffer.from(v.b64 as string, 'base64');
    const copy = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(copy).set(bytes);
    return new ARRAYS[v.$a as string](copy);
  }
  throw new Error(`unknown tag ${Object.keys(v)[0]}`);
}
