/**
 * Declared types are constructors from TypeScript's decorator metadata (`Float64Array`,
 * `Number`, `String`, an Arrow `Table`…). `Object` (interfaces, unions, `any`), `Promise`
 * (async methods) and a missing type are unknown and match anything.
 */

export function isKnownType(t: unknown): t is Function {
  return typeof t === 'function' && t !== Object && t !== Promise && t !== Function;
}

/** The name a message shows for a declared type. */
export function typeName(t: unknown): string {
  if (!isKnownType(t)) return 'unknown';
  return t.name || 'anonymous type';
}

/**
 * The name a message gives a declared type, as TypeScript writes it: `number` for `Number`,
 * `string` for `String`…, else the constructor's name (`unknown` when none is known).
 *
 * @example
 * declaredTypeName(Number);       // 'number'
 * declaredTypeName(Float64Array); // 'Float64Array'
 */
export function declaredTypeName(t: unknown): string {
  return PRIMITIVES.get(t) ?? typeName(t);
}

/** Whether a value of declared type `provided` may flow into a parameter declared `wanted`. */
export function typesCompatible(provided: unknown, wanted: unknown): boolean {
  if (!isKnownType(provided) || !isKnownType(wanted)) return true;
  if (provided === wanted || provided.prototype instanceof wanted) return true;
  // Two copies of one library (e.g. the Arrow package loaded twice) give two constructors of one name.
  return provided.name !== '' && provided.name === wanted.name;
}

const PRIMITIVES = new Map<unknown, string>([
  [Number, 'number'],
  [String, 'string'],
  [Boolean, 'boolean'],
  [BigInt, 'bigint'],
  [Symbol, 'symbol'],
]);

/**
 * `number`, `string`… when a declared type is a primitive's constructor, else `undefined`.
 *
 * @example
 * primitiveName(Number);       // 'number'
 * primitiveName(Float64Array); // undefined
 */
export function primitiveName(t: unknown): string | undefined {
  return PRIMITIVES.get(t);
}

/** Whether a runtime value satisfies a declared type. */
export function valueMatchesType(value: unknown, t: unknown): boolean {
  if (!isKnownType(t)) return true;
  const primitive = PRIMITIVES.get(t);
  if (primitive !== undefined) return typeof value === primitive || value instanceof t;
  if (t === Array) return Array.isArray(value);
  if (value === null || value === undefined) return false;
  if (value instanceof t) return true;
  const ctor = (value as { constructor?: { name?: string } }).constructor;
  return ctor?.name !== undefined && ctor.name !== '' && ctor.name === t.name;
}

export { article, describeValue } from '../util/describe-value';
