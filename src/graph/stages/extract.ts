/**
 * Extract stage (`@extractColumns`, `@extractFields`): the output stays a node and each named
 * column or field becomes one too. Sets `produced`, the method's nodes in order.
 */
import { columnExtractor, fieldExtractor } from '../extract';
import { makeNode, type FeatureNode } from '../node';
import { primitiveName } from '../types';
import { problem, type Expansion } from './expansion';

const NO_TAGS = Object.freeze({});

/**
 * Adds a node per extracted column or field, and sets `x.produced`.
 *
 * @example
 * extractStage(x); // extractColumns('a', 'b') on a method table: nodes table, a, b
 */
export function extractStage(x: Expansion): boolean {
  const columns = x.of.extractColumns?.[0];
  const fields = x.of.extractFields?.[0];
  const { origin } = x;
  if (columns || fields) {
    // Kept for records written without the decorators (the decorators refuse both at class definition).
    if (columns && fields) {
      problem(x, 'extract-twice', `${origin} has both @extractColumns and @extractFields; use one.`);
      return false;
    }
    const primitive = primitiveName(x.types.returns);
    if (primitive !== undefined) {
      const decorator = columns ? '@extractColumns' : '@extractFields';
      const wants = columns ? 'a table (an Arrow Table or a record of columns)' : 'a record';
      problem(x, 'extract-primitive',
        `${decorator} on ${origin} cannot apply: ${origin} is declared to return ${primitive}, ` +
          `which is never ${wants}. Declare the type it really returns, or remove ${decorator}.`);
      return false;
    }
    const { definedBy, code, doc } = x;
    const node = (name: string, type: unknown, dependencies: FeatureNode['dependencies'], fn: FeatureNode['fn']) =>
      makeNode({ type, tags: NO_TAGS, doc, origin, definedBy, role: 'feature', name, dependencies, fn, code });
    for (const table of x.finals) {
      const from = [{ name: table.name, type: undefined, optional: false }];
      for (const c of columns?.names ?? []) {
        const fill = { has: columns!.hasFill, value: columns!.fillWith };
        x.extracted.push(node(c, undefined, from, columnExtractor(c, origin, fill)));
      }
      for (const [f, type] of Object.entries(fields?.fields ?? {})) {
        x.extracted.push(node(f, type, from, fieldExtractor(f, type, origin)));
      }
    }
  }
  x.produced = x.chained.length + x.extracted.length === 0 ? x.finals : [...x.chained, ...x.finals, ...x.extracted];
  return true;
}
