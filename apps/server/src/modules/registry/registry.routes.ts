import {
  AddHouseholdMemberBody,
  AdminUnitPage,
  AdminUnitQuery,
  CreateHouseholdBody,
  CreateOrganisationBody,
  HouseholdDetail,
  HouseholdPage,
  HouseholdQuery,
  IdParams,
  OrganisationDetail,
  OrganisationPage,
  PageQuery,
  PlotBoundaryHistory,
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
import { growingAreaRoutes } from './growing-areas.routes.ts';

const Created = z.object({ id: z.uuid() });
const point = (geoJson: string) => JSON.parse(geoJson).coordinates as [number, number];

export const registryRoutes = ({ registry }: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/admin-units', { schema: { tags: ['registry'], summary: 'Provinces and communes in force (2025)', security: [], querystring: AdminUnitQuery, response: { 200: AdminUnitPage } } }, async (request) =>
    registry.listAdminUnits(request.query),
  );
  app.get('/admin-units/:code', { schema: { tags: ['registry'], summary: 'One unit by its 2025 code, or a pre-2025 commune code resolved to its 2025 commune', security: [], params: z.object({ code: z.string().regex(/^\d{1,5}$/) }), response: { 200: ResolvedAdminUnitResponse } } }, async (request) =>
    registry.resolveAdminUnit(request.params.code),
  );

  app.get('/organisations', { schema: { tags: ['registry'], summary: 'Organisations visible to you', querystring: PageQuery, response: { 200: OrganisationPage } } }, async (request) =>
    registry.listOrganisations(requireActor(request), request.query.page, request.query.pageSize),
  );
  app.get('/organisations/:id', { schema: { tags: ['registry'], summary: 'One organisation with its user accounts, households, plots and area (404 outside your scope)', params: IdParams, response: { 200: OrganisationDetail } } }, async (request) =>
    registry.getOrganisation(requireActor(request), request.params.id),
  );
  app.post('/organisations', { schema: { tags: ['registry'], summary: 'Register an organisation', body: CreateOrganisationBody, response: { 201: Created } } }, async (request, reply) =>
    reply.code(201).send(await registry.createOrganisation(requireActor(request), request.body)),
  );

  app.get('/households', { schema: { tags: ['registry'], summary: "Households visible to you, paginated; q searches the head's name (ignoring case and diacritics) or phone number", querystring: HouseholdQuery, response: { 200: HouseholdPage } } }, async (request) =>
    registry.listHouseholds(requireActor(request), request.query),
  );
  app.get('/households/:id', { schema: { tags: ['registry'], summary: 'One household with its members and plots (personal data: only within your scope)', params: IdParams, response: { 200: HouseholdDetail } } }, async (request) =>
    registry.getHousehold(requireActor(request), request.params.id),
  );
  app.post('/households/:id/members', { schema: { tags: ['registry'], summary: 'Add a member to a household', params: IdParams, body: AddHouseholdMemberBody, response: { 201: Created } } }, async (request, reply) =>
    reply.code(201).send(await registry.addHouseholdMember(requireActor(request), request.params.id, request.body)),
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

  app.get('/plots/:id/boundaries', { schema: { tags: ['registry'], summary: 'Every boundary the plot has had, oldest first (the current one, validTo null, last)', params: IdParams, response: { 200: PlotBoundaryHistory } } }, async (request) => ({
    items: await registry.plotBoundaries(requireActor(request), request.params.id),
  }));

  app.post('/plots', { schema: { tags: ['registry'], summary: 'Register a plot; its area is computed by PostGIS. 409 with `overlaps` when the boundary overlaps a plot by more than 1 m², unless overlapOverride.reason is given (then recorded)', body: RegisterPlotBody, response: { 201: Created } } }, async (request, reply) =>
    reply.code(201).send(await registry.registerPlot(requireActor(request), request.body)),
  );
  app.patch('/plots/:id', { schema: { tags: ['registry'], summary: 'Rename a plot or redraw its boundary (the previous boundary is kept in its history; same overlap rule as registering)', params: IdParams, body: UpdatePlotBody, response: { 204: z.null() } } }, async (request, reply) => {
    await registry.updatePlot(requireActor(request), request.params.id, request.body);
    return reply.code(204).send(null);
  });

  await app.register(growingAreaRoutes({ registry }));
};
