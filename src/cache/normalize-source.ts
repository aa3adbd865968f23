/**
 * A function's source without comments and with whitespace collapsed, so that editing a comment or
 * re-indenting a method keeps its code version while any change to the code itself changes it.
 * A small JavaScript lexer (strings, template literals, regular expressions, comments); when in doubt
 * it keeps text, so two different bodies never normalize to one string.
 */

const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

/**
 * @example
 * normalizeSource('(a) => { // add one\n  return a + 1; }')  // '(a) => { return a + 1; }'
 */
export function normalizeSource(text: string): string {
  let out = '';
  let pendingSpace = '';
  let last = '';
  const emit = (piece: string) => {
    if (pendingSpace !== '' && out !== '') out += pendingSpace;
    pendingSpace = '';
    out += piece;
    last = piece;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
      if (c === '\n' || c === '\r') pendingSpace = '\n';
      else if (pendingSpace === '') pendingSpace = ' ';
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      if (pendingSpace === '') pendingSpace = ' ';
    } else if (c === '"' || c === "'" || c === '`') {
      const end = quotedEnd(text, i, c);
      emit(text.slice(i, end));
      i = end;
    } else if (c === '/' && regexMayStart(last)) {
      const end = regexEnd(text, i);
      emit(text.slice(i, end));
      i = end;
    } else {
      let j = i + 1;
      if (isWordChar(c)) while (j < text.length && isWordChar(text[j])) j++;
      emit(text.slice(i, j));
      i = j;
    }
  }
  return out;
}

function isWordChar(c: string): boolean {
  return /[\p{ID_Continue}$\u200c\u200d]/u.test(c);
}

/** A `/` starts a regular expression after an operator, an opening bracket, a keyword or nothing. */
function regexMayStart(last: string): boolean {
  if (last === '') return true;
  if (REGEX_AFTER_WORD.has(last)) return true;
  if (isWordChar(last[last.length - 1]) || last === ')' || last === ']' || last === '}') return false;
  return !last.startsWith('"') && !last.startsWith("'") && !last.startsWith('`') && !last.startsWith('/');
}

/** The end of a string or template literal (templates kept whole, `${…}` included). */
function quotedEnd(text: string, start: number, quote: string): number {
  let i = start + 1;
  let depth = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (quote === '`' && c === '$' && text[i + 1] === '{') (depth++, (i += 2));
    else if (quote === '`' && depth > 0 && c === '}') (depth--, i++);
    else if (c === quote && depth === 0) return i + 1;
    else i++;
  }
  return text.length;
}

function regexEnd(text: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < text.length && text[i] !== '\n') {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '[') (inClass = true, i++);
    else if (c === ']') (inClass = false, i++);
    else if (c === '/' && !inClass) {
      i++;
      while (i < text.length && isWordChar(text[i])) i++;
      return i;
    } else i++;
  }
  return i;
}
