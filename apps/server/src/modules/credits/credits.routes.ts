/** Credit accounts, issuance, transfers, retirements, the registry export and acknowledgements over HTTP. */
import {
  CreateAccountBody, CreditAccountList, CreditAccountResponse, IdParams, IssuanceResponse, IssueCreditsBody, MovementsResponse, ProjectCreditsResponse,
  RegistryAcknowledgementBody, RegistryAcknowledgementResponse, RegistryExport, RegistryExportQuery, RetireBody, TransferBody,
} from '@dongxanh/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.ts';
import type { Services } from '../../services.ts';

const tags = ['credits'];

export const creditsRoutes = ({ credits }: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/credits/accounts', { schema: { tags, summary: 'Credit accounts the caller can see, with balances per project and vintage', response: { 200: CreditAccountList } } }, async (request) =>
    credits.listAccounts(requireActor(request)),
  );
  app.post('/credits/accounts', { schema: { tags, summary: 'Open a credit account for an organisation', body: CreateAccountBody, response: { 201: CreditAccountResponse } } }, async (request, reply) =>
    reply.code(201).send(await credits.createAccount(requireActor(request), request.body)),
  );
  app.post('/credits/issuances', { schema: { tags, summary: 'Issue the credits of a verified submission (province officers): one serial range per project and vintage', body: IssueCreditsBody, response: { 201: IssuanceResponse } } }, async (request, reply) =>
    reply.code(201).send(await credits.issue(requireActor(request), request.body)),
  );
  app.post('/credits/transfers', { schema: { tags, summary: 'Transfer units to another account (the holder)', body: TransferBody, response: { 201: MovementsResponse } } }, async (request, reply) =>
    reply.code(201).send(await credits.transfer(requireActor(request), request.body)),
  );
  app.post('/credits/retirements', { schema: { tags, summary: 'Retire units for a beneficiary, with a reason (the holder)', body: RetireBody, response: { 201: MovementsResponse } } }, async (request, reply) =>
    reply.code(201).send(await credits.retire(requireActor(request), request.body)),
  );
  app.get('/credits/projects/:id', { schema: { tags, summary: 'A project\'s credits: issued, active, retired, and every movement with its registry status', params: IdParams, response: { 200: ProjectCreditsResponse } } }, async (request) =>
    credits.projectCredits(requireActor(request), request.params.id),
  );
  app.get(
    '/credits/registry-export',
    { schema: { tags, summary: 'Export a project\'s issuances, transfers and retirements for the national registry (JSON or CSV; see registry-format.md)', querystring: RegistryExportQuery, response: { 200: z.union([RegistryExport, z.string()]) } } },
    async (request, reply) => {
      const doc = await credits.registryExport(requireActor(request), request.query.projectId);
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="registry-${doc.project.code}.csv"`)
          .serializer((payload: unknown) => payload as string)
          .send(credits.registryCsv(doc));
      }
      return doc;
    },
  );
  app.post('/credits/registry-acknowledgements', { schema: { tags, summary: 'Import the national registry\'s acknowledgement (status per serial range)', body: RegistryAcknowledgementBody, response: { 201: RegistryAcknowledgementResponse } } }, async (request, reply) =>
    reply.code(201).send(await credits.importAcknowledgement(requireActor(request), request.body)),
  );
};
