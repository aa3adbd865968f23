/**
 * `quiver types <features> -o <file.d.ts> [--check]`: write (or check) the declaration that types
 * names made at run time — `@parameterize` keys, `@extractColumns`, `@subdag` namespaces, pipe steps.
 */
import * as fs from 'fs';
import type { Io } from '../io';
import { UsageError } from '../errors';
import { loadFeatureModule } from '../load-features';
import { namesDeclaration } from '../types-declaration';
import type { FeatureOptions } from '../session';

export interface TypesOptions extends FeatureOptions {
  readonly out?: string;
  readonly check?: boolean;
}

/**
 * Writes the names declaration, or with `check` compares it with the file; resolves to the exit
 * code (1: stale or missing).
 *
 * @example
 * typesCommand('features.ts', { out: 'features.names.d.ts', check: true }, processIo);
 */
export function typesCommand(file: string, opts: TypesOptions, io: Io): number {
  const out = opts.out ?? file.replace(/\.[cm]?[tj]s$/, '') + '.names.d.ts';
  if (!/\.d\.[cm]?ts$/.test(out)) {
    throw new UsageError(`quiver types writes a declaration file: give -o a name ending in .d.ts (got "${out}").`);
  }
  const { classes, exportNames } = loadFeatureModule(file, opts.class ?? []);
  const named = new Map(classes.map((cls) => [exportNames.get(cls)!, cls] as const));
  const text = namesDeclaration(file, named, out, opts.config ?? {});
  if (opts.check) {
    const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : undefined;
    if (current === text) {
      io.out(`${out} is up to date.`);
      return 0;
    }
    const state = current === undefined ? 'missing' : 'stale';
    io.err(`${out} is ${state}: run \`quiver types ${file} -o ${out}\` and commit it.`);
    return 1;
  }
  fs.writeFileSync(out, text);
  io.out(`wrote ${out}: names of ${classes.length} class${classes.length === 1 ? '' : 'es'}.`);
  return 0;
}
