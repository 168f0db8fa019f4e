/**
 * Targets, dashboards, reports and programme management (capabilities 10–12, issue 7), composed
 * once: plans (plans as data, indicators, progress), dashboards (rollups kept up to date
 * incrementally, maps, boundaries), reports (the yearly report workflow, the emission database,
 * the inventory tables, XLSX/CSV/PDF) and programme (tasks, training, land consolidation).
 * They do not own plots, seasons, activities or MRV runs; they read them.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { dashboardRoutes } from '../dashboards/dashboards.routes.ts';
import { createDashboardsService } from '../dashboards/dashboards.service.ts';
import { programmeRoutes } from '../programme/programme.routes.ts';
import { createProgrammeService } from '../programme/programme.service.ts';
import { reportRoutes } from '../reports/reports.routes.ts';
import { createReportsService } from '../reports/reports.service.ts';
import { planRoutes } from './plans.routes.ts';
import { createPlansService } from './plans.service.ts';

export function createPlanningServices({ db, clock }: { db: Database; clock: Clock }) {
  const dashboards = createDashboardsService({ db, clock });
  const plans = createPlansService({ db, clock, refreshProvince: dashboards.refreshProvince });
  return {
    dashboards,
    plans,
    reports: createReportsService({ db, clock }),
    programme: createProgrammeService({ db, clock }),
  };
}
export type PlanningServices = ReturnType<typeof createPlanningServices>;

export const planningRoutes = (services: PlanningServices): FastifyPluginAsyncZod => async (app) => {
  await app.register(planRoutes(services));
  await app.register(dashboardRoutes(services));
  await app.register(reportRoutes(services));
  await app.register(programmeRoutes(services));
};
