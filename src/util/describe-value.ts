/** How messages describe a runtime value and put an article before a type name. */

/**
 * How a message describes a runtime value: `a number`, `a Float64Array of 6`, `an Array of 3`.
 *
 * @example
 * describeValue(new Float64Array(6)); // 'a Float64Array of length 6'
 * describeValue(vectorFromArray(['a', 'b'])); // 'a Vector<Utf8> of length 2'
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value !== 'object' && typeof value !== 'function') {
    return `a ${typeof value} (${String(value).slice(0, 30)})`;
  }
  const name = vectorName(value) ?? (value as { constructor?: { name?: string } }).constructor?.name ?? 'Object';
  const length = (value as { length?: unknown }).length;
  return typeof length === 'number' ? `${article(name)} ${name} of length ${length}` : `${article(name)} ${name}`;
}

/**
 * `a` or `an` before a type name in a message.
 *
 * @example
 * article('Int32Array'); // 'an'
 */
export function article(word: string): string {
  return /^[AEIOU]/i.test(word) ? 'an' : 'a';
}

/** An Arrow vector's name with its element type (`Vector<Utf8>`): which column a message is about. */
function vectorName(value: object): string | undefined {
  const v = value as { get?: unknown; type?: { typeId?: unknown; toString(): string } };
  if (typeof v.get !== 'function' || typeof v.type?.typeId !== 'number') return undefined;
  return `${(value as { constructor?: { name?: string } }).constructor?.name || 'Vector'}<${String(v.type)}>`;
}
