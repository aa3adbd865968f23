/**
 * The `quiver` command: its subcommands and options (commander), and how it ends — exit code 0
 * when all went well, 1 when the run or check failed, 2 for bad usage (see cli/errors.ts).
 */
import { Command, CommanderError, Option } from 'commander';
import { packageVersion } from '../adapters/report/versions';
import { graphCommand, parseCollapse } from './commands/graph';
import { listCommand } from './commands/list';
import { runCommand } from './commands/run';
import { validateCommand } from './commands/validate';
import { cacheClearCommand } from './commands/cache';
import { typesCommand } from './commands/types';
import { workerCommand } from './commands/worker';
import { describeError, exitCodeOf } from './errors';
import { processIo, type Io } from './io';
import { parseConfig, parseCount, parseList, parseTag } from './options';
import { withTimeOptions } from './time-inputs';
import { parseSchema } from './schema-option';

const FEATURES = 'the .ts (or .js) file whose exported classes hold your features';

/** `--class`, `--config` and `--verbose`: every command that loads a feature file takes them. */
function withFeatureOptions(cmd: Command): Command {
  return cmd
    .argument('<features>', FEATURES)
    .option('--class <names>', 'use only these exported classes, comma-separated, repeatable (default: all)', parseList)
    .option('--config <key=value>', 'a config value, repeatable; JSON values are parsed (window=28, flags=[1,2]), others are text', parseConfig)
    .option('--verbose', 'print stack traces with errors');
}

/** `--outputs`, `--all`, `--tag`: which outputs an execution computes. */
function withOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--outputs <names>', 'comma-separated outputs, repeatable').argParser(parseList).conflicts(['all', 'tag']))
    .addOption(new Option('--all', 'every feature (the default when no output is chosen)').conflicts(['tag']))
    .option('--tag <key=value>', 'the features with this tag, repeatable (all must match); key alone: any value', parseTag);
}

