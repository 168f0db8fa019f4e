import {
  AdminUnitPage,
  AdminUnitQuery,
  ChangeGrowingAreaStatusBody,
  CreateGrowingAreaBody,
  CreateHouseholdBody,
  CreateOrganisationBody,
  GrowingAreaResponse,
  HouseholdPage,
  IdParams,
  ImportPlotsQuery,
  ImportPlotsResponse,
  OrganisationPage,
  PageQuery,
  PlotDetail,
  PlotPage,
  PlotQuery,
  RegisterPlotBody,
  ResolvedAdminUnitResponse,
  UpdatePlotBody,
} from '@dongxanh/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.ts';
import type { Services } from '../../services.ts';

const Created = z.object({ id: z.uuid() });
const point = (geoJson: string) => JSON.parse(geoJson).coordinates as [number, number];

export const registryRoutes = ({ registry }: Services): FastifyPluginAsyncZod => async (app) => {
  // Import files arrive as text bodies.
  for (const type of ['text/csv', 'application/geo+json']) {
    app.addContentTypeParser(type, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  }

  app.get('/admin-units', { schema: { tags: ['registry'], summary: 'Provinces and communes in force (2025)', security: [], querystring: AdminUnitQuery, response: { 200: AdminUnitPage } } }, async (request) =>
    registry.listAdminUnits(request.query),
  );
  app.get('/admin-units/:code', { schema: { tags: ['registry'], summary: 'One unit by its 2025 code, or a pre-2025 commune code resolved to its 2025 commune', security: [], params: z.object({ code: z.string().regex(/^\d{1,5}$/) }), response: { 200: ResolvedAdminUnitResponse } } }, async (request) =>
    registry.resolveAdminUnit(request.params.code),
  );

  app.get('/organisations', { schema: { tags: ['registry'], summary: 'Organisations visible to you', querystring: PageQuery, response: { 200: OrganisationPage } } }, async (request) =>
    registry.listOrganisations(requireActor(request), request.query.page, request.query.pageSize),
  );
  app.post('/organisations', { schema: { tags: ['registry'], summary: 'Register an organisation', body: CreateOrganisationBody, response: { 201: Created } } }, async (request, reply) =>
    reply.code(201).send(await registry.createOrganisation(requireActor(request), request.body)),
  );

  app.get('/households', { schema: { tags: ['registry'], summary: 'Households visible to you', querystring: PageQuery.extend({ organisationId: z.uuid().optional() }), response: { 200: HouseholdPage } } }, async (request) =>
    registry.listHouseholds(requireActor(request), request.query),
  );
  app.post('/households', { schema: { tags: ['registry'], summary: 'Register a household', body: CreateHouseholdBody, response: { 201: Created } } }, async (request, reply) =>
    reply.code(201).send(await registry.createHousehold(requireActor(request), request.body)),
  );

  app.get('/plots', { schema: { tags: ['registry'], summary: 'Plots visible to you, paginated', querystring: PlotQuery, response: { 200: PlotPage } } }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    const result = await registry.listPlots(requireActor(request), filter, page, pageSize);
    return { ...result, items: result.items.map(({ centroidJson, ...p }) => ({ ...p, centroid: point(centroidJson) })) };
  });

  app.get('/plots.geojson', { schema: { tags: ['registry'], summary: 'Plot boundaries visible to you as a GeoJSON FeatureCollection (for maps)', querystring: PlotQuery.omit({ page: true, pageSize: true }) } }, async (request, reply) => {
    const rows = await registry.plotsGeoJson(requireActor(request), request.query);
    reply.type('application/geo+json');
    return {
      type: 'FeatureCollection',
      features: rows.map(({ boundaryJson, ...properties }) => ({ type: 'Feature', id: properties.id, properties, geometry: JSON.parse(boundaryJson) })),
    };
  });

  app.get('/plots/:id', { schema: { tags: ['registry'], summary: 'One plot with its boundary and overlapping plots', params: IdParams, response: { 200: PlotDetail } } }, async (request) => {
    const { centroidJson, boundaryJson, createdAt, updatedAt, ...plot } = await registry.getPlot(requireActor(request), request.params.id);
    return { ...plot, centroid: point(centroidJson), boundary: JSON.parse(boundaryJson), createdAt: createdAt.toISOString(), updatedAt: updatedAt?.toISOString() ?? null };
  });

  app.post('/plots', { schema: { tags: ['registry'], summary: 'Register a plot; its area is computed by PostGIS', body: RegisterPlotBody, response: { 201: Created } } }, async (request, reply) =>
    reply.code(201).send(await registry.registerPlot(requireActor(request), request.body)),
  );
  app.patch('/plots/:id', { schema: { tags: ['registry'], summary: 'Rename a plot or redraw its boundary', params: IdParams, body: UpdatePlotBody, response: { 204: z.null() } } }, async (request, reply) => {
    await registry.updatePlot(requireActor(request), request.params.id, request.body);
    return reply.code(204).send(null);
  });

  app.post('/imports/plots', { schema: { tags: ['registry'], summary: 'Import plots from a GeoJSON or CSV file (all-or-nothing; 422 lists every refused row)', querystring: ImportPlotsQuery, body: z.string().min(1, 'The file is empty'), response: { 200: ImportPlotsResponse } } }, async (request) =>
    registry.importPlots(requireActor(request), request.query.format, request.body, { organisationId: request.query.organisationId }),
  );

  app.get('/growing-areas', { schema: { tags: ['registry'], summary: 'Growing areas visible to you, with status history', response: { 200: z.object({ items: z.array(GrowingAreaResponse) }) } } }, async (request) => ({
    items: await registry.listGrowingAreas(requireActor(request)),
  }));
  app.post('/growing-areas', { schema: { tags: ['registry'], summary: 'Group plots into a growing area', body: CreateGrowingAreaBody, response: { 201: Created } } }, async (request, reply) =>
    reply.code(201).send(await registry.createGrowingArea(requireActor(request), request.body)),
  );
  app.post('/growing-areas/:id/status', { schema: { tags: ['registry'], summary: 'Submit, approve, suspend or revoke a growing area', params: IdParams, body: ChangeGrowingAreaStatusBody, response: { 204: z.null() } } }, async (request, reply) => {
    await registry.changeGrowingAreaStatus(requireActor(request), request.params.id, request.body.status, request.body.reason);
    return reply.code(204).send(null);
  });
};
