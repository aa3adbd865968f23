/**
 * JSDoc examples are what an editor shows on hover, and users copy them. TypeScript starts a new
 * tag at any `@` that begins a line or follows a space, also inside `@example` (fenced or not),
 * and shows a backslash escape (`\@tag`) as it is: either way the copied code is broken. So a
 * line of an example never starts with a decorator; the house writes it right after the class's
 * brace (`class Spend {@tag({ … })`) or after a `;` — valid TypeScript, one tag for the editor.
 */
import fs from 'fs';
import path from 'path';
import * as ts from 'typescript';

const root = path.join(__dirname, '..', '..');
const ALLOWED = new Set(['example', 'param', 'returns', 'throws', 'see', 'deprecated', 'internal', 'remarks', 'typeParam']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return entry.name.endsWith('.ts') ? [rel] : [];
  });
}

interface Found {
  readonly where: string;
  readonly name: string;
  readonly text: string;
}

/** Every JSDoc tag in a file, as TypeScript's parser (and so the editor) reads it. */
function tagsOf(file: string): Found[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const seen = new Map<number, Found>();
  const visit = (node: ts.Node): void => {
    for (const tag of ts.getJSDocTags(node)) {
      const line = source.getLineAndCharacterOfPosition(tag.getStart(source)).line + 1;
      const comment = ts.getTextOfJSDocComment(tag.comment) ?? '';
      seen.set(tag.pos, { where: `${file}:${line}`, name: tag.tagName.text, text: comment });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...seen.values()];
}

const files = ['src', 'decorators', 'adapters', 'cli'].flatMap(sourceFiles);
const tags = files.flatMap(tagsOf);

test('the sources hold hundreds of examples (so the checks below can fail)', () => {
  expect(tags.filter((t) => t.name === 'example').length).toBeGreaterThan(300);
});

test('no JSDoc comment is split by a decorator read as a tag (an @ that starts a line or follows a space)', () => {
  const stray = tags.filter((t) => !ALLOWED.has(t.name)).map((t) => `${t.where} @${t.name}`);
  expect(stray).toEqual([]);
});

test('no example escapes @ with a backslash (editors show the backslash, and the copy does not compile)', () => {
  expect(tags.filter((t) => t.text.includes('\\@')).map((t) => t.where)).toEqual([]);
});

test("the decorators' examples are TypeScript that parses, as an editor shows them", () => {
  const decorated = tags.filter((t) => t.name === 'example' && /\{@|;@/.test(t.text));
  expect(decorated.length).toBeGreaterThanOrEqual(15);
  const broken = decorated.flatMap((t) => {
    const compilerOptions = { experimentalDecorators: true };
    const out = ts.transpileModule(t.text, { reportDiagnostics: true, compilerOptions });
    return (out.diagnostics ?? []).map((d) => `${t.where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  });
  expect(broken).toEqual([]);
});
