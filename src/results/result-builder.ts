/**
 * A result builder shapes the computed outputs into what `execute` resolves to.
 * `arrowTable()` (the default, in adapters/), `dictResult()` and `danfoFrame()` implement it;
 * users may pass their own to `Builder.withResult(...)`.
 *
 * @example
 * const namesOnly: ResultBuilder<string[]> = { name: 'names', build: (outputs) => [...outputs] };
 * const dr = new Builder().withFeatures(SpendFeatures).withResult(namesOnly).build();
 */
export interface ResultBuilder<R = unknown> {
  readonly name: string;
  /** `values[i]` is the value of `outputs[i]`; outputs are in the requested order. */
  build(outputs: readonly string[], values: readonly unknown[]): R;
}
