/**
 * Domain errors carry a code, never an HTTP status: exactly one table at the HTTP edge
 * (http/problem.ts) turns codes into statuses, and the CLI turns them into exit codes.
 *
 * A message is either plain English (older throw sites, the CLI's own errors) or a message key
 * with parameters (shared/messages.ts): then `message` is its English text, for the CLI, the logs
 * and requests without Accept-Language, and the HTTP edge renders it in the language asked for.
 */
import { ENTITY_NAMES, message, renderMessage, type EntityName, type LocalisedMessage } from './messages.ts';

export type ErrorCode = 'invalid_input' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rule_violated' | 'too_many_requests';

export interface FieldError {
  path: string;
  message: string;
  /** Set by fieldError(); not enumerable, so it never reaches a JSON body or a deepEqual. */
  readonly localised?: LocalisedMessage;
}

export type ErrorText = string | LocalisedMessage;

const englishOf = (text: ErrorText) => (typeof text === 'string' ? text : renderMessage('en', text));

/** A field error whose message the HTTP edge can render in the user's language. */
export function fieldError(path: string, text: ErrorText): FieldError {
  const error: FieldError = { path, message: englishOf(text) };
  if (typeof text !== 'string') Object.defineProperty(error, 'localised', { value: text, enumerable: false });
  return error;
}

export class DomainError extends Error {
  /** The message key and parameters, when the throw site gave them. */
  readonly localised: LocalisedMessage | undefined;

  constructor(
    readonly code: ErrorCode,
    text: ErrorText,
    readonly details?: { errors?: FieldError[]; [key: string]: unknown },
  ) {
    super(englishOf(text));
    this.name = 'DomainError';
    this.localised = typeof text === 'string' ? undefined : text;
  }
}

export const notFound = (what: EntityName, id: string) => new DomainError('not_found', message('error.notFound', { what: ENTITY_NAMES[what], id }), { id });
export const forbidden = (action: string) => new DomainError('forbidden', message('error.forbidden', { action }));
export const invalidInput = (errors: FieldError[], text: ErrorText = message('error.invalidInput')) => new DomainError('invalid_input', text, { errors });
