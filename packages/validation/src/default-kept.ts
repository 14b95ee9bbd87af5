import type Type from 'typebox'
import type {
  TArray,
  TArrayOptions,
  TBoolean,
  TInteger,
  TLiteral,
  TLiteralValue,
  TNull,
  TNumber,
  TNumberOptions,
  TSchema,
  TSchemaOptions,
  TString,
  TStringOptions,
  TUnion,
} from 'typebox'

/**
 * The schema type with the `default` of its options. TypeBox 1.x leaves options out of the type,
 * so `t.Integer({ default: 0 })` would be indistinguishable from `t.Integer()`; with the default
 * kept, the typed client knows the server fills that input in and lets the caller leave it out.
 */
export type WithDefault<S extends TSchema, O> = O extends { readonly default: infer D }
  ? S & { readonly default: D }
  : S

/** The constructors whose options usually carry a default, typed to keep it. */
interface DefaultKeepingConstructors {
  String<O extends TStringOptions = {}>(options?: O): WithDefault<TString, O>
  Number<O extends TNumberOptions = {}>(options?: O): WithDefault<TNumber, O>
  Integer<O extends TNumberOptions = {}>(options?: O): WithDefault<TInteger, O>
  Boolean<O extends TSchemaOptions = {}>(options?: O): WithDefault<TBoolean, O>
  Null<O extends TSchemaOptions = {}>(options?: O): WithDefault<TNull, O>
  Literal<V extends TLiteralValue, O extends TSchemaOptions = {}>(value: V, options?: O): WithDefault<TLiteral<V>, O>
  Array<T extends TSchema, O extends TArrayOptions = {}>(items: T, options?: O): WithDefault<TArray<T>, O>
  Union<Types extends TSchema[], O extends TSchemaOptions = {}>(
    anyOf: [...Types],
    options?: O,
  ): WithDefault<TUnion<Types>, O>
}

/** TypeBox's Type namespace, its common constructors typed to keep `default`. */
export type DefaultKeepingType = Omit<typeof Type, keyof DefaultKeepingConstructors> & DefaultKeepingConstructors
