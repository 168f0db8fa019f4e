import { ApiTokenResponse, CreateApiTokenBody, CreatedApiTokenResponse, CreateUserBody, IdParams, LoginBody, SessionResponse } from '@dongxanh/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { requireActor, SESSION_COOKIE } from '../../http/context.ts';
import type { Services } from '../../services.ts';
import type { UserRecord } from './auth.repository.ts';

const presentUser = (u: UserRecord) => ({
  id: u.id,
  displayName: u.displayName,
  role: u.role,
  organisationId: u.organisationId,
  householdId: u.householdId,
  adminUnitCode: u.adminUnitCode,
  locale: u.locale,
});
type TokenRow = { createdAt: Date; expiresAt: Date | null; lastUsedAt: Date | null; revokedAt: Date | null };
const presentToken = <T extends TokenRow>(t: T) => ({
  ...t,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

export const authRoutes = (services: Services, config: Config): FastifyPluginAsyncZod => async (app) => {
  const tags = ['auth'];
  app.post(
    '/auth/login',
    {
      schema: { tags, summary: 'Log in with a phone number or e-mail and a password; sets the session cookie', security: [], body: LoginBody, response: { 200: SessionResponse } },
      // Counted per client address and login after the body is parsed: a guesser is slowed on each
      // account, while a cooperative office sharing one address can still log in its members.
      config: {
        rateLimit: {
          max: config.auth.loginRateLimitPerMinute,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (request) => `${request.ip}|${String((request.body as { login?: unknown } | undefined)?.login ?? '').trim().toLowerCase()}`,
        },
      },
    },
    async (request, reply) => {
      const { user, sessionToken, expiresAt } = await services.auth.login(request.body.login, request.body.password);
      reply.setCookie(SESSION_COOKIE, sessionToken, { httpOnly: true, sameSite: 'lax', path: '/', secure: config.production, expires: expiresAt });
      return { user: presentUser(user) };
    },
  );

  app.post('/auth/logout', { schema: { tags, summary: 'End the session', response: { 204: z.null() } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await services.auth.logout(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/auth/me', { schema: { tags, summary: 'The logged-in user', response: { 200: SessionResponse } } }, async (request) => ({
    user: presentUser(await services.auth.me(requireActor(request))),
  }));

  app.post('/users', { schema: { tags, summary: 'Create a user account within your scope', body: CreateUserBody, response: { 201: z.object({ id: z.uuid(), displayName: z.string(), role: z.string() }) } } }, async (request, reply) => {
    const user = await services.auth.createUser(requireActor(request), request.body);
    return reply.code(201).send(user);
  });

  app.get('/auth/tokens', { schema: { tags, summary: 'Your API tokens (never the secret)', response: { 200: z.object({ items: z.array(ApiTokenResponse) }) } } }, async (request) => ({
    items: (await services.auth.listApiTokens(requireActor(request))).map(presentToken),
  }));

  app.post('/auth/tokens', { schema: { tags, summary: 'Create an API token for a machine; the token is shown only in this response', body: CreateApiTokenBody, response: { 201: CreatedApiTokenResponse } } }, async (request, reply) => {
    const token = await services.auth.createApiToken(requireActor(request), request.body);
    return reply.code(201).send(presentToken(token));
  });

  app.delete('/auth/tokens/:id', { schema: { tags, summary: 'Revoke an API token', params: IdParams, response: { 204: z.null() } } }, async (request, reply) => {
    await services.auth.revokeApiToken(requireActor(request), request.params.id);
    return reply.code(204).send(null);
  });
};
