import {
  CreateImportQuery,
  CreateImportResponse,
  IdParams,
  ImportJob,
  ImportJobList,
  ImportTemplateParams,
  Vn2000ZoneList,
} from '@dongxanh/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/context.ts';
import type { Services } from '../../services.ts';
import { DomainError, fieldError } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';
import type { findJob } from './import-jobs.repository.ts';

type StoredJob = NonNullable<Awaited<ReturnType<typeof findJob>>>;

function presentJob(job: StoredJob) {
  return {
    id: job.id,
    kind: job.kind,
    format: job.format,
    crs: job.crs,
    fileName: job.fileName,
    fileSize: job.fileSize,
    status: job.status,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    importedRows: job.importedRows,
    refused: job.refusals.map((r) => ({ row: r.row, field: r.field, message: r.message, reason: r.reason })),
    refusedCount: job.refusedCount,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export const importsRoutes = ({ imports }: Services): FastifyPluginAsyncZod => async (app) => {
  // The file is the raw body, whatever type the browser gives it (a .geojson often has none, a .csv on
  // Windows is "application/vnd.ms-excel"): the `format` parameter says how to read it.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  // The queue starts with the server and is waited for when it stops.
  app.addHook('onReady', async () => imports.start());
  app.addHook('onClose', async () => imports.stop());

  app.get('/imports/templates/:name', { schema: { tags: ['imports'], summary: 'Template for household or plot imports (CSV or XLSX with a Vietnamese/English guide sheet)', security: [], params: ImportTemplateParams } }, async (request, reply) => {
    const { body, contentType } = await imports.template(request.params.name);
    return reply
      .type(contentType)
      .header('content-disposition', `attachment; filename="dongxanh-${request.params.name}"`)
      .header('cache-control', 'public, max-age=3600')
      .send(body);
  });

  app.get('/imports/vn2000-zones', { schema: { tags: ['imports'], summary: 'VN-2000 central meridians by 2025 province (for crs=vn2000)', security: [], response: { 200: Vn2000ZoneList } } }, async () => ({
    items: imports.vn2000Zones(),
  }));

  app.post(
    '/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'Upload a file to import (the raw file is the body); answers 202 with the job to poll. All rows are imported or none.',
        querystring: CreateImportQuery,
        response: { 202: CreateImportResponse },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (request.headers['content-type']?.startsWith('multipart/')) {
        throw new DomainError('invalid_input', message('imports.notMultipart'), { errors: [fieldError('body', message('imports.notMultipartField'))] });
      }
      if (!Buffer.isBuffer(request.body)) throw new DomainError('invalid_input', message('imports.sendFile'), { errors: [fieldError('body', message('imports.missingFile'))] });
      const { kind, format, crs, province, meridian, organisationId, fileName } = request.query;
      const job = await imports.submit(actor, { kind, format, crs, province, meridian, organisationId, fileName }, request.body);
      return reply.code(202).send(job);
    },
  );

  app.get('/imports', { schema: { tags: ['imports'], summary: 'Your recent import jobs (at most 20 refused rows each)', response: { 200: ImportJobList } } }, async (request) => ({
    items: (await imports.listJobs(requireActor(request))).map(presentJob),
  }));

  app.get('/imports/:id', { schema: { tags: ['imports'], summary: 'One import job: progress, result, every refused row', params: IdParams, response: { 200: ImportJob } } }, async (request) =>
    presentJob(await imports.getJob(requireActor(request), request.params.id)),
  );
};
