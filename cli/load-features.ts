/**
 * Load a user's feature file (TypeScript or JavaScript) and pick its feature classes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './errors';
import { registerTypeScript } from './ts-loader';
import type { Policy } from '../src/governance/policy';

export type FeatureClass = new () => object;

/** A class: `class` syntax, or (compiled to ES5) a function whose prototype has methods. */
function isClass(value: unknown): value is FeatureClass {
  if (typeof value !== 'function') return false;
  if (/^class[\s{]/.test(Function.prototype.toString.call(value))) return true;
  const proto = (value as { prototype?: object }).prototype;
  return proto !== undefined && Object.getOwnPropertyNames(proto).some((k) => k !== 'constructor');
}

/** The exported classes of a loaded module, by export name (`default` included). */
function exportedClasses(exports: Record<string, unknown>): Map<string, FeatureClass> {
  const classes = new Map<string, FeatureClass>();
  for (const [name, value] of Object.entries(exports)) {
    if (isClass(value) && ![...classes.values()].includes(value)) classes.set(name === 'default' ? value.name || 'default' : name, value);
  }
  return classes;
}

/**
 * Require `file` (compiling TypeScript on the fly) and return the feature classes to build with:
 * every exported class, or those named in `only`. A missing file or an unknown class name is a
 * `UsageError`; errors the file itself throws (a decorator's `FeatureDefinitionError`) pass through.
 *
 * @example
 * const classes = loadFeatureClasses('features.ts', ['Prices']);
 */
export function loadFeatureClasses(file: string, only: readonly string[] = []): FeatureClass[] {
  return loadFeatureModule(file, only).classes;
}

/**
 * The feature classes of `file` (as `loadFeatureClasses`) and the governance policies it exports as
 * `policies` (a list given to `Builder.withPolicies`), if any.
 *
 * @example
 * // features.ts: export const policies = [forbidFlow({ from: { pii: 'true' }, to: { shareable: 'true' } })];
 * const { classes, policies } = loadFeatureModule('features.ts');
 */
export function loadFeatureModule(
  file: string, only: readonly string[] = [],
): { classes: FeatureClass[]; policies: Policy[]; exportNames: Map<FeatureClass, string> } {
  const absolute = path.resolve(file);
  if (!fs.existsSync(absolute)) {
    throw new UsageError(`Cannot read the feature file "${file}": no such file (looked in ${absolute}). Check the path and the working directory.`);
  }
  if (fs.statSync(absolute).isDirectory()) {
    throw new UsageError(`The feature file "${file}" is a directory. Pass the .ts (or .js) file that exports your feature classes.`);
  }
  registerTypeScript();
  const exports = require(absolute) as Record<string, unknown>;
  const policies = exportedPolicies(file, exports.policies);
  // the name each class is exported under (`default` stays `default`): what a declaration merges into
  const exportNames = new Map<FeatureClass, string>();
  for (const [name, value] of Object.entries(exports)) {
    if (isClass(value) && !exportNames.has(value)) exportNames.set(value, name);
  }
  return { classes: pickClasses(file, exports, only), policies, exportNames };
}

function exportedPolicies(file: string, value: unknown): Policy[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new UsageError(`${file} exports "policies", which must be a list of policies, e.g. export const policies = [requireTags('owner')].`);
  }
  return value as Policy[];
}

function pickClasses(file: string, exports: Record<string, unknown>, only: readonly string[]): FeatureClass[] {
  const classes = exportedClasses(exports);
  const listed = classes.size ? [...classes.keys()].join(', ') : 'none';
  if (only.length === 0) {
    if (classes.size === 0) {
      throw new UsageError(`${file} exports no class. Export your feature classes (export class MyFeatures { … }).`);
    }
    return [...classes.values()];
  }
  const unknown = only.filter((name) => !classes.has(name));
  if (unknown.length > 0) {
    const names = unknown.map((n) => `"${n}"`).join(', ');
    throw new UsageError(`${file} exports no class named ${names} (--class). Exported classes: ${listed}.`);
  }
  return only.map((name) => classes.get(name) as FeatureClass);
}
