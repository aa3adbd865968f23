/**
 * Feature names at the type level: what `withFeatures` adds to a builder's type so that a
 * misspelled output, override or lineage query is a compile error (API.md §10).
 *
 * Names the compiler can see are the public methods of a feature class. Names made at run time
 * (`@parameterize` keys, `@extractColumns`, namespaces, pipe steps) come from a declaration written
 * by `npx quiver types`, which merges a phantom `'~quiver'` member into the class's type; when it is
 * there, it is the whole truth about that class (it was read off the built graph).
 */

/** What `quiver types` declares on a feature class (type only: nothing exists at run time). */
export interface DeclaredNames {
  /** Every node the class makes, as the built graph names them. */
  readonly names: string;
  /** The graph inputs the class's features read (names not made by any node). */
  readonly inputs?: string;
  /** Node name → the value type its method returns (for a typed result). */
  readonly types?: object;
}

/** The phantom member's key; an interface merged into a class may declare it, optionally. */
export type NamesKey = '~quiver';

type InstanceOf<C> = C extends abstract new (...args: never) => infer I ? I : C;

type IsAny<T> = 0 extends 1 & T ? true : false;

/** Public methods of an instance type: not `constructor`, not names starting with `_`. */
export type MethodNames<I> = {
  [K in keyof I & string]: K extends `_${string}` | 'constructor'
    ? never
    : I[K] extends (...args: never) => unknown
      ? K
      : never;
}[keyof I & string];

type Declared<I> = I extends { readonly '~quiver'?: infer G } ? (G extends DeclaredNames ? G : undefined) : undefined;

/**
 * The feature names one argument of `withFeatures` brings: a class, an instance or a `namespaced()`
 * set. `any`/`unknown` (plain JavaScript, dynamic lists) give `string`: every name is accepted.
 * @example
 * type N = FeatureNames<typeof SpendFeatures>; // 'avg3wkSpend' | 'spendPerSignup' | …
 */
export type FeatureNames<C> = C extends unknown ? OneFeatureNames<C> : never;

type OneFeatureNames<C> =
  IsAny<C> extends true
    ? string
    : unknown extends C
      ? string
      : Declared<InstanceOf<C>> extends infer G
        ? G extends DeclaredNames
          ? G['names']
          : MethodNames<InstanceOf<C>>
        : never;

/** The input names a declaration lists for a class (none when not generated). */
export type DeclaredInputs<C> = C extends unknown
  ? IsAny<C> extends true
    ? string
    : Declared<InstanceOf<C>> extends { readonly inputs?: infer N }
      ? N extends string
        ? N
        : never
      : never
  : never;

type Unwrap<V> = V extends PromiseLike<infer U> ? U : V;

/**
 * Node name → value type, from the methods' return types (awaited) and any declared `types`.
 * @example
 * type T = FeatureTypes<typeof SpendFeatures>['avg3wkSpend']; // Float64Array
 */
export type FeatureTypes<C> = UnionToIntersection<C extends unknown ? OneFeatureTypes<C> : never>;

type OneFeatureTypes<C> =
  IsAny<C> extends true
    ? Record<string, unknown>
    : unknown extends C
      ? Record<string, unknown>
      : (Declared<InstanceOf<C>> extends { readonly types?: infer T } ? (T extends object ? T : unknown) : unknown) & {
          [K in MethodNames<InstanceOf<C>>]: InstanceOf<C>[K] extends (...args: never) => infer V ? Unwrap<V> : unknown;
        };

/**
 * A list of names checked element by element: a name outside `Allowed` becomes a string literal
 * type that says so, so the compiler's message names it ("… is not assignable to type
 * '"unknown name: avgSpnd"'"). A name typed only as `string` (a list built at run time) cannot be
 * checked and passes: keep a list in a variable `as const` to have it checked.
 */
export type Checked<O extends readonly string[], Allowed extends string> = string extends Allowed
  ? O
  : {
      readonly [K in keyof O]: string extends O[K]
        ? O[K]
        : O[K] extends Allowed
          ? O[K]
          : `unknown name: ${O[K] & string}`;
    };

/** One name checked the same way. */
export type CheckedName<O extends string, Allowed extends string> = string extends Allowed | O
  ? O
  : O extends Allowed
    ? O
    : `unknown name: ${O}`;

/** Union → intersection (to merge the type maps of several classes). */
export type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
