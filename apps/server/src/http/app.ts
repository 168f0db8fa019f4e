/**
 * The HTTP application: Fastify with zod schemas from @dongxanh/contracts, an OpenAPI document at
 * /api/openapi.json and offline docs at /api/docs, problem+json errors, cookie sessions and bearer
 * tokens, and the built web app at / (single-page fallback).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Services } from '../services.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { diaryRoutes } from '../modules/diary/diary.routes.ts';
import { importsRoutes } from '../modules/imports/imports.routes.ts';
import { mrvRoutes } from '../modules/mrv/mrv.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { creditsRoutes } from '../modules/credits/credits.routes.ts';
import { planningRoutes } from '../modules/plans/index.ts';
import { mrvRunsRoutes } from '../modules/mrv-runs/runs.routes.ts';
import { verificationRoutes } from '../modules/verification/verification.routes.ts';
import { registryRoutes } from '../modules/registry/registry.routes.ts';
import { labelRoutes } from '../modules/label/label.routes.ts';
import { publicPageRoutes, traceabilityRoutes } from '../modules/traceability/traceability.routes.ts';
import { healthRoutes } from './health.routes.ts';
import { SESSION_COOKIE } from './context.ts';
import { onError, sendProblem } from './problem.ts';

export type App = FastifyInstance;

const defaultWebDist = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

export async function buildApp(services: Services, config: Config, opts: { webDist?: string | null; logger?: boolean } = {}) {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.log.level },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 50 * 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(onError);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Đồng Xanh API',
        version: '1',
        description:
          'Registry, farming diary, MRV, verification, credits, label and traceability for low-emission crop programmes. Errors are RFC 9457 problem+json. '
          + 'Language of errors: `detail` and `errors[].message` follow the Accept-Language request header. Without the header they are English (unchanged for API clients and scripts); '
          + '`Accept-Language: vi` gives Vietnamese, `en` English, and a header naming neither gives Vietnamese. `code`, `errors[].path` and the other members never depend on the language.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          token: { type: 'http', scheme: 'bearer', description: 'API token (dx_…), shown once when created' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Every API request gets its actor (or null) before the route runs.
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const auth = request.headers.authorization;
    const bearerToken = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
    const sessionToken = request.cookies[SESSION_COOKIE];
    if (bearerToken || sessionToken) request.actor = await services.auth.authenticate({ bearerToken, sessionToken });
  });

  await app.register(
    async (api) => {
      await api.register(healthRoutes(services));
      await api.register(authRoutes(services, config));
      await api.register(mrvRoutes());
      await api.register(registryRoutes(services));
      await api.register(diaryRoutes(services));
      await api.register(importsRoutes(services));
      await api.register(traceabilityRoutes(services, config));
      await api.register(labelRoutes(services));
      await api.register(mrvRunsRoutes(services));
      await api.register(verificationRoutes(services));
      await api.register(auditRoutes(services));
      await api.register(creditsRoutes(services));
      await api.register(planningRoutes(services));
    },
    { prefix: '/api/v1' },
  );

  await app.register(publicPageRoutes(services, config));

  const webDist = opts.webDist === undefined ? defaultWebDist : opts.webDist;
  const hasWeb = webDist !== null && existsSync(webDist);
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, maxAge: '1h' });

  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, 404, 'not_found', `No route for ${request.method} ${request.url.split('?')[0]}`);
  });

  return app;
}
