/**
 * Growing areas (vùng trồng): groups of plots with a crop and a production standard, the unit that
 * domestic and export growing-area codes are issued for. The list, and a form that groups plots into
 * a new area.
 */
import { useState, type FormEvent } from 'react';
import { apiRequest } from '../api/client.ts';
import type { CreateGrowingAreaBody, GrowingArea, GrowingAreaStandard, GrowingAreaStatus, PlotPage } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { can } from '../auth/abilities.ts';
import { useSession } from '../auth/session.tsx';
import type { Column } from '../components/data-table.tsx';
import { ApiErrorMessage } from '../components/feedback.tsx';
import { SelectField, TextField } from '../components/fields.tsx';
import { FormError, formErrorsFrom, type FormErrors } from '../components/form-errors.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ResultList } from '../components/result-list.tsx';
import { useFormat, useT, type MessageKey } from '../i18n/index.tsx';
import { Link, useNavigate, withQuery } from '../router/index.tsx';

const STANDARD_KEYS: Record<GrowingAreaStandard, MessageKey> = {
  vietgap: 'standard.vietgap',
  globalgap: 'standard.globalgap',
  organic: 'standard.organic',
  basic: 'standard.basic',
};
export const STANDARDS = Object.keys(STANDARD_KEYS) as GrowingAreaStandard[];
export const standardKey = (s: GrowingAreaStandard): MessageKey => STANDARD_KEYS[s];

const AREA_STATUS_KEYS: Record<GrowingAreaStatus, MessageKey> = {
  draft: 'areaStatus.draft',
  submitted: 'areaStatus.submitted',
  approved: 'areaStatus.approved',
  suspended: 'areaStatus.suspended',
  revoked: 'areaStatus.revoked',
};
export const areaStatusKey = (s: GrowingAreaStatus): MessageKey => AREA_STATUS_KEYS[s];

/** Crops suggested in the form (free text is accepted: the contract takes any crop name). */
const CROP_SUGGESTIONS = ['Lúa', 'Rau ăn lá', 'Chè', 'Cà phê', 'Xoài', 'Sầu riêng', 'Thanh long', 'Bưởi', 'Chuối'];

export function GrowingAreasPage() {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const list = useApi<{ items: GrowingArea[] }>('/growing-areas');
  const optionalCode = (code: string | null) => (code ? <code>{code}</code> : '—');
  const columns: Column<GrowingArea>[] = [
    { header: t('areas.name'), cell: (a) => <Link to={`/growing-areas/${encodeURIComponent(a.id)}`}>{a.name}</Link> },
    { header: t('areas.crop'), cell: (a) => a.crop },
    { header: t('areas.standard'), cell: (a) => t(standardKey(a.standard)) },
    { header: t('areas.domesticCode'), cell: (a) => optionalCode(a.domesticCode) },
    { header: t('areas.exportCode'), cell: (a) => optionalCode(a.exportCode) },
    { header: t('areas.plotCount'), num: true, cell: (a) => fmt.number(a.plotCount) },
    { header: t('plots.area'), num: true, cell: (a) => fmt.number(a.areaHa, { fixed: 2 }) },
    { header: t('areas.status'), cell: (a) => t(areaStatusKey(a.status)) },
  ];

  return (
    <div className="growing-areas">
      <PageHeader title={t('areas.title')} lead={t('areas.intro')} />
      {can(user?.role, 'growing-areas:edit') ? <NewGrowingArea /> : null}
      {/* GET /growing-areas is not paged: every area in scope, counted here. */}
      <ResultList list={list} headingId="areas-list-heading" heading={(total) => t('areas.total', { total })} empty={t('areas.none')} columns={columns} rowKey={(a) => a.id} />
    </div>
  );
}

const AREA_FIELDS = ['name', 'crop', 'standard', 'plotIds'] as const;
type AreaErrors = FormErrors<(typeof AREA_FIELDS)[number]>;

