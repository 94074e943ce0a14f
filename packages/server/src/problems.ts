/** problem+json errors: a throwable HttpProblem and the mapping of Fastify/ajv errors onto Tandem's problem types. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, type FieldError, type FieldErrorCode, type Problem } from '@tandem/protocol';

export class HttpProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(init: {
    status: number;
    type?: string;
    title: string;
    detail?: string;
    errors?: FieldError[];
    headers?: Record<string, string>;
  }) {
    super(init.detail ?? init.title);
    this.status = init.status;
    this.type = init.type ?? 'about:blank';
    this.title = init.title;
    this.errors = init.errors;
    this.headers = init.headers ?? {};
  }

  toProblem(instance?: string): Problem {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      ...(this.message !== this.title ? { detail: this.message } : {}),
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const notFound = (detail = 'There is nothing here.') =>
  new HttpProblem({ status: 404, type: PROBLEM_TYPES.notFound, title: 'Not found', detail });

export const validationProblem = (errors: FieldError[], detail = 'Some fields need attention.') =>
  new HttpProblem({ status: 422, type: PROBLEM_TYPES.validation, title: 'Invalid request', detail, errors });

export const conflict = (detail: string, errors?: FieldError[]) =>
  new HttpProblem({ status: 409, type: PROBLEM_TYPES.conflict, title: 'Conflict', detail, ...(errors ? { errors } : {}) });

export const unauthorized = (detail: string) =>
  new HttpProblem({
    status: 401,
    type: PROBLEM_TYPES.unauthorized,
    title: 'Unauthorized',
    detail,
    headers: { 'www-authenticate': 'Bearer' },
  });

/** One ajv error as Fastify hands it over. */
interface AjvError {
  keyword: string;
  instancePath: string;
  schemaPath?: string;
  params: Record<string, unknown>;
  message?: string;
}

const KEYWORD_CODES: Record<string, FieldErrorCode> = {
  required: 'required',
  type: 'wrong-type',
  anyOf: 'wrong-type',
  oneOf: 'wrong-type',
  maxLength: 'too-long',
  minLength: 'required',
  maxItems: 'too-many',
  maxProperties: 'too-many',
  minItems: 'too-few',
  minProperties: 'too-few',
  pattern: 'invalid-format',
  format: 'invalid-format',
  enum: 'invalid-option',
  const: 'invalid-option',
  minimum: 'out-of-range',
  maximum: 'out-of-range',
  exclusiveMinimum: 'out-of-range',
  exclusiveMaximum: 'out-of-range',
  additionalProperties: 'unknown-field',
  multipleOf: 'out-of-range',
};

function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function pointerOf(error: AjvError): string {
  if (error.keyword === 'required') return `${error.instancePath}/${escapePointerToken(String(error.params.missingProperty))}`;
  if (error.keyword === 'additionalProperties') {
    return `${error.instancePath}/${escapePointerToken(String(error.params.additionalProperty))}`;
  }
  return error.instancePath;
}

function paramsOf(error: AjvError): FieldError['params'] | undefined {
  const limit = error.params.limit;
  if (typeof limit !== 'number') return undefined;
  if (error.keyword.startsWith('max') || error.keyword === 'maximum' || error.keyword === 'exclusiveMaximum') return { max: limit };
  return { min: limit };
}

/**
 * Turns ajv's errors into one FieldError per pointer. Unions (answer values, question kinds) make ajv
 * report every branch; a constraint error such as maxLength means the value had the right type for
 * one branch, so it is the useful one, and failing only on types means the value has the wrong type.
 */
export function fieldErrorsFromAjv(allErrors: readonly AjvError[], context?: string): FieldError[] {
  const errors = narrowDiscriminatedUnions(allErrors);
  const byPointer = new Map<string, AjvError[]>();
  for (const error of errors) {
    const pointer = pointerOf(error);
    const group = byPointer.get(pointer) ?? [];
    group.push(error);
    byPointer.set(pointer, group);
  }
  const prefix = context && context !== 'body' ? `/${context}` : '';
  const result: FieldError[] = [];
  for (const [pointer, group] of byPointer) {
    // A union whose branch failed deeper down reports the deeper error under its own pointer; skip the summary.
    const deeper = [...byPointer.keys()].some((other) => other !== pointer && other.startsWith(`${pointer}/`));
    const specific = group.find((e) => !['type', 'anyOf', 'oneOf', 'const', 'if'].includes(e.keyword));
    if (!specific && deeper && group.every((e) => ['anyOf', 'oneOf', 'if'].includes(e.keyword))) continue;
    const chosen = specific ?? group.find((e) => e.keyword === 'const') ?? group[0]!;
    const code: FieldErrorCode =
      specific || chosen.keyword === 'const' ? (KEYWORD_CODES[chosen.keyword] ?? 'invalid-format') : 'wrong-type';
    const params = paramsOf(chosen);
    result.push({
      pointer: `${prefix}${pointer}`,
      code,
      detail: specific || group.length === 1 ? describe(chosen, code) : 'This value has the wrong type.',
      ...(params ? { params } : {}),
    });
  }
  return result;
}

