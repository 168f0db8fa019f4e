import { AuditVerifyResponse } from '@dongxanh/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.ts';
import type { Services } from '../../services.ts';

export const auditRoutes = ({ audit }: Services): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/audit/verify',
    { schema: { tags: ['audit'], summary: 'Walk the audit log\'s hash chain and report the first broken link (ok: true when intact)', response: { 200: AuditVerifyResponse } } },
    async (request) => audit.verify(requireActor(request)),
  );
};
