import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Builder, checkOutput, dictResult, feature, materialize, readTable } from '../../../src';
import { InputError } from '../../../src/errors';
import { rejection, useTempDir } from '../helpers/temp-dir';

const dir = useTempDir();

class Doubling {
  @feature()
  doubled(x: Float64Array): Float64Array {
    return x.map((v) => v * 2);
  }

  @checkOutput({ dataType: 'float64', importance: 'warn' })
  total(doubled: Float64Array): number {
    return doubled.reduce((a, b) => a + b, 0);
  }

  @feature()
  broken(x: Float64Array): Float64Array {
    throw new Error(`cannot use ${x.length} rows`);
  }
}

const x = new Float64Array([1, 2, 3.5]);

describe('materialize(path): a hook that writes the result when the run ends', () => {
  it('writes the requested outputs, in order, whatever the result builder is', async () => {
    const path = join(dir(), 'run.parquet');
    const dr = new Builder().withFeatures(Doubling).withResult(dictResult()).withAdapters(materialize(path)).build();
    const result = await dr.execute(['total', 'doubled'], { inputs: { x } });
    expect(result.total).toBe(13);
    const written = await readTable(path);
    expect(written.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['total:Float64', 'doubled:Float64']);
    expect(Array.from(written.getChild('doubled')!)).toEqual([2, 4, 7]);
    expect(Array.from(written.getChild('total')!)).toEqual([13, 13, 13]);
  });

  it('writes only the outputs named in its options, and one file per run with a path function', async () => {
    let n = 0;
    const hook = materialize(() => join(dir(), `run-${++n}.csv`), { outputs: ['doubled'] });
    const dr = new Builder().withFeatures(Doubling).withAdapters(hook).build();
    await dr.execute(['doubled', 'total'], { inputs: { x } });
    await dr.execute(['doubled'], { inputs: { x: new Float64Array([10]) } });
    const first = await readTable(join(dir(), 'run-1.csv'));
    expect(first.schema.fields.map((f) => f.name)).toEqual(['doubled']);
    expect(Array.from((await readTable(join(dir(), 'run-2.csv'))).getChild('doubled')!)).toEqual([20]);
  });

  it('writes nothing when the run fails', async () => {
    const path = join(dir(), 'failed.arrow');
    const dr = new Builder().withFeatures(Doubling).withAdapters(materialize(path)).build();
    await rejection(dr.execute(['broken'], { inputs: { x } }));
    expect(existsSync(path)).toBe(false);
  });

  it('cannot write outputs given in inputs or overrides, and says what to do', async () => {
    const path = join(dir(), 'given.arrow');
    const dr = new Builder().withFeatures(Doubling).withAdapters(materialize(path)).build();
    const error = await rejection(dr.execute(['doubled', 'x'], { inputs: { x } }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      `materialize("${path}") cannot write "x": no feature computed it (values passed in inputs or overrides do not run as nodes). ` +
        'Leave them out with materialize(path, { outputs: [...] }), or write the result with writeResult(await dr.execute(...), path).',
    );
  });

  it('rejects an unknown extension when it is made, before any run', () => {
    expect(() => materialize('features.xlsx')).toThrow(
      'Cannot write a table to "features.xlsx": quiver does not know the extension ".xlsx". Use one of .arrow, .feather, .ipc, .arrows, .parquet, .csv, .tsv, .json, .ndjson, .jsonl.',
    );
  });
});
