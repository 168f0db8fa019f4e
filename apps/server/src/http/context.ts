/** What routes get from the request: the actor (or null) and helpers that require one. */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../modules/auth/permissions.ts';
import { DomainError } from '../shared/errors.ts';
import { message } from '../shared/messages.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('unauthenticated', message('error.loginFirst'));
  return request.actor;
}

export const SESSION_COOKIE = 'dx_session';
