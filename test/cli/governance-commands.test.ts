import * as fs from 'fs';
import * as path from 'path';
import { project, quiver } from './support/cli';

const FEATURES = `
import { feature, forbidFlow, requireTags, tag } from 'quiver';

export class Customers {
  @tag({ pii: 'true', owner: 'crm' }, { propagate: true })
  email(rawEmail: Iterable<string>): string[] { return Array.from(rawEmail, (e) => e.toLowerCase()); }

  @tag({ owner: 'crm' })
  emailLength(email: string[]): Float64Array { return Float64Array.from(email, (e) => e.length); }

  @tag({ owner: 'bi', shareable: 'true' })
  visitsReport(visits: Float64Array, emailLength: Float64Array): Float64Array {
    return visits.map((v, i) => v + emailLength[i]);
  }

  @tag({ owner: 'bi', shareable: 'true' })
  visitsOnly(visits: Float64Array): Float64Array { return visits; }
}

export const policies = [forbidFlow({ from: { pii: 'true' }, to: { shareable: 'true' } }), requireTags('owner')];
`;

describe('governance on the command line', () => {
  const dir = project({ 'features.ts': FEATURES, 'data.csv': 'rawEmail,visits\nA@x.org,1.5\nb@yy.org,2.5\n' });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('quiver validate reports the policies a features file exports, every path named', () => {
    const r = quiver(['validate', 'features.ts', '--inputs', 'data.csv'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'forbidFlow(pii=true → shareable=true): "email" (Customers.email) reaches "visitsReport" (Customers.visitsReport): ' +
        'email → emailLength → visitsReport.',
    );
  });

  it('quiver list shows inherited tags apart from own ones', () => {
    fs.writeFileSync(path.join(dir, 'open.ts'), FEATURES.replace(/export const policies[^\n]*\n/, ''));
    const r = quiver(['list', 'open.ts', '--tag', 'pii=true'], dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^NAME\s+TYPE\s+KIND\s+TAGS\s+INHERITED TAGS\s+CHECKS/);
    expect(lines.find((l) => l.startsWith('visitsReport'))).toContain('owner=bi shareable=true  pii=true←email');
    expect(lines.some((l) => l.startsWith('visitsOnly'))).toBe(false);
  });

  it('quiver run --lineage appends a START and a COMPLETE event with column lineage', () => {
    const r = quiver(['run', 'open.ts', '--inputs', 'data.csv', '--out', 'out/frame.arrow', '--lineage', 'out/lineage.ndjson', '--quiet'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const events = fs.readFileSync(path.join(dir, 'out/lineage.ndjson'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(events.map((e) => e.eventType)).toEqual(['START', 'COMPLETE']);
    expect(events[1].job).toEqual({ namespace: 'quiver', name: 'open' });
    expect(events[1].inputs[0].name).toBe(path.join(fs.realpathSync(dir), 'data.csv'));
    const fields = events[1].outputs[0].facets.columnLineage.fields;
    expect(fields.visitsReport.inputFields.map((f: { field: string }) => f.field).sort()).toEqual(['rawEmail', 'visits']);
    expect(fields.visitsOnly.inputFields.map((f: { field: string }) => f.field)).toEqual(['visits']);
  });
});
