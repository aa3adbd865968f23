/**
 * Doc comments are docs: when quiver compiles a user's TypeScript itself (`quiver run`, `quiver
 * list`, `node -r quiver/register`), each method's JSDoc comment becomes its node's `doc`. A
 * transformer, run by the same `transpileModule` call, finds the documented methods of every
 * top-level class with TypeScript's own parser and adds one statement after the class:
 * `require("quiver").documentMethods(Class, { method: "its comment" })`, which writes metadata
 * like a decorator would. `@feature({ doc })` still wins. Classes declared inside functions or
 * namespaces keep no comments.
 */
import type * as TS from 'typescript';

type Ts = typeof TS;

/** `[method name, comment text]` for each instance method of `cls` with a JSDoc description. */
function methodDocs(ts: Ts, cls: TS.ClassDeclaration): [string, string][] {
  const docs: [string, string][] = [];
  for (const member of cls.members) {
    if (!ts.isMethodDeclaration(member) || member.body === undefined) continue;
    if (ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static) continue;
    if (!ts.isIdentifier(member.name) && !ts.isStringLiteral(member.name)) continue;
    const comments = ts.getJSDocCommentsAndTags(member).filter(ts.isJSDoc);
    const last = comments[comments.length - 1];
    const text = last ? ts.getTextOfJSDocComment(last.comment)?.trim() : undefined;
    if (text) docs.push([member.name.text, text]);
  }
  return docs;
}

/** `require("quiver").documentMethods(Name, { "method": "doc", … });` */
function documentCall(ts: Ts, className: string, docs: readonly [string, string][]): TS.Statement {
  const f = ts.factory;
  const quiver = f.createCallExpression(f.createIdentifier('require'), undefined, [f.createStringLiteral('quiver')]);
  const entries = docs.map(([name, doc]) =>
    f.createPropertyAssignment(f.createStringLiteral(name), f.createStringLiteral(doc)),
  );
  const method = f.createPropertyAccessExpression(quiver, 'documentMethods');
  const args = [f.createIdentifier(className), f.createObjectLiteralExpression(entries)];
  return f.createExpressionStatement(f.createCallExpression(method, undefined, args));
}

function isAmbient(ts: Ts, cls: TS.ClassDeclaration): boolean {
  return (ts.getCombinedModifierFlags(cls) & ts.ModifierFlags.Ambient) !== 0;
}

/**
 * A `before` transformer for `ts.transpileModule` that records each top-level class's method
 * comments as their nodes' docs.
 *
 * @example
 * ts.transpileModule(source, { compilerOptions, transformers: { before: [docCommentTransformer(ts)] } });
 */
export function docCommentTransformer(ts: Ts): TS.TransformerFactory<TS.SourceFile> {
  return () => (file) => {
    const statements: TS.Statement[] = [];
    let added = false;
    for (const statement of file.statements) {
      statements.push(statement);
      if (!ts.isClassDeclaration(statement) || !statement.name || isAmbient(ts, statement)) continue;
      const docs = methodDocs(ts, statement);
      if (docs.length === 0) continue;
      statements.push(documentCall(ts, statement.name.text, docs));
      added = true;
    }
    return added ? ts.factory.updateSourceFile(file, statements) : file;
  };
}
