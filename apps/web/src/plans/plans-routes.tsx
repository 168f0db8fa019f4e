/**
 * Targets, dashboards, reports and programme management, mounted by app.tsx:
 *   /plans, /plans/:id?year=                    plans and their indicators' progress
 *   /dashboards?province=&commune=&year=…       province → commune → plot
 *   /reports, /reports/:id?version=             yearly reports and their versions and files
 *   /reports/emissions?province=&year=&group=   emission database and inventory tables
 *   /programme?plan=                            tasks, training, land consolidation
 */
import { DashboardPage } from '../dashboards/dashboard-page.tsx';
import type { MessageKey } from '../i18n/index.tsx';
import { ProgrammePage } from '../programme/programme-page.tsx';
import { EmissionsPage } from '../reports/emissions-page.tsx';
import { ReportDetailPage } from '../reports/report-detail-page.tsx';
import { ReportsPage } from '../reports/reports-page.tsx';
import { matchPath } from '../router/index.tsx';
import { PlanDetailPage } from './plan-detail-page.tsx';
import { PlansPage } from './plans-page.tsx';

export const PLANNING_TITLES: Array<[string, MessageKey]> = [
  ['/plans', 'plans.title'],
  ['/plans/:id', 'plans.title'],
  ['/dashboards', 'dash.title'],
  ['/reports', 'reports.title'],
  ['/reports/emissions', 'reports.emissionsTitle'],
  ['/reports/:id', 'reports.title'],
  ['/programme', 'programme.title'],
];

export function planningPage(pathname: string) {
  if (pathname === '/plans') return <PlansPage />;
  const plan = matchPath('/plans/:id', pathname);
  if (plan?.id) return <PlanDetailPage key={plan.id} id={plan.id} />;
  if (pathname === '/dashboards') return <DashboardPage />;
  if (pathname === '/reports') return <ReportsPage />;
  if (pathname === '/reports/emissions') return <EmissionsPage />;
  const report = matchPath('/reports/:id', pathname);
  if (report?.id) return <ReportDetailPage key={report.id} id={report.id} />;
  if (pathname === '/programme') return <ProgrammePage />;
  return null;
}
