/**
 * danfo.js as quiver sees it, by shape: quiver's public declarations never import danfojs-node,
 * so a project without danfo (or with `skipLibCheck` off) compiles against quiver unchanged.
 * With danfo installed, name its own type: `danfoFrame<DataFrame>()`, `toDanfo<DataFrame>(table)`.
 */
import type { DanfoLike } from './is-danfo';

/** A danfo.js `DataFrame`: the members quiver fills in and that a result is usually read with. */
export interface DanfoFrame extends DanfoLike {
  readonly shape: number[];
  head(rows?: number): DanfoFrame;
  print(): void;
}

/** The part of the danfojs-node module quiver uses. */
export interface DanfoModule {
  DataFrame: new (data: unknown, options?: { columns?: string[] }) => DanfoFrame & {
    loc(args: { columns: string[] }): DanfoFrame;
  };
}
