/** Plans, indicators, targets and entered values; the records behind a computed figure. */
import {
  CreateIndicatorBody,
  CreatePlanBody,
  EnterValueBody,
  EvidencePage,
  EvidenceQuery,
  IdParams,
  PlanDetail,
  PlanDetailQuery,
  PlanList,
  PlanListQuery,
  SetTargetBody,
  TargetParams,
  UpdateIndicatorBaselineBody,
  UpdatePlanBody,
} from '@dongxanh/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.ts';
import type { PlansService } from './plans.service.ts';

const Created = z.object({ id: z.uuid() });
const tags = ['plans'];

export const planRoutes = ({ plans }: { plans: PlansService }): FastifyPluginAsyncZod => async (app) => {
  app.get('/plans', { schema: { tags, summary: 'Plans of your province or commune (the admin sees all), with task counts and overdue tasks', querystring: PlanListQuery, response: { 200: PlanList } } }, async (request) =>
    plans.listPlans(requireActor(request), request.query),
  );
  app.get('/plans/:id', {
    schema: {
      tags,
      summary: 'A plan with every indicator: targets, and for the year (default: this year) the value computed from the records or entered with its source, the target that applies, and progress',
      params: IdParams,
      querystring: PlanDetailQuery,
      response: { 200: PlanDetail },
    },
  }, async (request) => plans.getPlan(requireActor(request), request.params.id, request.query));
  app.post('/plans', { schema: { tags, summary: 'Create a plan for your province or commune', body: CreatePlanBody, response: { 201: Created } } }, async (request, reply) =>
    reply.code(201).send(await plans.createPlan(requireActor(request), request.body)),
  );
  app.patch('/plans/:id', { schema: { tags, summary: 'Rename a plan, set its number or its yearly report deadline', params: IdParams, body: UpdatePlanBody, response: { 204: z.null() } } }, async (request, reply) => {
    await plans.updatePlan(requireActor(request), request.params.id, request.body);
    return reply.code(204).send(null);
  });
  app.post('/plans/:id/indicators', { schema: { tags, summary: 'Add an indicator: entered, or computed:<name> from the records', params: IdParams, body: CreateIndicatorBody, response: { 201: Created } } }, async (request, reply) =>
    reply.code(201).send(await plans.addIndicator(requireActor(request), request.params.id, request.body)),
  );
  app.put('/indicators/:id/baseline', { schema: { tags, summary: 'Set an indicator\'s baseline with its source (e.g. the traditional-practice N rate a reduction is measured against)', params: IdParams, body: UpdateIndicatorBaselineBody, response: { 204: z.null() } } }, async (request, reply) => {
    await plans.setBaseline(requireActor(request), request.params.id, request.body);
    return reply.code(204).send(null);
  });
  app.put('/indicators/:id/targets/:year', { schema: { tags, summary: 'Set the target of a year (per breakdown row, if the plan\'s table has rows)', params: TargetParams, body: SetTargetBody, response: { 204: z.null() } } }, async (request, reply) => {
    await plans.setTarget(requireActor(request), request.params.id, request.params.year, request.body);
    return reply.code(204).send(null);
  });
  app.post('/indicators/:id/values', { schema: { tags, summary: 'Enter a value with its source; an earlier value for the same year is kept, marked superseded', params: IdParams, body: EnterValueBody, response: { 201: Created } } }, async (request, reply) =>
    reply.code(201).send(await plans.enterValue(requireActor(request), request.params.id, request.body)),
  );
  app.get('/indicators/:id/evidence', { schema: { tags, summary: 'The records a computed figure stands on: the season summaries of its scope, crop and year, with each season\'s own figure', params: IdParams, querystring: EvidenceQuery, response: { 200: EvidencePage } } }, async (request) =>
    plans.evidence(requireActor(request), request.params.id, request.query),
  );
};
