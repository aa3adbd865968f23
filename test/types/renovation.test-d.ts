/**
 * Compile-only type tests (expect-type): `npm run typecheck` fails when these types drift. Not run
 * by jest (the name ends in .test-d.ts).
 */
import { expectTypeOf } from 'expect-type';
import {
  registerCheck, registerFormat, RegistrationError, QuiverError, type CheckDefinition, type CheckOutputOptions,
  type ValidationOutcome,
} from 'quiver';
import { editDistance } from '../../src/util/edit-distance';
import { epochMillisOf } from '../../src/util/epoch';
import { dtypeOfConstructor, type NumericDtype } from '../../src/util/dtypes';
import { isColumn, isTypedArray, type TypedArray, type VectorLike } from '../../src/util/shapes';

declare module 'quiver' {
  interface RegisteredCheckOptions {
    atMost?: number;
  }
}

// Registries: one call each, returning nothing; override is optional.
expectTypeOf(registerFormat).returns.toEqualTypeOf<void>();
expectTypeOf(registerCheck).returns.toEqualTypeOf<void>();
expectTypeOf(registerFormat).parameter(2).toEqualTypeOf<{ override?: boolean } | undefined>();
expectTypeOf<RegistrationError>().toMatchTypeOf<QuiverError>();

// A check definition's make receives the option type it is declared with.
expectTypeOf<Parameters<CheckDefinition<number>['make']>[0]>().toEqualTypeOf<number>();
expectTypeOf<ReturnType<ReturnType<CheckDefinition['make']>['validate']>>().toEqualTypeOf<ValidationOutcome>();

// Registered check options merge into CheckOutputOptions; built-in keys keep their types.
expectTypeOf<CheckOutputOptions['atMost']>().toEqualTypeOf<number | undefined>();
expectTypeOf<CheckOutputOptions['range']>().toEqualTypeOf<readonly [number, number] | undefined>();
expectTypeOf<{ atMost: 'x' }>().not.toMatchTypeOf<CheckOutputOptions>();

// The shared helpers.
expectTypeOf(editDistance).toEqualTypeOf<(a: string, b: string) => number>();
expectTypeOf(epochMillisOf).parameter(0).toEqualTypeOf<number | bigint>();
expectTypeOf(dtypeOfConstructor).returns.toEqualTypeOf<NumericDtype | undefined>();
expectTypeOf<'float64'>().toMatchTypeOf<NumericDtype>();
expectTypeOf<'utf8'>().not.toMatchTypeOf<NumericDtype>();

// The guards narrow.
declare const value: unknown;
if (isTypedArray(value)) expectTypeOf(value).toEqualTypeOf<TypedArray>();
if (isColumn(value)) expectTypeOf(value).toEqualTypeOf<ArrayLike<unknown> | VectorLike>();
