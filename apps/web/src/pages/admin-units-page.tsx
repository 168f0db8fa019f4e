/**
 * Provinces, and the communes of the one chosen, searchable by name or code. The choice lives in the
 * URL (/admin-units?province=92&q=thoi&page=2) so it survives a reload and the back button. The admin
 * also sees which units have a boundary (drawn on the dashboard map) and uploads one (boundary-upload.tsx).
 */
import { useEffect, useRef, useState } from 'react';
import type { AdminUnitListItem, AdminUnitPage } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { can } from '../auth/abilities.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorMessage, Loading, TableScroll } from '../components/feedback.tsx';
import { Pagination } from '../components/pagination.tsx';
import { useFormat, useT } from '../i18n/index.tsx';
import { thisYear } from '../plans/shared.tsx';
import { Link, useNavigate, useSearchParams, withQuery } from '../router/index.tsx';
import { BoundaryUpload, type BoundaryResponse } from './boundary-upload.tsx';

// 34 provinces since 2025: one page holds them all.
const PROVINCE_PAGE_SIZE = 50;
const COMMUNE_PAGE_SIZE = 20;

const positive = (text: string | null) => {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : 1;
};

export function AdminUnitsPage() {
  const t = useT();
  const navigate = useNavigate();
  const params = useSearchParams();
  const provinceCode = params.get('province');
  const page = positive(params.get('page'));
  const provincePage = positive(params.get('ppage'));
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  const fmt = useFormat();
  const { user } = useSession();
  const mayUpload = can(user?.role, 'geodata:edit');
  const [uploading, setUploading] = useState<{ code: string; name: string } | null>(null);
  const [saved, setSaved] = useState<(BoundaryResponse & { name: string }) | null>(null);
  const uploadRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (uploading) uploadRef.current?.scrollIntoView({ block: 'nearest' });
  }, [uploading]);

  const provinces = useApi<AdminUnitPage>(withQuery('/admin-units', { level: 'province', page: provincePage, pageSize: PROVINCE_PAGE_SIZE }));
  const communes = useApi<AdminUnitPage>(
    provinceCode ? withQuery('/admin-units', { level: 'commune', parentCode: provinceCode, q: q || null, page, pageSize: COMMUNE_PAGE_SIZE }) : null,
  );
  // The list says which units have a current boundary (GET /admin-units, `boundary`).
  const boundaryText = (unit: AdminUnitListItem) => {
    const b = unit.boundary;
    if (!b) return null;
    return `${b.illustrative ? t('boundary.hasIllustrative') : t('boundary.hasOfficial')} · ${fmt.number(b.areaHa, { fixed: 1 })} ha`;
  };
  const goToSearch = (text: string) => navigate(withQuery('/admin-units', { province: provinceCode, ppage: provincePage > 1 ? provincePage : null, q: text.trim() || null }), { scroll: false, replace: true });

  // On phones the communes are below the province list: bring them into view after a choice.
  const communesRef = useRef<HTMLElement | null>(null);
  const chosenBefore = useRef(provinceCode);
  useEffect(() => {
    if (provinceCode === chosenBefore.current) return;
    chosenBefore.current = provinceCode;
    if (provinceCode && window.matchMedia('(max-width: 899px)').matches) communesRef.current?.scrollIntoView({ block: 'start' });
  }, [provinceCode]);

  const province = provinces.data?.items.find((p) => p.code === provinceCode) ?? null;
  const provinceName = province?.name ?? provinceCode ?? '';

  return (
    <div className="admin-units">
      <header className="page-header">
        <h1>{t('units.title')}</h1>
      </header>
      <div className="admin-units__grid">
        <section aria-labelledby="units-provinces-heading">
          <h2 id="units-provinces-heading">{t('units.provinces')}</h2>
          {provinces.status === 'error' ? <ApiErrorMessage error={provinces.error} onRetry={provinces.reload} /> : null}
          {provinces.status === 'loading' && !provinces.data ? <Loading /> : null}
          {provinces.data ? (
            <>
              <p className="muted">{t('units.provincesTotal', { total: provinces.data.total })}</p>
              <ul className="unit-list">
                {provinces.data.items.map((p) => {
                  const selected = p.code === provinceCode;
                  return (
                    <li key={p.code}>
                      <Link
                        to={withQuery('/admin-units', { province: p.code, ppage: provincePage > 1 ? provincePage : null })}
                        className={selected ? 'unit-link unit-link--selected' : 'unit-link'}
                        aria-current={selected ? 'true' : undefined}
                        aria-label={t('units.showCommunes', { name: p.name })}
                      >
                        <span className="unit-link__code">{p.code}</span> <span>{p.name}</span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
              <Pagination
                page={provinces.data.page}
                pageSize={provinces.data.pageSize}
                total={provinces.data.total}
                onPage={(n) => navigate(withQuery('/admin-units', { ppage: n }), { scroll: false })}
              />
            </>
          ) : null}
        </section>

        <section ref={communesRef} className="admin-units__communes" aria-labelledby="units-communes-heading" aria-busy={communes.status === 'loading' && provinceCode !== null}>
          <h2 id="units-communes-heading">{provinceCode ? t('units.communesOf', { name: provinceName }) : t('units.communes')}</h2>
          {!provinceCode ? <p className="muted">{t('units.choose')}</p> : null}
          {provinceCode ? (
            <form className="units-search" role="search" onSubmit={(e) => { e.preventDefault(); goToSearch(search); }}>
              <label htmlFor="units-q">{t('units.search')}</label>
              <div className="units-search__row">
                <input id="units-q" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('units.searchPlaceholder')} />
                <button type="submit" className="button button--secondary">{t('units.searchButton')}</button>
              </div>
            </form>
          ) : null}
          {mayUpload && provinceCode ? (
            <div className="units-boundary" ref={uploadRef}>
              {saved ? (
                <div className="alert alert--success" role="status">
                  <p>{t('boundary.saved', { name: saved.name, ha: fmt.number(saved.areaHa, { fixed: 1 }) })}</p>
                  <p><Link to={withQuery('/dashboards', { province: provinceCode, year: thisYear() })}>{t('boundary.seeOnMap')}</Link></p>
                </div>
              ) : null}
              {uploading ? (
                <BoundaryUpload key={uploading.code} unit={uploading} onCancel={() => setUploading(null)} onSaved={(b) => { setSaved({ ...b, name: uploading.name }); setUploading(null); communes.reload(); provinces.reload(); }} />
              ) : (
                <button type="button" className="button button--small button--secondary" onClick={() => { setSaved(null); setUploading({ code: provinceCode, name: provinceName }); }}>
                  {t('boundary.uploadProvince', { name: provinceName })}
                </button>
              )}
            </div>
          ) : null}
          {provinceCode && communes.status === 'error' ? <ApiErrorMessage error={communes.error} onRetry={communes.reload} /> : null}
          {provinceCode && communes.status === 'loading' && !communes.data ? <Loading /> : null}
          {provinceCode && communes.data ? (
            <>
              <p className="muted">{t('units.communesTotal', { total: communes.data.total })}</p>
              {communes.data.items.length === 0 ? (
                <p>{t('common.empty')}</p>
              ) : (
                <TableScroll label={t('common.tableScroll')}>
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">{t('units.code')}</th>
                        <th scope="col">{t('units.name')}</th>
                        {mayUpload ? <th scope="col">{t('boundary.column')}</th> : null}
                      </tr>
                    </thead>
                    <tbody>
                      {communes.data.items.map((c) => (
                        <tr key={c.code}>
                          <td>{c.code}</td>
                          <th scope="row">{c.name}</th>
                          {mayUpload ? (
                            <td>
                              <div className="units-boundary-cell">
                              {boundaryText(c) ? <span className="badge badge--progress-met">{boundaryText(c)}</span> : null}
                              <button type="button" className="button button--small button--secondary" aria-label={t('boundary.uploadFor', { name: c.name })} onClick={() => { setSaved(null); setUploading({ code: c.code, name: c.name }); }}>
                                {t('boundary.upload')}
                              </button>
                              </div>
                            </td>
                          ) : null}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              )}
              <Pagination
                page={communes.data.page}
                pageSize={communes.data.pageSize}
                total={communes.data.total}
                onPage={(n) => {
                  navigate(withQuery('/admin-units', { province: provinceCode, ppage: provincePage > 1 ? provincePage : null, q: q || null, page: n }), { scroll: false });
                  communesRef.current?.scrollIntoView({ block: 'start' });
                }}
              />
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}
