/**
 * Domain errors carry a code, never an HTTP status: exactly one table at the HTTP edge
 * (http/problem.ts) turns codes into statuses, and the CLI turns them into exit codes.
 */
export type ErrorCode = 'invalid_input' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rule_violated' | 'too_many_requests';

export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { errors?: FieldError[]; [key: string]: unknown },
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string) => new DomainError('not_found', `${what} ${id} not found`, { id });
export const forbidden = (action: string) => new DomainError('forbidden', `Your role may not ${action}`);
export const invalidInput = (errors: FieldError[], message = 'Invalid input') => new DomainError('invalid_input', message, { errors });
