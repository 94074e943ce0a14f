/** Turns a protocol RouteSpec into Fastify route options: ajv-validated schemas and OpenAPI metadata. */
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '@tandem/protocol';
import type { RouteName } from '@tandem/protocol';
import { Problem, routes, type RouteWithSchemas } from '@tandem/protocol/schemas';
import { IDEMPOTENCY_KEY_MAX } from '../store/idempotency.js';

const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: Problem } },
});

/** Looks the route up in the schema table by name, so a route can never be registered without its schemas. */
export interface RouteExtra {
  successContentType?: string;
  /** Request headers the route reads (besides Idempotency-Key, which idempotent routes get anyway). */
  headers?: TSchema;
  querystring?: TSchema | Record<string, unknown>;
}

export function routeSchema(name: RouteName, extra: RouteExtra = {}) {
  const spec: RouteWithSchemas = routes[name];
  const success: Record<string, unknown> = spec.response
    ? spec.response
    : {
        description: 'Success',
        content: { [extra.successContentType ?? 'application/json']: { schema: Type.String() } },
      };
  const schema: Record<string, unknown> = {
    operationId: name,
    summary: spec.summary,
    tags: [spec.access],
    response: {
      [spec.status]: success,
      '4xx': problemResponse('Client error (problem+json, with per-field `errors` for 422)'),
      '5xx': problemResponse('Server error'),
    },
  };
  if (spec.params) schema.params = spec.params;
  if (spec.body) schema.body = spec.body;
  if (spec.idempotent) {
    schema.headers = Type.Object({
      'idempotency-key': Type.Optional(
        Type.String({
          description: `Client-generated unique key (a UUID), at most ${IDEMPOTENCY_KEY_MAX} characters. A retry with the same key and body replays the first answer.`,
        }),
      ),
    });
  }
  if (extra.headers) schema.headers = extra.headers;
  if (spec.querystring) schema.querystring = spec.querystring;
  if (extra.querystring) schema.querystring = extra.querystring;
  if (spec.access === 'staff') schema.security = [{ bearerAuth: [] }];
  return schema;
}

/** Method, URL and schemas of a route, all taken from the route table by its name. */
export function routeOptions(name: RouteName, extra: RouteExtra = {}) {
  const spec = routes[name];
  return { method: spec.method, url: spec.path, schema: routeSchema(name, extra) };
}

/**
 * A staff route: its API token is checked first, and it gets no cross-origin grant, since staff APIs
 * are called by servers and the console, never from a family's page.
 */
export function staffRouteOptions(name: RouteName, preHandler: (request: FastifyRequest) => Promise<void>, extra: RouteExtra = {}) {
  return { ...routeOptions(name, extra), preHandler, config: { cors: false } };
}

export type { TSchema };
