/**
 * One DOT producer: visualizeExecution, quiver graph / graphDot and the run report draw each kind of
 * node with one look (adapters/graphviz/styles.ts), and name checks by checkLabel().
 */
import 'reflect-metadata';
import { Builder, checkOutput, graphDot, config } from 'quiver';
import { KIND_STYLES } from '../../adapters/graphviz/styles';

class Spend {
  @checkOutput({ range: [0, 100] })
  @checkOutput({ range: [0, 50], importance: 'fail' })
  doubled(spend: Float64Array): Float64Array {
    return spend.map((v) => v * 2);
  }

  @config.when({ region: 'US' })
  total(doubled: Float64Array, region: string): number {
    return doubled.reduce((a, b) => a + b, 0) + region.length;
  }
}

const dr = new Builder().withFeatures(Spend).withConfig({ region: 'US' }).build();

/** The attributes a node is drawn with, up to its label (its look, without the text). */
function look(dot: string, name: string): string | undefined {
  const line = dot.split('\n').find((l) => l.trimStart().startsWith(`"${name}" [`));
  return line?.slice(line.indexOf('[') + 1, line.indexOf(', label='));
}

function attrsOf(kind: keyof typeof KIND_STYLES): string {
  return Object.entries(KIND_STYLES[kind]).map(([k, v]) => `${k}=${typeof v === 'number' ? v : `"${v}"`}`).join(', ');
}

describe('one picture style', () => {
  const executed = dr.untyped.visualizeExecution(['total']);
  const listed = graphDot(dr, { outputs: ['total'] });

  it('draws every node of an execution as quiver graph draws it', () => {
    const names = ['spend', 'region', 'doubled', 'doubled:check:range', 'doubled:check:range#2', 'total'];
    for (const name of names) {
      expect(look(executed, name)).toBeDefined();
      expect([name, look(executed, name)]).toEqual([name, look(listed, name)]);
    }
  });

  it('takes the look of each kind from the one style table', () => {
    expect(look(executed, 'spend')).toBe(attrsOf('input'));
    expect(look(executed, 'region')).toBe(attrsOf('config'));
    expect(look(executed, 'doubled')).toBe(attrsOf('feature'));
    expect(look(executed, 'total')).toBe(attrsOf('output'));
    expect(look(executed, 'doubled:check:range#2')).toBe(attrsOf('check'));
  });

  it('labels checks by checkLabel(), the fail one marked, in both pictures', () => {
    const labelled = /"doubled:check:[^"]*" \[[^\n]*?label="([^"]*)"/g;
    const labels = (dot: string) => [...dot.matchAll(labelled)].map((m) => m[1]);
    expect(labels(executed)).toEqual(['range (fail)', 'range#2']); // decorators apply bottom-up
    expect(labels(listed)).toEqual(['range', 'range#2']);
  });

  it('draws an override in its own look, its upstream left out', () => {
    const dot = dr.untyped.visualizeExecution(['total'], { overrides: { doubled: Float64Array.of(1) } });
    expect(look(dot, 'doubled')).toBe(attrsOf('override'));
    expect(dot).toContain('label="doubled\\n(override)');
    expect(dot).not.toContain('"spend"');
    expect(dot).not.toContain(':check:');
  });
});
