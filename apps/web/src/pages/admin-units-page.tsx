/**
 * Provinces, and the communes of the one chosen. The choice lives in the URL
 * (/admin-units?province=92&page=2) so it survives a reload and the back button.
 */
import { useEffect, useRef } from 'react';
import type { AdminUnitPage } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { ApiErrorMessage, Loading, TableScroll } from '../components/feedback.tsx';
import { Pagination } from '../components/pagination.tsx';
import { useT } from '../i18n/index.tsx';
import { Link, useNavigate, useSearchParams, withQuery } from '../router/index.tsx';

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

  const provinces = useApi<AdminUnitPage>(withQuery('/admin-units', { level: 'province', page: provincePage, pageSize: PROVINCE_PAGE_SIZE }));
  const communes = useApi<AdminUnitPage>(
    provinceCode ? withQuery('/admin-units', { level: 'commune', parentCode: provinceCode, page, pageSize: COMMUNE_PAGE_SIZE }) : null,
  );
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
                      </tr>
                    </thead>
                    <tbody>
                      {communes.data.items.map((c) => (
                        <tr key={c.code}>
                          <td>{c.code}</td>
                          <th scope="row">{c.name}</th>
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
                  navigate(withQuery('/admin-units', { province: provinceCode, ppage: provincePage > 1 ? provincePage : null, page: n }), { scroll: false });
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
