/**
 * The one place where domain error codes become HTTP statuses, and every error becomes an RFC 9457
 * application/problem+json body carrying the request id.
 *
 * Language: `detail` and `errors[].message` follow the request's Accept-Language
 * (shared/messages.ts negotiateLanguage). A request without the header gets English, exactly the
 * texts the API has always answered (API clients, scripts and the CLI rely on them); a request
 * naming `vi` or `en` gets that language, and one naming neither gets Vietnamese. The web app sends
 * its UI language on every call. `code`, `path` and every other member never change with language.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { en as zodEnglish, vi as zodVietnamese } from 'zod/v4/locales';
import { DomainError, type ErrorCode, type FieldError } from '../shared/errors.ts';
import { message, negotiateLanguage, renderMessage, type Lang, type LocalisedMessage, type MessageKey } from '../shared/messages.ts';
import { valueAt } from '../shared/value-at.ts';
import { validationMessageIn } from './validation-messages.ts';

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

export const languageOf = (request: FastifyRequest): Lang => negotiateLanguage(request.headers['accept-language']);

const zodLocales = { vi: zodVietnamese().localeError, en: zodEnglish().localeError };

/**
 * A schema issue's message in the language asked for. Zod's own texts are rendered again with its
 * locale (the original issue is spread into `params` by fastify-type-provider-zod); a text the
 * contract wrote itself ('A phone number has 9 to 15 digits') is translated from our table.
 */
function validationMessage(lang: Lang, issue: { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> }, sent: unknown): string {
  const given = issue.message ?? 'invalid';
  if (lang === 'en') return given;
  const path = issue.instancePath.split('/').filter(Boolean);
  const raw = { ...issue.params, code: issue.keyword, path, message: given, input: valueAt(sent, path) } as Parameters<typeof zodLocales.en>[0];
  return zodIssueMessage(lang, raw, given);
}

type RawIssue = Parameters<typeof zodLocales.en>[0];

/** Zod's own text again in `lang` when `given` is zod's English; otherwise the contract's own text translated. */
function zodIssueMessage(lang: Lang, raw: RawIssue, given: string): string {
  const asText = (out: ReturnType<typeof zodLocales.en>) => (typeof out === 'string' ? out : out?.message);
  if (asText(zodLocales.en(raw)) === given) return asText(zodLocales[lang](raw)) ?? given;
  return validationMessageIn(lang, given);
}

/**
 * A refusal that travels inside a 200 answer (a sync result) in the language asked for: the message
 * keys and zod issues the domain left on it (not enumerable, so never in JSON) are rendered here.
 */
export function localiseRefusal<T extends { detail: string; errors?: FieldError[] | undefined }>(lang: Lang, error: T): T {
  if (lang === 'en') return error;
  const localised = (error as { localised?: LocalisedMessage }).localised;
  const errors = error.errors?.map((e) => {
    const issue = (e as { issue?: RawIssue }).issue;
    const text = e.localised ? renderMessage(lang, e.localised) : issue ? zodIssueMessage(lang, { ...issue, message: e.message } as RawIssue, e.message) : e.message;
    return { path: e.path, message: text };
  });
  return { ...error, detail: localised ? renderMessage(lang, localised) : error.detail, ...(errors ? { errors } : {}) };
}

const validationContextKeys: Record<string, MessageKey> = {
  body: 'validation.context.body',
  querystring: 'validation.context.querystring',
  params: 'validation.context.params',
  headers: 'validation.context.headers',
};

export function onError(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = languageOf(request);
  if (err instanceof DomainError) {
    const { errors, ...rest } = err.details ?? {};
    // Without Accept-Language (lang 'en') the English message stays exactly as thrown.
    const detail = err.localised && lang !== 'en' ? renderMessage(lang, err.localised) : err.message;
    const shown = errors?.map((e) => ({ path: e.path, message: e.localised && lang !== 'en' ? renderMessage(lang, e.localised) : e.message }));
    return sendProblem(reply, statusByCode[err.code], err.code, detail, { ...(shown ? { errors: shown } : {}), ...rest });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = err.validationContext ?? 'request';
    const sent = (request as unknown as Record<string, unknown>)[context === 'querystring' ? 'query' : context];
    const errors = err.validation.map((v) => ({ path: fieldPath(v.instancePath), message: validationMessage(lang, v, sent) }));
    const issues = errors.map((e) => `${e.path || '(root)'}: ${e.message}`).join('; ');
    const detail = lang === 'en'
      ? `Invalid ${context}: ${issues}`
      : renderMessage(lang, message('validation.detail', { context: { key: validationContextKeys[context] ?? 'validation.context.request' }, issues }));
    return sendProblem(reply, 400, 'invalid_input', detail, { errors });
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    const code = err.statusCode === 429 ? 'too_many_requests' : err.code?.toLowerCase() ?? 'bad_request';
    const detail = err.statusCode === 429 && lang !== 'en' ? renderMessage(lang, message('error.tooManyRequests')) : err.message;
    return sendProblem(reply, err.statusCode, code, detail);
  }
  request.log.error({ err }, 'unhandled error');
  return sendProblem(reply, 500, 'internal', lang === 'en' ? 'Internal server error' : renderMessage(lang, message('error.internal')));
}
