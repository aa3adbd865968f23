import 'reflect-metadata';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Builder, feature, openLineage, rollingMean, sub } from 'quiver';
import schema from '../fixtures/openlineage/run-event.schema.json';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(event: unknown): void {
  const ok = validate(event);
  if (!ok) throw new Error(`not a valid OpenLineage RunEvent: ${ajv.errorsText(validate.errors)}`);
}

class Spend {
  @feature({ doc: 'Rolling mean of spend over 3 rows' })
  avg3wkSpend(spend: Float64Array): Float64Array {
    return rollingMean(spend, 3);
  }
  @feature()
  spendMinusAvg(spend: Float64Array, avg3wkSpend: Float64Array): Float64Array {
    return sub(spend, avg3wkSpend);
  }
  @feature()
  visitsShare(visits: Float64Array, spendMinusAvg: Float64Array, scale: number): Float64Array {
    return visits.map((v, i) => (v / scale) * spendMinusAvg[i]);
  }
  @feature()
  broken(visits: Float64Array): Float64Array {
    throw new Error(`no visits ${visits.length}`);
  }
}

const inputs = { spend: Float64Array.of(1, 2, 3, 4), visits: Float64Array.of(5, 6, 7, 8) };

describe('openLineage', () => {
  it('emits START then COMPLETE with datasets, schema and column lineage through every feature', async () => {
    const events: Record<string, any>[] = [];
    const dr = new Builder().withFeatures(Spend).withConfig({ scale: 2 })
      .withAdapters(openLineage({ namespace: 'marketing', emit: (e) => void events.push(e), inputs: ['data/spend.csv'], outputs: ['out/frame.arrow'] }))
      .build();
    await dr.execute(['avg3wkSpend', 'visitsShare'], { inputs });
    expect(events.map((e) => e.eventType)).toEqual(['START', 'COMPLETE']);
    for (const e of events) expectValid(e);
    const [start, complete] = events;
    expect(start.run.runId).toBe(complete.run.runId);
    expect(start.run.runId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(complete.schemaURL).toBe('https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent');
    expect(complete.job).toEqual({ namespace: 'marketing', name: 'Spend' });
    expect(complete.inputs.map((d: any) => [d.namespace, d.name])).toEqual([['file', path.resolve('data/spend.csv')]]);
    expect(complete.inputs[0].facets.schema.fields).toEqual([{ name: 'spend', type: 'float64' }, { name: 'visits', type: 'float64' }]);
    expect(complete.outputs.map((d: any) => d.name)).toEqual(['Spend.result', path.resolve('out/frame.arrow')]);
    const result = complete.outputs[0].facets;
    expect(result.schema.fields[0]).toEqual({ name: 'avg3wkSpend', type: 'float64', description: 'Rolling mean of spend over 3 rows' });
    const fieldsOf = (col: string) => result.columnLineage.fields[col].inputFields.map((f: any) => f.field);
    expect(fieldsOf('avg3wkSpend')).toEqual(['spend']);
    // visitsShare reads visits directly and spend through two features; config (scale) is no column.
    expect(fieldsOf('visitsShare').sort()).toEqual(['spend', 'visits']);
    expect(result.columnLineage.fields.visitsShare.inputFields[0]).toMatchObject({ namespace: 'file', name: path.resolve('data/spend.csv') });
  });

  it('emits FAIL with the error message when a feature throws, and the run still fails', async () => {
    const events: Record<string, any>[] = [];
    const dr = new Builder().withFeatures(Spend).withAdapters(openLineage({ namespace: 'ns', emit: (e) => void events.push(e), job: 'nightly' })).build();
    await expect(dr.execute(['broken'], { inputs })).rejects.toThrow('no visits 4');
    expect(events.map((e) => e.eventType)).toEqual(['START', 'FAIL']);
    expectValid(events[1]);
    expect(events[1].job.name).toBe('nightly');
    expect(events[1].run.facets.errorMessage.message).toContain('no visits 4');
    expect(events[1].inputs[0]).toMatchObject({ namespace: 'ns', name: 'nightly.inputs' });
  });

  it('appends one NDJSON line per event to a file, creating its folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-ol-'));
    const file = path.join(dir, 'deep', 'lineage.ndjson');
    const dr = new Builder().withFeatures(Spend).withAdapters(openLineage({ namespace: 'ns', emit: file })).build();
    await Promise.all([dr.execute(['avg3wkSpend'], { inputs }), dr.execute(['spendMinusAvg'], { inputs })]);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    for (const e of lines) expectValid(e);
    expect(lines.filter((e) => e.eventType === 'START')).toHaveLength(2);
    expect(new Set(lines.map((e) => e.run.runId)).size).toBe(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('maps inputs to the dataset fields they come from, or leaves them out', async () => {
    const events: Record<string, any>[] = [];
    const dr = new Builder().withFeatures(Spend).withConfig({ scale: 2 })
      .withAdapters(openLineage({ namespace: 'ns', emit: (e) => void events.push(e), fields: { spend: 'raw_spend', visits: null } }))
      .build();
    await dr.execute(['visitsShare'], { inputs });
    const fields = events[1].outputs[0].facets.columnLineage.fields.visitsShare.inputFields.map((f: any) => f.field);
    expect(fields).toEqual(['raw_spend']);
    expect(events[1].inputs[0].facets.schema.fields.map((f: any) => f.name)).toEqual(['raw_spend']);
  });

  it('refuses bad options with the fix', () => {
    expect(() => openLineage({ namespace: '', emit: 'x' })).toThrow('openLineage needs a namespace');
    expect(() => openLineage({ namespace: 'a', emit: 3 as never })).toThrow('openLineage needs emit');
    expect(() => openLineage({ namespace: 'a', emit: 'x', jobb: 'y' } as never)).toThrow('openLineage got an unknown option "jobb" (did you mean "job"?)');
  });

  it('the schema used here rejects an event missing required fields (the check can fail)', () => {
    expect(validate({ eventType: 'START', eventTime: new Date().toISOString(), producer: 'https://x.y', schemaURL: 'https://x.y', job: { namespace: 'a', name: 'b' } })).toBe(false);
    expect(validate({ eventType: 'START', eventTime: 'yesterday', producer: 'https://x.y', schemaURL: 'https://x.y', run: { runId: 'not-a-uuid' }, job: { namespace: 'a', name: 'b' } })).toBe(false);
  });
});
