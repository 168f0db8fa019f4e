/** Dashboards per province and commune, their map layers, and unit boundaries uploaded by an admin. */
import { BoundaryResponse, DashboardPlotsQuery, DashboardQuery, DashboardSummary, UnitMapQuery, UploadBoundaryBody } from '@dongxanh/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.ts';
import type { DashboardsService } from './dashboards.service.ts';

const tags = ['dashboards'];

export const dashboardRoutes = ({ dashboards }: { dashboards: DashboardsService }): FastifyPluginAsyncZod => async (app) => {
  app.get('/dashboards/summary', {
    schema: {
      tags,
      summary: 'A province or commune for a year (filter by crop and season): progress figures, by commune, the trend by year and season, practices, plans in scope. Read from rollups kept up to date incrementally',
      querystring: DashboardQuery,
      response: { 200: DashboardSummary },
    },
  }, async (request) => dashboards.summary(requireActor(request), request.query));

  app.get('/dashboards/units.geojson', { schema: { tags, summary: 'Communes of a province as GeoJSON, coloured by an indicator: the uploaded boundary where there is one, else a point at the commune\'s plots', querystring: UnitMapQuery } }, async (request, reply) => {
    reply.type('application/geo+json');
    return dashboards.unitsGeoJson(requireActor(request), request.query);
  });

  app.get('/dashboards/plots.geojson', { schema: { tags, summary: 'A commune\'s plots as GeoJSON with the practice (AWD, drained, flooded, no diary) and emission intensity of their season', querystring: DashboardPlotsQuery } }, async (request, reply) => {
    reply.type('application/geo+json');
    return dashboards.plotsGeoJson(requireActor(request), request.query);
  });

  app.put('/admin-units/:code/boundary', {
    schema: { tags, summary: 'Upload a province\'s or commune\'s boundary as GeoJSON (admin); the previous one is kept', params: z.object({ code: z.string().regex(/^[0-9]{2}$|^[0-9]{5}$/) }), body: UploadBoundaryBody, response: { 200: BoundaryResponse } },
  }, async (request) => dashboards.uploadBoundary(requireActor(request), request.params.code, request.body));
};
