/**
 * Registering a plot by drawing it (issue 2, "drawing and editing a plot with its area shown live"):
 * code, name, household and land use, and the boundary drawn on a map of the plots around it. The
 * server computes the area (PostGIS) and refuses an overlapping boundary unless a reason is given.
 *
 * `/plots/new?lon=105.55&lat=10.06&zoom=17` opens the map at a place (a link from a GPS reading).
 */
import { useMemo, useState, type FormEvent } from 'react';
import { apiRequest, asApiError, type ApiError } from '../api/client.ts';
import type { HouseholdPage, LandUse, RegisterPlotBody } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { useSession } from '../auth/session.tsx';
import { CommunePicker } from '../components/commune-picker.tsx';
import { apiErrorText } from '../components/feedback.tsx';
import { SelectField, TextField } from '../components/fields.tsx';
import { useT } from '../i18n/index.tsx';
import type { MapView } from '../map/draw-map.tsx';
import type { PlotFeatureCollection } from '../map/geojson.ts';
import { PlotDrawer } from '../map/plot-drawer.tsx';
import { finish, selfIntersects, startHistory, toPolygon, type DraftHistory } from '../map/polygon-draft.ts';
import { Link, useNavigate, useSearchParams, withQuery } from '../router/index.tsx';
import { LAND_USES, landUseKey } from './land-use.ts';
import { conflictIdsOf, OverlapPanel, overlapConflictOf, overrideReasonError, type OverlapConflict } from './plot-overlap.tsx';

const FIELDS = ['code', 'name', 'householdId', 'landUse', 'communeCode', 'boundary', 'overlapOverride.reason'] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field | 'form', string>>;

/** `?lon=&lat=&zoom=` as a starting view, when all three are sensible. */
export function viewFromParams(params: URLSearchParams): MapView | null {
  const lon = Number(params.get('lon'));
  const lat = Number(params.get('lat'));
  const zoom = Number(params.get('zoom') ?? 17);
  if (!params.has('lon') || !params.has('lat') || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) return null;
  return { center: [lon, lat], zoom: Number.isFinite(zoom) ? Math.min(20, Math.max(3, zoom)) : 17 };
}

