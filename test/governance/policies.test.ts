import 'reflect-metadata';
import { Builder, checkOutput, feature, forbidFlow, GraphBuildError, namespaced, requireTags, tag, type Policy } from 'quiver';

class Customers {
  @tag({ pii: 'true', owner: 'crm' })
  email(rawEmail: string[]): string[] {
    return rawEmail.map((e) => e.toLowerCase());
  }
  @tag({ owner: 'crm' })
  emailDomain(email: string[]): string[] {
    return email.map((e) => e.split('@')[1] ?? '');
  }
  @tag({ owner: 'crm' })
  visits(rawVisits: Float64Array): Float64Array {
    return rawVisits;
  }
}

class Reports {
  @tag({ shareable: 'true', owner: 'bi' })
  @checkOutput({ minRows: 1 })
  domainReport(emailDomain: string[], visits: Float64Array): Float64Array {
    return visits.map((v, i) => v + (emailDomain[i]?.length ?? 0));
  }
  @tag({ shareable: 'true', owner: 'bi' })
  visitReport(visits: Float64Array): Float64Array {
    return visits;
  }
  @feature()
  untagged(visits: Float64Array): Float64Array {
    return visits;
  }
}

function buildError(fn: () => unknown): GraphBuildError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GraphBuildError) return error;
    throw error;
  }
  throw new Error('expected a GraphBuildError');
}

describe('forbidFlow', () => {
  it('names every offending path, shortest first, with the fix', () => {
    const error = buildError(() =>
      new Builder().withFeatures(Customers, Reports).withPolicies(forbidFlow({ from: { pii: 'true' }, to: { shareable: 'true' } })).build());
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0].code).toBe('policy:forbidFlow');
    expect(error.issues[0].nodes).toEqual(['email', 'emailDomain', 'domainReport']);
    expect(error.message).toBe(
      'forbidFlow(pii=true → shareable=true): "email" (Customers.email) reaches "domainReport" (Reports.domainReport): ' +
        'email → emailDomain → domainReport. Break the path (compute "domainReport" without "email"), or remove the tag ' +
        'that makes "domainReport" match.',
    );
  });

  it('sorts several paths by length and reports a node matching both sides', () => {
    class Both {
      @tag({ pii: 'true', shareable: 'true' })
      leaky(rawEmail: string[]): string[] {
        return rawEmail;
      }
    }
    const error = buildError(() =>
      new Builder().withFeatures(Customers, Reports, Both).withPolicies(forbidFlow({ from: { pii: 'true' }, to: { shareable: null } })).build());
    expect(error.issues.map((i) => i.nodes)).toEqual([['leaky'], ['email', 'emailDomain', 'domainReport']]);
    expect(error.issues[0].message).toContain('"leaky" (Both.leaky) matches both sides');
    expect(error.message).toMatch(/^2 problems found while building the graph/);
  });

  it('passes a graph without such a path, and builds a working driver', async () => {
    const dr = new Builder().withFeatures(Customers, Reports).withPolicies(forbidFlow({ from: { pii: 'true' }, to: { owner: 'nobody' } })).build();
    const out = await dr.execute(['visitReport'], { inputs: { rawVisits: Float64Array.of(1, 2) } });
    expect(out.numRows).toBe(2);
  });

  it('refuses a bad filter when the policy is made', () => {
    expect(() => forbidFlow({ from: {}, to: { a: 'b' } })).toThrow("forbidFlow's from must be a tag filter such as { pii: 'true' }");
    expect(() => forbidFlow({ from: { a: 'b' }, to: { a: 'b' }, form: 1 } as never)).toThrow('forbidFlow got an unknown option "form" (did you mean "from"?). Valid options: from, to.');
  });
});

