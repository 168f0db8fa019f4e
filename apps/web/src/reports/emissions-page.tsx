/**
 * The emission database the plans ask for — emissions and reductions by crop, ecological zone,
 * technique and crop cycle — and the national inventory tables (IPCC 3.C.7, 3.C.4, 3.C.5, 3.C.3,
 * 3.C.2, 3.C.1) for a province (or one commune) and year, each downloadable as XLSX, CSV and PDF.
 */
import { API_BASE } from '../api/client.ts';
import type { AdminUnitPage } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorMessage, Loading } from '../components/feedback.tsx';
import { SelectField } from '../components/fields.tsx';
import { useLang, useT, type MessageKey } from '../i18n/index.tsx';
import { Link, useNavigate, useSearchParams, withQuery } from '../router/index.tsx';
import { thisYear } from '../plans/shared.tsx';
import type { ReportDocument } from '../plans/types.ts';
import { DocumentView } from './document-view.tsx';

const GROUPS = ['crop', 'zone', 'technique', 'season', 'commune'] as const;
type Group = (typeof GROUPS)[number];
const GROUP_KEYS: Record<Group, MessageKey> = { crop: 'reports.group.crop', zone: 'reports.group.zone', technique: 'reports.group.technique', season: 'reports.group.season', commune: 'reports.group.commune' };

export function EmissionsPage() {
  const t = useT();
  const { lang } = useLang();
  const params = useSearchParams();
  const navigate = useNavigate();
  const { user } = useSession();
  const own = user?.adminUnitCode ?? null;
  const communeOf = useApi<{ parentCode: string | null }>(own && own.length === 5 ? `/admin-units/${own}` : null);
  const province = params.get('province') ?? (own?.length === 2 ? own : own?.length === 5 ? communeOf.data?.parentCode ?? null : '92');
  const year = Number(params.get('year')) || thisYear();
  const groups = (params.get('group') ?? 'crop,zone,technique,season').split(',').filter((g): g is Group => (GROUPS as readonly string[]).includes(g));
  const groupBy = groups.length ? groups.join(',') : 'crop';
  const provinces = useApi<AdminUnitPage>(user?.role === 'admin' ? withQuery('/admin-units', { level: 'province', pageSize: 50 }) : null);
  const query = province ? { provinceCode: province, year } : null;
  const database = useApi<ReportDocument>(query ? withQuery('/emission-database', { ...query, groupBy }) : null);
  const inventory = useApi<ReportDocument>(query ? withQuery('/inventory', query) : null);
  const go = (next: Record<string, string | number | null>) => navigate(withQuery('/reports/emissions', { province, year, group: groupBy, ...next }), { replace: true, scroll: false });
  const toggle = (g: Group, on: boolean) => {
    const next = on ? GROUPS.filter((x) => x === g || groups.includes(x)) : groups.filter((x) => x !== g);
    go({ group: next.join(',') || 'crop' });
  };
  const files = (path: string, extra: Record<string, string>) =>
    (['xlsx', 'pdf', 'csv'] as const).map((format) => (
      <a key={format} className="button button--secondary" href={`${API_BASE}${withQuery(`${path}/export/${format}`, { ...query, ...extra, lang })}`} download>
        {t('reports.download', { format: format.toUpperCase() })}
      </a>
    ));

  if (!province) return <Loading />;
  return (
    <div className="emissions">
      <nav className="breadcrumbs" aria-label={t('plans.breadcrumbs')}>
        <Link to="/reports">{t('reports.title')}</Link>
      </nav>
      <header className="page-header">
        <h1>{t('reports.emissionsTitle')}</h1>
        <p className="lead">{t('reports.emissionsIntro')}</p>
      </header>
      <form className="filters card" onSubmit={(e) => e.preventDefault()} aria-label={t('dash.filters')}>
        {provinces.data ? <SelectField id="em-province" label={t('dash.province')} value={province} options={provinces.data.items.map((p) => p.code)} optionLabel={(c) => provinces.data?.items.find((p) => p.code === c)?.name ?? c} onValueChange={(c) => go({ province: c })} /> : null}
        <SelectField id="em-year" label={t('dash.year')} value={String(year)} options={[thisYear(), thisYear() - 1, thisYear() - 2].map(String)} optionLabel={(y) => y} onValueChange={(y) => go({ year: Number(y) })} />
        <fieldset className="field checkbox-group">
          <legend>{t('reports.groupBy')}</legend>
          {GROUPS.map((g) => (
            <label key={g} className="checkbox-inline">
              <input type="checkbox" checked={groups.includes(g)} onChange={(e) => toggle(g, e.target.checked)} /> {t(GROUP_KEYS[g])}
            </label>
          ))}
        </fieldset>
      </form>

      <section aria-labelledby="em-db" className="card">
        <div className="section-head">
          <h2 id="em-db">{t('reports.emissionDatabase')}</h2>
          <div className="download-row">{files('/emission-database', { groupBy })}</div>
        </div>
        {database.status === 'error' ? <ApiErrorMessage error={database.error} onRetry={database.reload} /> : null}
        {database.data ? <DocumentView doc={database.data} headingLevel={3} /> : <Loading />}
      </section>

      <section aria-labelledby="em-inv" className="card">
        <div className="section-head">
          <h2 id="em-inv">{t('reports.inventory')}</h2>
          <div className="download-row">{files('/inventory', {})}</div>
        </div>
        {inventory.status === 'error' ? <ApiErrorMessage error={inventory.error} onRetry={inventory.reload} /> : null}
        {inventory.data ? <DocumentView doc={inventory.data} headingLevel={3} /> : <Loading />}
      </section>
    </div>
  );
}