function NewGrowingArea() {
  const t = useT();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [crop, setCrop] = useState('Lúa');
  const [standard, setStandard] = useState<GrowingAreaStandard>('vietgap');
  // Chosen plots with their areas, kept across searches.
  const [chosen, setChosen] = useState<ReadonlyMap<string, number>>(new Map());
  const [filter, setFilter] = useState('');
  const [errors, setErrors] = useState<AreaErrors>({});
  const [busy, setBusy] = useState(false);
  // The plots to choose from: up to 200 in scope (the API's page limit), narrowed by a search.
  const [query, setQuery] = useState('');
  const plots = useApi<PlotPage>(withQuery('/plots', { pageSize: 200, q: query }));
  const chosenHa = [...chosen.values()].reduce((s, ha) => s + ha, 0);

  const toggle = (id: string, areaHa: number, on: boolean) =>
    setChosen((s) => {
      const next = new Map(s);
      if (on) next.set(id, areaHa);
      else next.delete(id);
      return next;
    });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found: AreaErrors = {};
    if (!name.trim()) found.name = t('areas.nameMissing');
    if (!crop.trim()) found.crop = t('areas.cropMissing');
    if (chosen.size === 0) found.plotIds = t('areas.plotsMissing');
    if (Object.keys(found).length) {
      setErrors(found);
      return;
    }
    const body: CreateGrowingAreaBody = { name: name.trim(), crop: crop.trim(), standard, plotIds: [...chosen.keys()] };
    setBusy(true);
    setErrors({});
    try {
      const created = await apiRequest<{ id: string }>('/growing-areas', { method: 'POST', json: body });
      navigate(`/growing-areas/${encodeURIComponent(created.id)}`);
    } catch (err) {
      setErrors(formErrorsFrom(err, AREA_FIELDS, t));
      setBusy(false);
    }
  };

  return (
    <details className="card disclosure">
      <summary>{t('areas.new')}</summary>
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <FormError message={errors.form} />
        <div className="field-row">
          <TextField id="area-name" label={t('areas.name')} value={name} onValueChange={setName} error={errors.name} required />
          <TextField id="area-crop" label={t('areas.crop')} value={crop} onValueChange={setCrop} error={errors.crop} list="area-crop-list" required />
          <datalist id="area-crop-list">
            {CROP_SUGGESTIONS.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <SelectField id="area-standard" label={t('areas.standard')} value={standard} options={STANDARDS} optionLabel={(s) => t(standardKey(s))} onValueChange={setStandard} error={errors.standard} />
        </div>
        <fieldset className={`field plot-picker ${errors.plotIds ? 'field--invalid' : ''}`} aria-describedby={errors.plotIds ? 'area-plots-error' : undefined}>
          <legend>{t('areas.choosePlots')}</legend>
          <div className="search__row">
            <input type="search" aria-label={t('plots.search')} value={filter} onChange={(e) => setFilter(e.target.value)} onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  setQuery(filter.trim());
                }
              }} />
            <button type="button" className="button button--secondary" onClick={() => setQuery(filter.trim())}>
              {t('common.search')}
            </button>
          </div>
          <p className="field__hint" role="status">
            {t('areas.chosen', { n: chosen.size, ha: fmt.number(chosenHa, { fixed: 2 }) })}
          </p>
          {plots.status === 'error' ? <ApiErrorMessage error={plots.error} onRetry={plots.reload} /> : null}
          <ul className="plot-picker__list">
            {(plots.data?.items ?? []).map((p) => (
              <li key={p.id} className="field--checkbox">
                <input type="checkbox" id={`area-plot-${p.id}`} checked={chosen.has(p.id)} onChange={(e) => toggle(p.id, p.areaHa, e.target.checked)} />
                <label htmlFor={`area-plot-${p.id}`}>
                  <strong>{p.code}</strong> · {p.name} · {t('draw.ha', { value: fmt.number(p.areaHa, { fixed: 2 }) })}
                </label>
              </li>
            ))}
          </ul>
          {errors.plotIds ? (
            <p className="field__error" id="area-plots-error">
              {errors.plotIds}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('common.saving') : t('areas.create')}
        </button>
      </form>
    </details>
  );
}