describe('requireTags', () => {
  it('lists the features lacking each key, all at once', () => {
    const error = buildError(() => new Builder().withFeatures(Customers, Reports).withPolicies(requireTags('owner', 'team')).build());
    expect(error.issues.map((i) => i.code)).toEqual(['policy:requireTags', 'policy:requireTags']);
    expect(error.issues[0].message).toBe(
      'requireTags(owner): 1 feature has no "owner" tag: untagged (Reports.untagged). ' +
        "Add @tag({ owner: '…' }) to each, or give a whole feature set the tag with namespaced(…, { tags }).",
    );
    expect(error.issues[1].nodes).toEqual(['email', 'emailDomain', 'visits', 'domainReport', 'visitReport', 'untagged']);
  });

  it('counts namespace tags as the features own', () => {
    class Inner {
      @feature()
      mean3(x: Float64Array): Float64Array {
        return x;
      }
    }
    expect(() => new Builder().withFeatures(namespaced('a', Inner, { tags: { owner: 'ds' } })).withPolicies(requireTags('owner')).build()).not.toThrow();
  });
});

describe('user policies', () => {
  it('take one call and report with their own code, together with the built-in ones', () => {
    const noShareableWithoutChecks: Policy = {
      name: 'shareableIsChecked',
      check: (graph) => graph.nodes
        .filter((n) => n.tags.shareable === 'true' && n.checks.length === 0)
        .map((n) => ({ message: `"${n.name}" is shareable but has no data-quality check. Add @checkOutput.`, nodes: [n.name] })),
    };
    const error = buildError(() => new Builder().withFeatures(Customers, Reports).withPolicies(noShareableWithoutChecks, requireTags('owner')).build());
    expect(error.issues.map((i) => `${i.code}: ${i.nodes.join(',')}`)).toEqual([
      'policy:shareableIsChecked: visitReport',
      'policy:requireTags: untagged',
    ]);
  });

  it('a policy that throws is reported, not fatal to the others', () => {
    const broken: Policy = { name: 'broken', check: () => { throw new Error('oops'); } };
    const error = buildError(() => new Builder().withFeatures(Customers, Reports).withPolicies(broken, requireTags('owner')).build());
    expect(error.issues[0].message).toBe('Policy "broken" could not check the graph: it threw oops. Fix the policy.');
    expect(error.issues).toHaveLength(2);
  });

  it('withPolicies refuses what is not a policy', () => {
    expect(() => new Builder().withPolicies({ name: 'x y', check: () => [] })).toThrow('argument 1 is not one');
    expect(() => new Builder().withPolicies({} as never)).toThrow('withPolicies takes policies such as forbidFlow');
  });
});

describe('propagated tags', () => {
  class Propagating {
    @tag({ pii: 'true' }, { propagate: true })
    email(rawEmail: string[]): string[] {
      return rawEmail;
    }
    @tag({ owner: 'crm' })
    @checkOutput({ minRows: 1 })
    emailDomain(email: string[]): string[] {
      return email;
    }
    @feature()
    domainCount(emailDomain: string[]): number {
      return emailDomain.length;
    }
    @feature()
    unrelated(rawVisits: Float64Array): Float64Array {
      return rawVisits;
    }
  }

  it('mark everything downstream, apart from own tags, and tag filters match them', () => {
    const dr = new Builder().withFeatures(Propagating).build();
    const info = (name: string) => dr.listAvailableVariables().find((v) => v.name === name)!;
    expect(info('email').inheritedTags).toEqual({});
    expect(info('email').tags).toEqual({ pii: 'true' });
    expect(info('emailDomain').tags).toEqual({ owner: 'crm' });
    expect(info('emailDomain').inheritedTags).toEqual({ pii: 'true' });
    expect(info('domainCount').inheritedTags).toEqual({ pii: 'true' });
    expect(info('domainCount').inheritedFrom).toEqual({ pii: ['email'] });
    expect(info('unrelated').inheritedTags).toEqual({});
    expect(dr.listAvailableVariables({ tags: { pii: 'true' } }).map((v) => v.name)).toEqual(['email', 'emailDomain', 'domainCount']);
  });

  it('refuses a propagate option that is not a boolean', () => {
    expect(() => {
      class P {
        @tag({ pii: 'true' }, { propagate: 'yes' as never })
        email(raw: string[]): string[] {
          return raw;
        }
      }
      return P;
    }).toThrow("P.email: @tag's propagate option must be true or false");
  });
});
