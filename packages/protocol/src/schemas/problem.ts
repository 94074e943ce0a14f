/** TypeBox schemas for RFC 9457 problem details with per-field errors. */
import { Type } from '@sinclair/typebox';

export const FieldError = Type.Object({
  /** JSON Pointer into the request body, e.g. `/answers/q-visit`. */
  pointer: Type.String(),
  code: Type.String(),
  detail: Type.String(),
  /** Numbers a message needs, e.g. `{ max: 200 }` for `too-long`. */
  params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()]))),
});

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(FieldError)),
  },
  { additionalProperties: true },
);
