/**
 * Patch schemas in which leaving a field out keeps it and `null` removes an optional one: without `null`, a PATCH
 * could never empty a field that was once filled (a website, an eligibility note…).
 */
import {
  OptionalKind,
  Type,
  type TNull,
  type TObject,
  type TOptional,
  type TProperties,
  type TSchema,
  type TUnion,
} from '@sinclair/typebox';

/** Every field optional; fields optional in the input also take `null`. */
export type TRemovablePatch<T extends TProperties> = TObject<{
  [K in keyof T]: T[K] extends TOptional<infer S> ? TOptional<TUnion<[S, TNull]>> : TOptional<T[K]>;
}>;

const isOptional = (schema: TSchema) => (schema as { [OptionalKind]?: string })[OptionalKind] === 'Optional';

/** The patch schema of `input`: all fields optional, and `null` on an optional field means "remove it". */
export function RemovablePatch<T extends TProperties>(input: TObject<T>): TRemovablePatch<T> {
  const properties: Record<string, TSchema> = {};
  for (const [key, schema] of Object.entries(input.properties)) {
    properties[key] = isOptional(schema) ? Type.Optional(Type.Union([Type.Optional(schema, false), Type.Null()])) : Type.Optional(schema);
  }
  return Type.Object(properties, { additionalProperties: false }) as unknown as TRemovablePatch<T>;
}
