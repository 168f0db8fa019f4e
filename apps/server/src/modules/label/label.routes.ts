/** The "Phát thải thấp" label API: schemes, evaluations, certificates. */
import { CertificateListResponse, CertificateResponse, CertificateStatusBody, EvaluateBody, EvaluationResponse, IdParams, IssueCertificateBody, LabelSchemeResponse } from '@dongxanh/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.ts';
import type { Services } from '../../services.ts';

const tags = ['label'];

export const labelRoutes = ({ label }: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/label/schemes', { schema: { tags, summary: 'Label schemes and their criteria (data)', response: { 200: z.object({ items: z.array(LabelSchemeResponse) }) } } }, async (request) =>
    ({ items: await label.listSchemes(requireActor(request)) }),
  );
  app.post('/label/evaluations', { schema: { tags, summary: 'Evaluate a season or a lot against a scheme; every criterion\'s result is returned and stored', body: EvaluateBody, response: { 201: EvaluationResponse } } }, async (request, reply) =>
    reply.code(201).send(await label.evaluate(requireActor(request), request.body)),
  );
  app.get('/label/certificates', { schema: { tags, summary: 'Certificates of organisations visible to you', querystring: z.object({ lotId: z.uuid().optional() }), response: { 200: CertificateListResponse } } }, async (request) =>
    label.listCertificates(requireActor(request), request.query),
  );
  app.get('/label/certificates/:id', { schema: { tags, summary: 'One certificate with its status history', params: IdParams, response: { 200: CertificateResponse } } }, async (request) =>
    label.getCertificate(requireActor(request), request.params.id),
  );
  app.post('/label/certificates', { schema: { tags, summary: 'Issue a certificate: a low-emission label on a lot (quantity held against the eligible harvest), or VietGAP/organic', body: IssueCertificateBody, response: { 201: CertificateResponse } } }, async (request, reply) =>
    reply.code(201).send(await label.issueCertificate(requireActor(request), request.body)),
  );
  app.post('/label/certificates/:id/status', { schema: { tags, summary: 'Suspend, reinstate or revoke a certificate, with the reason (revocation is final); the public page shows it at once', params: IdParams, body: CertificateStatusBody, response: { 200: CertificateResponse } } }, async (request) =>
    label.changeStatus(requireActor(request), request.params.id, request.body.status, request.body.reason),
  );
};
