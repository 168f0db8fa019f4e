/** Submissions, their review and verification, samples, findings and evidence over HTTP. */
import {
  CreateSubmissionBody, EvidencePack, HeldSeasonsResponse, EvidenceParams, FindingBody, ReasonBody, SubmissionDetail, SubmissionPage, SubmissionParams, SubmissionQuery,
} from '@dongxanh/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.ts';
import type { Services } from '../../services.ts';

const tags = ['verification'];

export const verificationRoutes = ({ verification }: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/submissions', { schema: { tags, summary: 'Submissions the caller can see (latest revisions unless includeSuperseded)', querystring: SubmissionQuery, response: { 200: SubmissionPage } } }, async (request) =>
    verification.list(requireActor(request), request.query),
  );
  app.post('/submissions', { schema: { tags, summary: 'Create a draft submission of a cooperative\'s plot-seasons for a monitoring period', body: CreateSubmissionBody, response: { 201: SubmissionDetail } } }, async (request, reply) =>
    reply.code(201).send(await verification.create(requireActor(request), request.body)),
  );
  app.get('/submissions/held-seasons', { schema: { tags, summary: 'Plot-seasons already in a live submission (one at a time)', response: { 200: HeldSeasonsResponse } } }, async (request) =>
    verification.heldSeasons(requireActor(request)),
  );
  app.get('/submissions/:id', { schema: { tags, summary: 'A submission with its plot-seasons, runs, events, sample, findings, revisions and the caller\'s allowed actions', params: SubmissionParams, response: { 200: SubmissionDetail } } }, async (request) =>
    verification.get(requireActor(request), request.params.id),
  );
  app.post('/submissions/:id/submit', { schema: { tags, summary: 'Submit (cooperative): computes missing runs and pins each plot-season\'s run', params: SubmissionParams, response: { 200: SubmissionDetail } } }, async (request) =>
    verification.transition(requireActor(request), request.params.id, 'submit'),
  );
  app.post('/submissions/:id/review', { schema: { tags, summary: 'Mark reviewed (commune or province officer; not the submitter or a recorder)', params: SubmissionParams, response: { 200: SubmissionDetail } } }, async (request) =>
    verification.transition(requireActor(request), request.params.id, 'review'),
  );
  app.post('/submissions/:id/verify', { schema: { tags, summary: 'Verify (independent verifier; not the reviewer): locks the seasons', params: SubmissionParams, response: { 200: SubmissionDetail } } }, async (request) =>
    verification.transition(requireActor(request), request.params.id, 'verify'),
  );
  app.post('/submissions/:id/return', { schema: { tags, summary: 'Return with reasons (the reviewer, or the verifier rejecting it)', params: SubmissionParams, body: ReasonBody, response: { 200: SubmissionDetail } } }, async (request) =>
    verification.transition(requireActor(request), request.params.id, 'return', request.body.reason),
  );
  app.post('/submissions/:id/corrections', { schema: { tags, summary: 'Correct verified data: opens a new draft revision; the verified one stays readable', params: SubmissionParams, body: ReasonBody, response: { 201: SubmissionDetail } } }, async (request, reply) =>
    reply.code(201).send(await verification.correct(requireActor(request), request.params.id, request.body.reason)),
  );
  app.post('/submissions/:id/sample', { schema: { tags, summary: 'Draw the verifier\'s field-check sample (once; the seed is stored)', params: SubmissionParams, response: { 200: SubmissionDetail } } }, async (request) =>
    verification.drawSample(requireActor(request), request.params.id),
  );
  app.post('/submissions/:id/findings', { schema: { tags, summary: 'Record the verifier\'s finding for a sampled plot-season', params: SubmissionParams, body: FindingBody, response: { 200: SubmissionDetail } } }, async (request) =>
    verification.recordFinding(requireActor(request), request.params.id, request.body),
  );
  app.get('/submissions/:id/evidence/:seasonId', { schema: { tags, summary: 'The evidence pack of one plot-season: diary, photos with positions, readings, facts, the run, the finding', params: EvidenceParams, response: { 200: EvidencePack } } }, async (request) =>
    verification.evidence(requireActor(request), request.params.id, request.params.seasonId),
  );
};
