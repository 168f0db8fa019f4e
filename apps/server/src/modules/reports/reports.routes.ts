/**
 * Yearly reports (generate, review, submit, return, reopen; frozen versions), the emission database
 * view and the inventory tables — each as JSON and as an XLSX, CSV or PDF file.
 */
import {
  CreateYearlyReportBody, EcologicalZoneList, EmissionDatabaseQuery, ExportQuery, IdParams, InventoryQuery, PutEcologicalZoneBody, ReportDetailQuery, ReportDocument,
  ReportFormat, ReportVersionParams, ReturnReportBody, ReviewReportBody, YearlyReportDetail, YearlyReportList, YearlyReportQuery,
} from '@dongxanh/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../../http/context.ts';
import { CONTENT_TYPES } from './documents/render.ts';
import type { ReportsService } from './reports.service.ts';

const tags = ['reports'];
const FileParams = z.object({ format: ReportFormat });

function sendFile(reply: FastifyReply, format: keyof typeof CONTENT_TYPES, fileName: string, body: Buffer) {
  return reply
    .type(CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

export const reportRoutes = ({ reports }: { reports: ReportsService }): FastifyPluginAsyncZod => async (app) => {
  app.get('/yearly-reports', { schema: { tags, summary: 'Yearly reports of your unit (a province also sees its communes\')', querystring: YearlyReportQuery, response: { 200: YearlyReportList } } }, async (request) =>
    reports.list(requireActor(request), request.query),
  );
  app.post('/yearly-reports', { schema: { tags, summary: 'Generate your unit\'s yearly report on a plan from the data (version 1, draft)', body: CreateYearlyReportBody, response: { 201: YearlyReportDetail } } }, async (request, reply) =>
    reply.code(201).send(await reports.create(requireActor(request), request.body)),
  );
  app.get('/yearly-reports/:id', { schema: { tags, summary: 'A report with its versions and the content of one (default: the current)', params: IdParams, querystring: ReportDetailQuery, response: { 200: YearlyReportDetail } } }, async (request) =>
    reports.get(requireActor(request), request.params.id, request.query.version),
  );
  app.post('/yearly-reports/:id/regenerate', { schema: { tags, summary: 'Regenerate the draft from today\'s data (clears the review)', params: IdParams, response: { 200: YearlyReportDetail } } }, async (request) =>
    reports.regenerate(requireActor(request), request.params.id),
  );
  app.post('/yearly-reports/:id/review', { schema: { tags, summary: 'Mark the draft reviewed', params: IdParams, body: ReviewReportBody, response: { 200: YearlyReportDetail } } }, async (request) =>
    reports.review(requireActor(request), request.params.id, request.body.note),
  );
  app.post('/yearly-reports/:id/submit', { schema: { tags, summary: 'Submit the reviewed report up the chain; the version is frozen', params: IdParams, response: { 200: YearlyReportDetail } } }, async (request) =>
    reports.submit(requireActor(request), request.params.id),
  );
  app.post('/yearly-reports/:id/return', { schema: { tags, summary: 'The province returns a commune\'s submitted report with what to correct', params: IdParams, body: ReturnReportBody, response: { 200: YearlyReportDetail } } }, async (request) =>
    reports.returnReport(requireActor(request), request.params.id, request.body.reason),
  );
  app.post('/yearly-reports/:id/reopen', { schema: { tags, summary: 'Open a new version (draft, from today\'s data); the submitted ones stay frozen', params: IdParams, response: { 200: YearlyReportDetail } } }, async (request) =>
    reports.reopen(requireActor(request), request.params.id),
  );
  app.get('/yearly-reports/:id/versions/:version/export/:format', { schema: { tags, summary: 'A version of the report as XLSX, CSV (UTF-8 with BOM) or PDF, in Vietnamese (default) or English', params: ReportVersionParams, querystring: ExportQuery } }, async (request, reply) => {
    const { body, fileName } = await reports.exportVersion(requireActor(request), request.params.id, request.params.version, request.params.format, request.query.lang);
    return sendFile(reply, request.params.format, fileName, body);
  });

  app.get('/emission-database', { schema: { tags, summary: 'Emissions and reductions by crop, ecological zone, technique and crop cycle (any order of groupBy)', querystring: EmissionDatabaseQuery, response: { 200: ReportDocument } } }, async (request) =>
    reports.emissionDatabase(requireActor(request), request.query),
  );
  app.get('/emission-database/export/:format', { schema: { tags, summary: 'The emission database view as XLSX, CSV or PDF', params: FileParams, querystring: EmissionDatabaseQuery.extend(ExportQuery.shape) } }, async (request, reply) => {
    const doc = await reports.emissionDatabase(requireActor(request), request.query);
    return sendFile(reply, request.params.format, `co-so-du-lieu-phat-thai-${request.query.provinceCode}-${request.query.year}.${request.params.format}`, await reports.render(doc, request.params.format, request.query.lang));
  });
  app.get('/inventory', { schema: { tags, summary: 'National inventory tables for IPCC 3.C.7, 3.C.4, 3.C.5, 3.C.3, 3.C.2 and 3.C.1 with activity data and emission factors', querystring: InventoryQuery, response: { 200: ReportDocument } } }, async (request) =>
    reports.inventory(requireActor(request), request.query),
  );
  app.get('/inventory/export/:format', { schema: { tags, summary: 'The inventory tables as XLSX, CSV or PDF', params: FileParams, querystring: InventoryQuery.extend(ExportQuery.shape) } }, async (request, reply) => {
    const doc = await reports.inventory(requireActor(request), request.query);
    return sendFile(reply, request.params.format, `kiem-ke-3C-${request.query.provinceCode}-${request.query.year}.${request.params.format}`, await reports.render(doc, request.params.format, request.query.lang));
  });

  app.get('/ecological-zones', { schema: { tags, summary: 'Ecological zones and the provinces and communes in each', response: { 200: EcologicalZoneList } } }, async (request) =>
    reports.listZones(requireActor(request)),
  );
  app.put('/ecological-zones/:code', { schema: { tags, summary: 'Create or change a zone and the units in it (admin)', params: z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/) }), body: PutEcologicalZoneBody, response: { 204: z.null() } } }, async (request, reply) => {
    await reports.putZone(requireActor(request), request.params.code, request.body);
    return reply.code(204).send(null);
  });
};