/**
 * Questions are a union told apart by `type`. ajv reports why the value fails every branch; only the
 * branch whose `type` matches tells the author anything ("options are missing"), so the others go.
 * When no branch's `type` matches, the one useful error is that `type` itself is not a known kind.
 */
function narrowDiscriminatedUnions(errors: readonly AjvError[]): AjvError[] {
  let kept = [...errors];
  const unions = errors.filter((e) => e.keyword === 'anyOf' && e.schemaPath).sort((a, b) => a.schemaPath!.length - b.schemaPath!.length);
  for (const union of unions) {
    if (!kept.includes(union)) continue;
    const prefix = `${union.schemaPath}/`;
    const branchOf = (e: AjvError) => (e.schemaPath?.startsWith(prefix) ? e.schemaPath.slice(prefix.length).split('/')[0] : undefined);
    const branches = new Map<string, AjvError[]>();
    for (const error of kept) {
      const branch = branchOf(error);
      if (branch !== undefined) branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    const typePath = `${union.instancePath}/type`;
    const mismatched = (group: AjvError[]) => group.some((e) => e.keyword === 'const' && e.instancePath === typePath);
    const groups = [...branches.values()];
    if (!groups.some(mismatched)) continue;
    const intended = groups.filter((group) => !mismatched(group));
    const dropped = new Set(groups.filter(mismatched).flat());
    if (intended.length > 0) {
      dropped.add(union);
      kept = kept.filter((e) => !dropped.has(e));
    } else {
      const replacement: AjvError = { keyword: 'enum', instancePath: typePath, params: {}, message: 'is not a known kind' };
      kept = kept.filter((e) => !dropped.has(e) && e !== union).concat(replacement);
    }
  }
  return kept;
}

function describe(error: AjvError, code: FieldErrorCode): string {
  switch (code) {
    case 'required':
      return 'This field is required.';
    case 'unknown-field':
      return 'This field is not allowed here.';
    case 'wrong-type':
      return error.keyword === 'type' ? `Expected ${String(error.params.type)}.` : 'This value has the wrong type.';
    default:
      return error.message ? `Value ${error.message}.` : 'This value is not valid.';
  }
}

/** Sends any problem as `application/problem+json`. */
export function sendProblem(reply: FastifyReply, problem: HttpProblem, request?: FastifyRequest): FastifyReply {
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  return reply
    .code(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem.toProblem(request?.url.split('?')[0])));
}

/** Maps whatever was thrown onto a HttpProblem; unknown errors become a 500 without leaking internals. */
export function toHttpProblem(error: FastifyError | HttpProblem | Error): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const fastifyError = error as FastifyError & { validationContext?: string };
  if (fastifyError.validation) {
    return validationProblem(fieldErrorsFromAjv(fastifyError.validation as AjvError[], fastifyError.validationContext));
  }
  const status = fastifyError.statusCode ?? 500;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpProblem({
        status: 413,
        type: PROBLEM_TYPES.tooLarge,
        title: 'Payload too large',
        detail: 'The request body is larger than this endpoint accepts.',
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpProblem({ status: 415, title: 'Unsupported media type', detail: 'Send application/json.' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpProblem({ status: 400, title: 'Bad request', detail: 'The body is not valid JSON.' });
  }
  if (status === 429) {
    return new HttpProblem({ status: 429, type: PROBLEM_TYPES.rateLimited, title: 'Too many requests', detail: fastifyError.message });
  }
  if (status === 400 && fastifyError instanceof SyntaxError) {
    return new HttpProblem({ status: 400, title: 'Bad request', detail: 'The body is not valid JSON.' });
  }
  if (status >= 400 && status < 500) {
    return new HttpProblem({ status, title: httpTitle(status), detail: fastifyError.message });
  }
  return new HttpProblem({
    status: 500,
    type: PROBLEM_TYPES.server,
    title: 'Internal server error',
    detail: 'Something went wrong on our side.',
  });
}

function httpTitle(status: number): string {
  return (
    {
      400: 'Bad request',
      401: 'Unauthorized',
      403: 'Forbidden',
      404: 'Not found',
      405: 'Method not allowed',
      406: 'Not acceptable',
      415: 'Unsupported media type',
    }[status] ?? 'Request failed'
  );
}
