/**
 * Compile-time cost of typed names: tsc over a class of N methods used through a typed driver
 * (an execute of 50 names and a lineage query) against the same program through `dr.untyped`.
 *
 *   npm run build && node dist/benchmarks/tools/typed-names-tsc.js [methods=1000]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function program(methods: number, typed: boolean): string {
  const method = (i: number) => `  f${i}(x: Float64Array): Float64Array { return x; }`;
  const body = Array.from({ length: methods }, (_, i) => method(i)).join('\n');
  const names = Array.from({ length: 50 }, (_, i) => `'f${i * Math.floor(methods / 50)}'`).join(', ');
  const dr = typed ? 'dr' : 'dr.untyped';
  return `import { Builder } from 'quiver';
export class Big {
${body}
}
const dr = new Builder().withFeatures(Big).build();
export const t = ${dr}.execute([${names}], { inputs: { x: Float64Array.of(1) } });
export const u = ${dr}.whatIsUpstreamOf('f${methods - 1}');
`;
}

function checkMs(source: string): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-tsc-'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const file = path.join(dir, 'big.ts');
  fs.writeFileSync(file, source);
  const started = performance.now();
  const p = ts.createProgram([file], {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true, noEmit: true, skipLibCheck: true,
    experimentalDecorators: true, types: ['node'], baseUrl: ROOT, paths: { quiver: ['./src/index.ts'] },
  });
  const errors = ts.getPreEmitDiagnostics(p);
  const ms = performance.now() - started;
  fs.rmSync(dir, { recursive: true, force: true });
  if (errors.length > 0) throw new Error(ts.flattenDiagnosticMessageText(errors[0].messageText, '\n'));
  return ms;
}

const methods = Number(process.argv[2] ?? 1000);
checkMs(program(10, false)); // warm up the compiler's own code
const rows: Record<string, number> = {};
for (const typed of [false, true, false, true]) {
  rows[typed ? 'typed' : 'untyped'] = checkMs(program(methods, typed)); // the second round is kept
}
console.log(JSON.stringify({ methods, tscMs: rows, ratio: rows.typed / rows.untyped }, null, 1));
