/**
 * Turns one method and its decorator records into nodes, applying the records in a fixed order
 * of stages whatever order the decorators were written in:
 * resolve (`@config.*`) → create (the method's own node) → expand (`@parameterize`,
 * `@extractColumns`, `@extractFields`) → decorate (`@feature` doc, `@tag`) → transform
 * (`@checkOutput`, `@checkOutputCustom` become check nodes).
 */
import type { Issue } from '../errors';
import { readDesignTypes, readRecords } from '../metadata';
import { validatorsFromOptions } from '../quality';
import type { Validator } from '../quality/result';
import { bindParameters, fillDoc } from './bind-parameters';
import { expandChecks } from './check-nodes';
import type { FoundMethod } from './collect-methods';
import { configAllows, nodeNameOf } from './config-match';
import { columnExtractor, fieldExtractor } from './extract';
import { makeNode, type FeatureNode } from './node';
import { parseParameters, ParameterParseError, type ParsedParameter } from './params';
import type { DecoratorRecord, RecordKind, TagMap, Target } from './records';

type Of<K extends RecordKind> = Extract<DecoratorRecord, { kind: K }>;

export interface ExpandContext {
  readonly config: Readonly<Record<string, unknown>>;
  readonly issues: Issue[];
  /** Methods that have quiver decorators but no emitted types (metadata is off). */
  readonly untyped: string[];
}

export function expandMethod(method: FoundMethod, ctx: ExpandContext): FeatureNode[] {
  const records = readRecords(method.holder, method.name);
  const all = <K extends RecordKind>(kind: K) => records.filter((r): r is Of<K> => r.kind === kind);
  const origin = `${method.source.className}.${method.name}`;
  const fail = (code: string, message: string, nodes: string[] = [origin]) => {
    ctx.issues.push({ code, message, nodes });
    return [];
  };

  // resolve
  const conditions = all('config');
  if (!configAllows(conditions, ctx.config)) return [];
  const name = nodeNameOf(method.name, conditions.length > 0);

  // create
  let params: ParsedParameter[];
  try {
    params = parseParameters(method.fn);
  } catch (error) {
    if (!(error instanceof ParameterParseError)) throw error;
    return fail('bad-parameters', `Cannot read the parameters of ${origin}: ${error.message}.`);
  }
  const rest = params.find((p) => p.rest);
  if (rest) return fail('rest-parameter', `${origin} has a rest parameter "...${rest.name}"; each dependency must be one named parameter. Use a parameter per input, or @parameterize with group(…).`);
  const types = readDesignTypes(method.holder, method.name);
  if (records.length > 0 && types.params === undefined) ctx.untyped.push(origin);
  const returns = types.returns;
  const doc = all('feature').find((r) => r.doc !== undefined)?.doc ?? '';
  const base = { type: returns, tags: {}, doc, origin, role: 'feature' as const };

  // expand: @parameterize
  const parameterizations = all('parameterize');
  if (parameterizations.length > 1) return fail('parameterize-twice', `${origin} has ${parameterizations.length} @parameterize decorators; merge them into one spec.`);
  let finals: FeatureNode[];
  if (parameterizations.length === 1) {
    const { spec, docs } = parameterizations[0];
    const known = new Set(params.map((p) => p.name));
    for (const [out, bound] of Object.entries(spec)) {
      const unknown = Object.keys(bound).filter((p) => !known.has(p));
      if (unknown.length > 0) {
        return fail('parameterize-unknown-parameter',
          `@parameterize on ${origin} binds ${unknown.map((p) => `"${p}"`).join(', ')} for "${out}", but ${origin} has no such parameter (its parameters: ${params.map((p) => p.name).join(', ') || 'none'}).`);
      }
    }
    finals = Object.entries(spec).map(([out, bound]) =>
      makeNode({ ...base, name: out, doc: fillDoc(docs?.[out] ?? doc, bound), ...bindParameters(method.fn, method.source.instance, params, types.params, bound) }),
    );
  } else {
    finals = [makeNode({ ...base, name, ...bindParameters(method.fn, method.source.instance, params, types.params) })];
  }

  // expand: @extractColumns / @extractFields
  const columns = all('extractColumns');
  const fields = all('extractFields');
  if (columns.length + fields.length > 1) return fail('extract-twice', `${origin} has more than one @extractColumns/@extractFields; use one that names every column or field.`);
  const extracted: FeatureNode[] = [];
  for (const table of finals) {
    const from = [{ name: table.name, type: undefined, optional: false }];
    for (const c of columns[0]?.names ?? []) {
      extracted.push(makeNode({ ...base, type: undefined, name: c, dependencies: from, fn: columnExtractor(c, origin, { has: columns[0].hasFill, value: columns[0].fillWith }) }));
    }
    for (const [f, type] of Object.entries(fields[0]?.fields ?? {})) {
      extracted.push(makeNode({ ...base, type, name: f, dependencies: from, fn: fieldExtractor(f, type, origin) }));
    }
  }
  const produced = [...finals, ...extracted];
  const names = produced.map((n) => n.name);
  const targetsOf = (target: Target, defaults: readonly FeatureNode[], decorator: string): FeatureNode[] | undefined => {
    if (target === undefined) return [...defaults];
    const wanted = typeof target === 'string' ? [target] : target;
    if (wanted.includes('*')) return produced;
    const missing = wanted.filter((t) => !names.includes(t));
    if (missing.length > 0) {
      fail('unknown-target', `@${decorator} on ${origin} targets ${missing.map((m) => `"${m}"`).join(', ')}, which ${origin} does not produce (it produces: ${names.join(', ')}).`);
      return undefined;
    }
    return produced.filter((n) => wanted.includes(n.name));
  };

  // decorate: tags (every produced node by default)
  const tags = new Map<string, Record<string, string | readonly string[]>>();
  for (const record of all('tag')) {
    for (const node of targetsOf(record.target, produced, 'tag') ?? []) {
      const current = tags.get(node.name) ?? {};
      for (const [key, v] of Object.entries(record.tags)) {
        if (key in current && JSON.stringify(current[key]) !== JSON.stringify(v)) {
          fail('tag-conflict', `Tag "${key}" is set twice on "${node.name}" (${origin}) with different values: ${JSON.stringify(current[key])} and ${JSON.stringify(v)}. Keep one.`, [node.name]);
        }
        current[key] = v;
      }
      tags.set(node.name, current);
    }
  }

  // transform: checks (the final nodes by default: each parameterized node, or the table of @extractColumns)
  const validators = new Map<string, Validator[]>();
  const addChecks = (target: Target, list: readonly Validator[], decorator: string) => {
    for (const node of targetsOf(target, finals, decorator) ?? []) validators.set(node.name, [...(validators.get(node.name) ?? []), ...list]);
  };
  for (const record of all('checkOutput')) addChecks(record.target, validatorsFromOptions(record.options), 'checkOutput');
  for (const record of all('checkOutputCustom')) addChecks(record.target, record.validators, 'checkOutputCustom');

  return produced.flatMap((node) => {
    const tagged = tags.has(node.name) ? makeNode({ ...node, tags: Object.freeze(tags.get(node.name)!) as TagMap }) : node;
    const checks = validators.get(node.name);
    return checks && checks.length > 0 ? expandChecks(tagged, checks) : [tagged];
  });
}
