/**
 * MRV runs, projects and recalculations over HTTP. A season that cannot be computed answers 422 with
 * `missing: [{ fact, reason }]` beside the problem fields.
 */
import {
  CreateProjectBody, CreateRecalculationBody, IdParams, Problem, ProjectList, ProjectResponse, RecalculationResponse, RecomputeResponse, RunResponse, SeasonRunsResponse,
} from '@dongxanh/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.ts';
import type { Services } from '../../services.ts';

const tags = ['mrv'];
const MissingFacts = Problem.extend({ missing: z.array(z.object({ fact: z.string(), reason: z.string() })).optional() });

export const mrvRunsRoutes = ({ mrvRuns, recalculations }: Services): FastifyPluginAsyncZod => async (app) => {
  app.post(
    '/seasons/:id/runs',
    { schema: { tags, summary: 'Compute and store the season\'s run from its diary facts (it becomes the current run)', params: IdParams, response: { 201: RunResponse, 422: MissingFacts } } },
    async (request, reply) => reply.code(201).send(await mrvRuns.computeSeason(requireActor(request), request.params.id)),
  );
  app.get(
    '/seasons/:id/runs',
    { schema: { tags, summary: 'The season\'s current run (with snapshot and result) and its earlier runs', params: IdParams, response: { 200: SeasonRunsResponse } } },
    async (request) => mrvRuns.listSeasonRuns(requireActor(request), request.params.id),
  );
  app.get('/mrv/runs/:id', { schema: { tags, summary: 'A stored run', params: IdParams, response: { 200: RunResponse } } }, async (request) =>
    mrvRuns.getRun(requireActor(request), request.params.id),
  );
  app.post(
    '/mrv/runs/:id/recompute',
    { schema: { tags, summary: 'Recompute a stored run from its input snapshot and compare with the stored result', params: IdParams, response: { 200: RecomputeResponse } } },
    async (request) => mrvRuns.recompute(requireActor(request), request.params.id),
  );

  app.get('/mrv/projects', { schema: { tags, summary: 'Crediting projects the caller can see', response: { 200: ProjectList } } }, async (request) =>
    mrvRuns.listProjects(requireActor(request)),
  );
  app.post('/mrv/projects', { schema: { tags, summary: 'Create a crediting project (province officers)', body: CreateProjectBody, response: { 201: ProjectResponse } } }, async (request, reply) =>
    reply.code(201).send(await mrvRuns.createProject(requireActor(request), request.body)),
  );
  app.get('/mrv/projects/:id', { schema: { tags, summary: 'A crediting project', params: IdParams, response: { 200: ProjectResponse } } }, async (request) =>
    mrvRuns.getProject(requireActor(request), request.params.id),
  );

  app.post(
    '/mrv/recalculations',
    { schema: { tags, summary: 'Recalculate every season of a province or commune in the background', body: CreateRecalculationBody, response: { 202: RecalculationResponse } } },
    async (request, reply) => reply.code(202).send(await recalculations.start(requireActor(request), request.body)),
  );
  app.get('/mrv/recalculations/:id', { schema: { tags, summary: 'A recalculation\'s progress', params: IdParams, response: { 200: RecalculationResponse } } }, async (request) =>
    recalculations.get(requireActor(request), request.params.id),
  );
  app.post(
    '/mrv/recalculations/:id/resume',
    { schema: { tags, summary: 'Resume a recalculation that stopped (from its checkpoint)', params: IdParams, response: { 202: RecalculationResponse } } },
    async (request, reply) => reply.code(202).send(await recalculations.resume(requireActor(request), request.params.id)),
  );
};