/** `--schema`: the column types of a text `--inputs` file (`quiver run` and `quiver validate`). */
function withSchemaOption(cmd: Command): Command {
  const what = 'column types of a .csv/.tsv/.json/.ndjson --inputs file: a JSON object file or col=type pairs, repeatable';
  return cmd
    .option('--schema <file|col=type,…>', what, parseSchema)
    .option(
      '--null-value <text>',
      'a text read as missing in a .csv/.tsv --inputs file, besides empty, NA, null…; repeatable',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--no-default-null-values', 'only --null-value texts are missing (empty, NA, null… are read as they are)');
}

function runDefinition(cmd: Command, io: Io, done: (code: number) => void): void {
  withSchemaOption(withTimeOptions(withOutputOptions(withFeatureOptions(cmd.command('run')))))
    .description('compute features from an input table and write the result')
    .requiredOption('--inputs <file>', 'input table: .arrow, .feather, .arrows, .parquet, .csv or .tsv')
    .requiredOption('--out <file>', 'where to write the result, format by extension (.arrow, .parquet, .csv…)')
    .option('--report <file>', 'also write a self-contained HTML run report')
    .option('--quiet', 'no progress bar')
    .option('--lineage <file>', 'append OpenLineage START and COMPLETE/FAIL events (NDJSON) to this file')
    .option('--lineage-namespace <name>', 'the OpenLineage job namespace (default: quiver)')
    .option('--threads <n>', 'run independent features on n worker threads (threads())', parseCount('--threads'))
    .option('--partitions <n>', 'with --entity: compute the entities in n partitions (balanced by rows), one after another', parseCount('--partitions'))
    .option('--queue <url>', 'with --entity, --partitions: send the partitions to quiver workers via BullMQ there')
    .option('--dataset [format]', 'with --partitions: --out is a folder of parts (arrow or parquet) and manifest.json')
    .option('--store <dir>', 'with --queue: a folder the workers read and write, for inputs and parts (default <out>.store)')
    .option('--cache <dir>', 'cache node values in this directory: unchanged nodes are read, a killed run resumes')
    .option('--no-isolation-check', 'with --entity: skip the check that each feature reads only its own entity')
    .option('--isolation-ignore <names>', 'with --entity: features that are cross-entity on purpose, left out of that check', parseList)
    .addHelpText('after', '\nExample:\n  quiver run features.ts --inputs weather.csv --out features.parquet --report run.html --config window=7')
    .action(async (file: string, opts) => done(await runCommand(file, opts, io)));
}

function typesDefinition(cmd: Command, io: Io, done: (code: number) => void): void {
  withFeatureOptions(cmd.command('types'))
    .description('write a .d.ts that types names made at run time (@parameterize, namespaces) for typed drivers')
    .option('-o, --out <file.d.ts>', 'where to write it (default: <features>.names.d.ts)')
    .option('--check', 'do not write: exit 1 when the file is missing or stale (for CI)')
    .addHelpText('after', '\nExample:\n  quiver types features.ts -o features.names.d.ts && quiver types features.ts -o features.names.d.ts --check')
    .action((file: string, opts) => done(typesCommand(file, opts, io)));
}

function listDefinition(cmd: Command, io: Io, done: (code: number) => void): void {
  withFeatureOptions(cmd.command('list'))
    .description('list every node: type, kind, tags, checks, dependencies, doc')
    .option('--tag <key=value>', 'only nodes with this tag, repeatable (all must match); key alone: any value', parseTag)
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  quiver list features.ts --tag owner=ds --json')
    .action((file: string, opts) => done(listCommand(file, opts, io)));
}

function graphDefinition(cmd: Command, io: Io, done: (code: number) => void): void {
  withFeatureOptions(cmd.command('graph'))
    .description('draw the graph (all features, or what --outputs need) as DOT or SVG')
    .option('--outputs <names>', 'draw one execution: these outputs and what they need', parseList)
    .addOption(new Option('--format <format>', 'dot or svg (default: svg when -o ends in .svg, else dot)').choices(['dot', 'svg']))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--expand <names>', 'draw these parts node by node: a method, class, namespace, node or tag=value', parseList)
    .option('--upstream-of <names>', 'draw only what these nodes need', parseList)
    .option('--collapse <mode>', 'fold by auto, node, origin, namespace, class, band or tag:<key> (default auto)', parseCollapse)
    .option('--max-nodes <n>', 'fold until at most this many boxes (default 200)', parseCount('--max-nodes'))
    .option('--color-by <tag>', 'fill nodes by the value of this tag')
    .option('--no-checks', 'leave data-quality checks out of the picture')
    .addHelpText('after', '\nExamples:\n  quiver graph features.ts -o graph.svg --color-by owner\n  quiver graph features.ts --outputs tempRange --format svg > range.svg\n  quiver graph big.ts -o big.svg --expand rollingMean')
    .action(async (file: string, opts) => done(await graphCommand(file, opts, io)));
}

function validateDefinition(cmd: Command, io: Io, done: (code: number) => void): void {
  withSchemaOption(withTimeOptions(withOutputOptions(withFeatureOptions(cmd.command('validate')))))
    .description('check the graph and an execution against an input table without computing anything')
    .requiredOption('--inputs <file>', 'input table: .arrow, .feather, .arrows, .parquet, .csv or .tsv')
    .addHelpText('after', '\nExample:\n  quiver validate features.ts --inputs weather.csv --outputs tempRange')
    .action(async (file: string, opts) => done(await validateCommand(file, opts, io)));
}

function cacheDefinition(cmd: Command, io: Io, done: (code: number) => void): void {
  const group = cmd.command('cache').description('manage a cache directory made by --cache or withCache()');
  group.command('clear')
    .description('remove every cached value from a cache directory')
    .argument('<dir>', 'the cache directory')
    .addHelpText('after', '\nExample:\n  quiver cache clear .quiver-cache')
    .action(async (dir: string) => done(await cacheClearCommand(dir, io)));
}

function workerDefinition(cmd: Command, io: Io, done: (code: number) => void): void {
  cmd.command('worker')
    .description('take partition jobs of distributed runs (quiver run --queue) from BullMQ on Redis, until stopped')
    .requiredOption('--redis <url>', 'the Redis the coordinators queue on, e.g. redis://host:6379')
    .option('--concurrency <n>', 'partition jobs at once in this process (default 1)', parseCount('--concurrency'))
    .option('--store <dir>', "the store folder as this machine sees it, if mounted elsewhere than on the coordinator's")
    .option('--lock-duration <ms>', 'a job lock not renewed lasts this long, then others may take it (default 30000)',
      parseCount('--lock-duration'))
    .option('--stalled-interval <ms>', 'how often to look for jobs of dead workers (default 30000)',
      parseCount('--stalled-interval'))
    .option('--quiet', 'print nothing per job')
    .addHelpText('after', '\nExample:\n  quiver worker --redis redis://queue:6379 --concurrency 2')
    .action(async (opts) => done(await workerCommand(opts, io)));
}

/**
 * The commander program; `done` receives each action's exit code.
 *
 * @example
 * buildProgram(processIo, (code) => (process.exitCode = code)).parseAsync(process.argv);
 */
export function buildProgram(io: Io, done: (code: number) => void): Command {
  const program = new Command('quiver')
    .description('Run, list, draw and check quiver feature graphs.')
    .version(packageVersion(__dirname, 'quiver'), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(add --help for usage)');
  const commands = [
    runDefinition, listDefinition, graphDefinition, validateDefinition,
    cacheDefinition, typesDefinition, workerDefinition,
  ];
  for (const define of commands) define(program, io, done);
  return program;
}

/**
 * Run the command line and resolve to its exit code. Errors print the API's message (a stack
 * trace only with `--verbose`).
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2));
 */
export async function runCli(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return ['commander.helpDisplayed', 'commander.version'].includes(error.code) ? 0 : 2;
    io.err(describeError(error, argv.includes('--verbose')));
    return exitCodeOf(error);
  }
}
