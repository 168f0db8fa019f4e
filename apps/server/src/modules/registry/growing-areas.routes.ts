/** Growing areas (vùng trồng), their application status and their codes. */
import {
  AddGrowingAreaCodeBody,
  ChangeGrowingAreaCodeStatusBody,
  ChangeGrowingAreaStatusBody,
  CreateGrowingAreaBody,
  GrowingAreaCodeParams,
  GrowingAreaDetail,
  GrowingAreaResponse,
  IdParams,
} from '@dongxanh/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.ts';
import type { Services } from '../../services.ts';

const Created = z.object({ id: z.uuid() });
const tags = ['growing areas'];

export const growingAreaRoutes = ({ registry }: Pick<Services, 'registry'>): FastifyPluginAsyncZod => async (app) => {
  app.get('/growing-areas', { schema: { tags, summary: 'Growing areas visible to you, with status history and the codes in force', response: { 200: z.object({ items: z.array(GrowingAreaResponse) }) } } }, async (request) => ({
    items: await registry.listGrowingAreas(requireActor(request)),
  }));

  app.get('/growing-areas/:id', { schema: { tags, summary: 'One growing area: plots, PostGIS area, codes with their history, and the minimum-area rule of Decision 3156/QĐ-BNN-TT', params: IdParams, response: { 200: GrowingAreaDetail } } }, async (request) =>
    registry.getGrowingArea(requireActor(request), request.params.id),
  );

  app.post('/growing-areas', { schema: { tags, summary: 'Group plots into a growing area', body: CreateGrowingAreaBody, response: { 201: Created } } }, async (request, reply) =>
    reply.code(201).send(await registry.createGrowingArea(requireActor(request), request.body)),
  );

  app.post('/growing-areas/:id/status', { schema: { tags, summary: 'Submit, approve, suspend or revoke a growing area', params: IdParams, body: ChangeGrowingAreaStatusBody, response: { 204: z.null() } } }, async (request, reply) => {
    await registry.changeGrowingAreaStatus(requireActor(request), request.params.id, request.body.status, request.body.reason);
    return reply.code(204).send(null);
  });

  app.post('/growing-areas/:id/codes', { schema: { tags, summary: 'Record a domestic or export code issued for the area (422 when the area fails the minimum-area rule; 409 when the code is already recorded)', params: IdParams, body: AddGrowingAreaCodeBody, response: { 201: Created } } }, async (request, reply) =>
    reply.code(201).send(await registry.addGrowingAreaCode(requireActor(request), request.params.id, request.body)),
  );

  app.post('/growing-areas/:id/codes/:codeId/status', { schema: { tags, summary: 'Suspend, reinstate or revoke a code (a reason is required to suspend or revoke; revoked is final)', params: GrowingAreaCodeParams, body: ChangeGrowingAreaCodeStatusBody, response: { 204: z.null() } } }, async (request, reply) => {
    await registry.changeGrowingAreaCodeStatus(requireActor(request), request.params.id, request.params.codeId, request.body.status, request.body.reason);
    return reply.code(204).send(null);
  });
};
