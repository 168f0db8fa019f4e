/**
 * The one place where domain error codes become HTTP statuses, and every error becomes an RFC 9457
 * application/problem+json body carrying the request id.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorCode, type FieldError } from '../shared/errors.ts';

export const statusByCode = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule_violated: 422,
  too_many_requests: 429,
} as const satisfies Record<ErrorCode, number>;

const titles: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict',
  413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests', 500: 'Internal Server Error',
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
  requestId: string;
  [extension: string]: unknown;
}

export function sendProblem(reply: FastifyReply, status: number, code: string, detail: string, extra: Partial<ProblemBody> = {}) {
  const body: ProblemBody = {
    type: `https://dongxanh.vn/problems/${code}`,
    title: titles[status] ?? 'Error',
    status,
    code,
    detail,
    ...extra,
    requestId: String(reply.request.id),
  };
  return reply.code(status).type('application/problem+json; charset=utf-8').send(body);
}

/** Zod issue paths ('body', 'boundary', 0) become 'boundary[0]'-style paths naming the field. */
function fieldPath(instancePath: string) {
  return instancePath.replace(/^\//, '').split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}

export function onError(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof DomainError) {
    const { errors, ...rest } = err.details ?? {};
    return sendProblem(reply, statusByCode[err.code], err.code, err.message, { ...(errors ? { errors } : {}), ...rest });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors = err.validation.map((v) => ({ path: fieldPath(v.instancePath), message: v.message ?? 'invalid' }));
    return sendProblem(reply, 400, 'invalid_input', `Invalid ${err.validationContext ?? 'request'}: ${errors.map((e) => `${e.path || '(root)'}: ${e.message}`).join('; ')}`, { errors });
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    const code = err.statusCode === 429 ? 'too_many_requests' : err.code?.toLowerCase() ?? 'bad_request';
    return sendProblem(reply, err.statusCode, code, err.message);
  }
  request.log.error({ err }, 'unhandled error');
  return sendProblem(reply, 500, 'internal', 'Internal server error');
}
