/**
 * Compiles small programs against quiver's sources in one TypeScript program (in-process, one
 * type check for all of them) and returns each file's error messages.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');

/** Writes `files` (name → source) to a temp folder and type-checks them: file name → messages. */
export function compile(files: Readonly<Record<string, string>>): Map<string, string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-typed-'));
  try {
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10,
      strict: true, noEmit: true, experimentalDecorators: true, emitDecoratorMetadata: true,
      useDefineForClassFields: false,
      esModuleInterop: true, skipLibCheck: true, lib: ['lib.es2022.d.ts'], types: ['node'],
      typeRoots: [path.join(ROOT, 'node_modules', '@types')], baseUrl: ROOT, paths: { quiver: ['./src/index.ts'] },
    };
    const program = ts.createProgram(Object.keys(files).map((f) => path.join(dir, f)), options);
    const out = new Map<string, string[]>(Object.keys(files).map((f) => [f, []]));
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const file = d.file ? path.relative(dir, d.file.fileName) : '(global)';
      const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      if (out.has(file)) out.get(file)!.push(text);
      else out.set('(other)', [...(out.get('(other)') ?? []), `${file}: ${text}`]);
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
