/**
 * Reads a function's parameter names from its compiled source. A small scanner, not a regex: it
 * skips comments, strings, template literals and regular expressions, and splits the list at
 * top-level commas, so default values, line breaks, `async` and the counters that coverage tools
 * insert all survive.
 */

export interface ParsedParameter {
  readonly name: string;
  /** Has a default value: when nothing provides it, the default applies. */
  readonly optional: boolean;
  readonly rest: boolean;
}

/** Why a parameter list could not be read; the builder turns it into a build issue. */
export class ParameterParseError extends Error {}

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/u;

/**
 * The parameters of `fn`, in order.
 * @example
 * parseParameters(function (spend, window = 3) {}) // [{ name: 'spend', … }, { name: 'window', optional: true, … }]
 */
export function parseParameters(fn: Function): ParsedParameter[] {
  const src = Function.prototype.toString.call(fn);
  if (/\{\s*\[native code\]\s*\}\s*$/.test(src)) {
    throw new ParameterParseError('its source is not available (a native or bound function)');
  }
  const open = findParameterListStart(src);
  if (open < 0) return [parseOne(arrowParameter(src))].filter((p): p is ParsedParameter => p !== null);
  return splitTopLevel(src, open).map(parseOne).filter((p): p is ParsedParameter => p !== null);
}

/**
 * The source text of `fn`'s parameter list, comments removed, for rebuilding a function with the
 * same parameters and defaults (`@does` evaluates a method's defaults this way).
 * @example
 * parameterListSource(function (spend, window = 3) {}) // 'spend, window = 3'
 */
export function parameterListSource(fn: Function): string {
  const src = Function.prototype.toString.call(fn);
  const open = findParameterListStart(src);
  if (open < 0) return arrowParameter(src);
  return splitTopLevel(src, open).map((part) => part.trim()).filter((part) => part !== '').join(', ');
}

/** The index of the `(` that opens the parameter list, or -1 for an arrow function `x => …`. */
function findParameterListStart(src: string): number {
  let depth = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    const skipped = skipNonCode(src, i, '');
    if (skipped !== i) {
      i = skipped - 1;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '(' && depth === 0) return i;
    else if (c === '=' && src[i + 1] === '>' && depth === 0) return -1;
  }
  throw new ParameterParseError('no parameter list was found in its source');
}

function arrowParameter(src: string): string {
  const text = src.slice(0, src.indexOf('=>')).trim();
  return text.replace(/^async\s+/, '');
}

/** Splits the list that opens at `open` into the text of each parameter, comments removed. */
function splitTopLevel(src: string, open: number): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  let lastSignificant = '(';
  for (let i = open + 1; i < src.length; i++) {
    const c = src[i];
    const skipped = skipNonCode(src, i, lastSignificant);
    if (skipped !== i) {
      const isComment = c === '/' && (src[i + 1] === '/' || src[i + 1] === '*');
      current += isComment ? ' ' : src.slice(i, skipped);
      if (!isComment) lastSignificant = 'x';
      i = skipped - 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) {
        parts.push(current);
        return parts;
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      parts.push(current);
      current = '';
      lastSignificant = ',';
      continue;
    }
    current += c;
    if (!/\s/.test(c)) lastSignificant = c;
  }
  throw new ParameterParseError('its parameter list is not closed');
}

function parseOne(text: string): ParsedParameter | null {
  let t = text.trim();
  if (t === '') return null;
  const rest = t.startsWith('...');
  if (rest) t = t.slice(3).trim();
  if (t.startsWith('{') || t.startsWith('[')) {
    throw new ParameterParseError(
      `a destructured parameter (${abbreviate(text.trim())}) has no name, so quiver cannot tell which node it needs; ` +
        'take the value as one named parameter and destructure it inside the method',
    );
  }
  const match = IDENTIFIER.exec(t);
  if (!match) throw new ParameterParseError(`cannot read a parameter name from "${abbreviate(text.trim())}"`);
  const after = t.slice(match[0].length).trim();
  return { name: match[0], optional: after.startsWith('='), rest };
}

function abbreviate(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 40 ? `${one.slice(0, 37)}...` : one;
}

/**
 * If a comment, string, template literal or regular expression starts at `i`, the index just past
 * it; otherwise `i`. `lastSignificant` tells a regular expression from a division.
 */
function skipNonCode(src: string, i: number, lastSignificant: string): number {
  const c = src[i];
  if (c === '/' && src[i + 1] === '/') {
    const end = src.indexOf('\n', i);
    return end < 0 ? src.length : end;
  }
  if (c === '/' && src[i + 1] === '*') {
    const end = src.indexOf('*/', i + 2);
    return end < 0 ? src.length : end + 2;
  }
  if (c === '"' || c === "'") return skipQuoted(src, i, c);
  if (c === '`') return skipTemplate(src, i);
  if (c === '/' && lastSignificant !== '' && /[(,=:[!&|?{};+\-*%<>~^]/.test(lastSignificant)) return skipRegex(src, i);
  return i;
}

function skipQuoted(src: string, i: number, quote: string): number {
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === quote) return j + 1;
  }
  return src.length;
}

function skipTemplate(src: string, i: number): number {
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === '`') return j + 1;
    else if (src[j] === '$' && src[j + 1] === '{') j = skipBraces(src, j + 1) - 1;
  }
  return src.length;
}

/** From the `{` at `i`, the index just past its matching `}`. */
function skipBraces(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const skipped = skipNonCode(src, j, '(');
    if (skipped !== j) {
      j = skipped - 1;
      continue;
    }
    if (src[j] === '{') depth++;
    else if (src[j] === '}' && --depth === 0) return j + 1;
  }
  return src.length;
}

function skipRegex(src: string, i: number): number {
  let inClass = false;
  for (let j = i + 1; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      let k = j + 1;
      while (k < src.length && /[a-z]/i.test(src[k])) k++;
      return k;
    } else if (c === '\n') return i + 1;
  }
  return src.length;
}
