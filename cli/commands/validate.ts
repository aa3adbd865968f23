/**
 * `quiver validate <features> --inputs <file> [--schema …] [--entity … --time …]`: build the graph
 * and check the execution
 * against the inputs file — names, missing inputs, types — computing nothing. Every problem is
 * printed. `--schema` pins the column types of a text file, as for `quiver run`.
 */
import type { Io } from '../io';
import type { SchemaOption } from '../schema-option';
import {
  buildDriver, readInputs, selectOutputs, type FeatureOptions, type OutputOptions, type TextInputOptions,
} from '../session';
import { timeInputs, withGroupsHint, type TimeOptions } from '../time-inputs';
import { restate } from '../../src/execution/remedies';

export interface ValidateOptions extends FeatureOptions, OutputOptions, TimeOptions, TextInputOptions {
  readonly inputs: string;
  /** `--schema`: column types of the `--inputs` file. */
  readonly schema?: SchemaOption;
}

/**
 * Validate; resolves to 0, or rejects with the `GraphBuildError` / `InputError` listing every problem.
 *
 * @example
 * await validateCommand('features.ts', { inputs: 'weather.csv' }, processIo);
 */
export async function validateCommand(file: string, opts: ValidateOptions, io: Io): Promise<number> {
  const dr = buildDriver(file, opts);
  const outputs = selectOutputs(dr, opts);
  const inputs = await readInputs(opts.inputs, undefined, opts);
  // --entity/--time (and --calendar, --join): the history the run would compute on, with its groups
  const timed = await timeInputs(inputs, opts, undefined, opts.inputs);
  try {
    dr.validateExecution(outputs, { inputs: timed.inputs });
  } catch (error) {
    throw withGroupsHint(restate(error, 'cli'), opts); // fixes worded for a command-line user
  }
  io.out(
    `OK: ${file} can compute ${outputs.length} output${outputs.length === 1 ? '' : 's'} from ${opts.inputs} ` +
      `(${inputs.numRows.toLocaleString('en-US')} rows, ${inputs.numCols} columns). Nothing was computed.`,
  );
  return 0;
}
