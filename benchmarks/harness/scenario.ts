/**
 * What a benchmark scenario is, and where the runner finds them: one file per scenario in
 * benchmarks/scenarios/, whose default export has a name, a description and `run(args)`.
 */
import * as fs from 'fs';
import * as path from 'path';

/**
 * One benchmark scenario. `run` gets the command-line arguments after the scenario's name and
 * resolves to the JSON record the runner prints.
 *
 * @example
 * const scenario: Scenario = {
 *   name: 'noop',
 *   description: 'measures nothing',
 *   async run() { return { ok: true }; },
 * };
 */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  run(args: string[]): Promise<Record<string, unknown>>;
}

/** Folder of the compiled scenarios (dist/benchmarks/scenarios when run from dist). */
export const SCENARIO_DIR = path.join(__dirname, '..', 'scenarios');

/**
 * Names of every scenario file in the folder, sorted.
 *
 * @example
 * listScenarios()  // ['chain', 'graph-build', 'kernels', 'w1', …]
 */
export function listScenarios(dir = SCENARIO_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/**
 * Load a scenario by name; the error names the file and what was wrong with it.
 *
 * @example
 * const record = await loadScenario('w1').run(['--features', '100', '--rows', '1000']);
 */
export function loadScenario(name: string, dir = SCENARIO_DIR): Scenario {
  const file = path.join(dir, `${name}.js`);
  if (!fs.existsSync(file)) {
    throw new Error(`No benchmark scenario "${name}" (looked for ${file}). Known: ${listScenarios(dir).join(', ')}.`);
  }
  const mod = require(file) as { default?: Partial<Scenario> };
  const s = mod.default;
  if (!s || typeof s.name !== 'string' || typeof s.description !== 'string' || typeof s.run !== 'function') {
    throw new Error(`Scenario file ${file} must \`export default { name, description, run(args) }\`.`);
  }
  return s as Scenario;
}
