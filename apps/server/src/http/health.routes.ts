import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../services.ts';

const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['postgresql', 'pglite']),
  schemaVersion: z.string().nullable(),
  version: z.string(),
  methodVersion: z.string(),
});

export const healthRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/health', { schema: { tags: ['system'], summary: 'Liveness, database kind and schema version', security: [], response: { 200: HealthResponse } } }, async () => ({
    status: 'ok' as const,
    ...(await services.system.health()),
  }));
};