export function PlotNewPage() {
  const t = useT();
  const navigate = useNavigate();
  const params = useSearchParams();
  const { user } = useSession();
  const initialView = useMemo(() => viewFromParams(params), [params]);

  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  // Preselected when coming from a household's page (?householdId=…).
  const [householdId, setHouseholdId] = useState(params.get('householdId') ?? '');
  const [landUse, setLandUse] = useState<LandUse>('rice');
  const [communeCode, setCommuneCode] = useState('');
  const [history, setHistory] = useState<DraftHistory>(() => startHistory());
  const [errors, setErrors] = useState<Errors>({});
  const [conflict, setConflict] = useState<OverlapConflict | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  // Up to 200 households (the API's page limit) in one list, by name.
  const households = useApi<HouseholdPage>(withQuery('/households', { pageSize: 200 }));
  const householdById = useMemo(() => new Map((households.data?.items ?? []).map((h) => [h.id, h])), [households.data]);
  const household = householdId ? householdById.get(householdId) : undefined;
  // A cooperative's plots go in its commune; officers and admins say which commune.
  const needsCommune = !household && !user?.organisationId;
  const contextCommune = household?.communeCode ?? (needsCommune ? communeCode : '');
  const context = useApi<PlotFeatureCollection>(withQuery('/plots.geojson', { communeCode: contextCommune || null }));

  const send = async (override: string | null) => {
    const draft = history.present.closed ? history.present : finish(history.present);
    const polygon = toPolygon(draft);
    const found: Errors = {};
    if (code.trim() === '') found.code = t('plotForm.codeMissing');
    if (name.trim() === '') found.name = t('plotForm.nameMissing');
    if (needsCommune && !communeCode) found.communeCode = t('plotForm.communeMissing');
    if (!polygon) found.boundary = t('plotForm.boundaryMissing');
    else if (selfIntersects(draft.vertices)) found.boundary = t('draw.selfIntersects');
    if (override !== null) {
      const reasonError = overrideReasonError(override, t);
      if (reasonError) found['overlapOverride.reason'] = reasonError;
    }
    if (Object.keys(found).length > 0 || !polygon) {
      setErrors(found);
      const first = FIELDS.find((f) => found[f]);
      document.getElementById(first === 'boundary' ? 'plot-boundary-help' : `plot-${first ?? 'code'}`)?.focus();
      return;
    }
    if (draft !== history.present) setHistory((h) => ({ past: [...h.past, h.present], present: draft }));
    const body: RegisterPlotBody = {
      code: code.trim(),
      name: name.trim(),
      landUse,
      boundary: polygon,
      ...(householdId ? { householdId } : {}),
      ...(needsCommune ? { communeCode } : {}),
      ...(override !== null ? { overlapOverride: { reason: override.trim() } } : {}),
    };
    setBusy(true);
    setErrors({});
    try {
      const created = await apiRequest<{ id: string }>('/plots', { method: 'POST', json: body });
      navigate(withQuery(`/plots/${encodeURIComponent(created.id)}`, { saved: 'created' }));
    } catch (err) {
      const error = asApiError(err);
      const overlap = overlapConflictOf(error);
      if (overlap) {
        setConflict(overlap);
        window.requestAnimationFrame(() => document.getElementById('plot-overlap-title')?.scrollIntoView({ block: 'center' }));
      } else {
        setErrors(errorsFrom(error, t));
      }
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send(null);
  };

  const householdOptions = ['', ...(households.data?.items ?? []).map((h) => h.id)];

  return (
    <div className="plot-new">
      <p className="breadcrumb">
        <Link to="/plots">← {t('plot.back')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('plotNew.title')}</h1>
        <p className="lead">{t('plotNew.intro')}</p>
      </header>
      <form className="plot-form" onSubmit={onSubmit} noValidate aria-busy={busy}>
        {errors.form ? (
          <div className="alert alert--error" role="alert">
            <p>{errors.form}</p>
          </div>
        ) : null}
        <div className="plot-form__grid">
          <fieldset className="card plot-form__facts">
            <legend>{t('plotNew.facts')}</legend>
            <TextField id="plot-code" label={t('plots.code')} value={code} onValueChange={setCode} error={errors.code} hint={t('plotForm.codeHint')} autoCapitalize="characters" spellCheck={false} required />
            <TextField id="plot-name" label={t('plots.name')} value={name} onValueChange={setName} error={errors.name} required />
            <SelectField
              id="plot-householdId"
              label={t('plots.household')}
              value={householdId}
              options={householdOptions}
              optionLabel={(id) => {
                if (!id) return households.status === 'loading' ? t('common.loading') : t('plotForm.noHousehold');
                const h = householdById.get(id);
                return h ? `${h.headName} · ${h.communeName}` : id;
              }}
              onValueChange={setHouseholdId}
              error={errors.householdId ?? (households.status === 'error' ? apiErrorText(households.error, t) : null)}
              hint={households.data && households.data.total > households.data.items.length ? t('plotForm.householdsTruncated', { shown: households.data.items.length, total: households.data.total }) : undefined}
            />
            <SelectField id="plot-landUse" label={t('plots.landUse')} value={landUse} options={LAND_USES} optionLabel={(u) => t(landUseKey(u))} onValueChange={setLandUse} error={errors.landUse} />
            {needsCommune ? <CommunePicker id="plot-communeCode" label={t('plots.commune')} value={communeCode} onChange={setCommuneCode} error={errors.communeCode} hint={t('plotForm.communeHint')} /> : null}
          </fieldset>
          <fieldset className="plot-form__boundary">
            <legend>{t('plot.boundary')}</legend>
            <PlotDrawer
              id="plot-boundary"
              label={t('draw.mapLabel')}
              history={history}
              setHistory={setHistory}
              context={context.data}
              conflictIds={conflictIdsOf(conflict)}
              initialView={initialView}
              error={errors.boundary}
            />
          </fieldset>
        </div>
        {conflict ? (
          <OverlapPanel
            id="plot-overlap"
            conflict={conflict}
            reason={reason}
            onReason={setReason}
            reasonError={errors['overlapOverride.reason'] ?? null}
            busy={busy}
            onOverride={() => void send(reason)}
          />
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary button--large" disabled={busy}>
            {busy ? t('common.saving') : t('plotNew.save')}
          </button>
          <Link to="/plots" className="button button--secondary button--large">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}

/** Server field errors next to their fields; anything else in the form's message. */
export function errorsFrom(error: ApiError, t: Parameters<typeof apiErrorText>[1]): Errors {
  const out: Errors = {};
  for (const f of FIELDS) {
    const message = error.errorFor(f);
    if (message) out[f] = message;
  }
  const rest = error.otherErrors(FIELDS);
  if (Object.keys(out).length === 0 || rest.length > 0) {
    out.form = [apiErrorText(error, t, 'write'), ...rest.map((e) => `${e.path}: ${e.message}`)].join(' ');
  }
  return out;
}
