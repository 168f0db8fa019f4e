/**
 * One plot: its facts with the area the server computed (PostGIS), its boundary on a map, the plots
 * it overlaps and the overlaps accepted with a reason, the history of its boundary, and an "Edit
 * boundary" mode that redraws it (PATCH, kept in the history). 404 → "not found".
 */
import { useEffect, useMemo, useState } from 'react';
import { apiRequest, asApiError } from '../api/client.ts';
import type { PlotBoundaryHistory, PlotDetail, UpdatePlotBody } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { can } from '../auth/abilities.ts';
import { usePersonName } from '../auth/people.ts';
import { useSession } from '../auth/session.tsx';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ApiErrorMessage, Loading } from '../components/feedback.tsx';
import { TextField } from '../components/fields.tsx';
import { FormError, formErrorsFrom, type FormErrors } from '../components/form-errors.tsx';
import { RecordHeader } from '../components/page-header.tsx';
import { Facts, RecordStates, type BackLink } from '../components/record-page.tsx';
import { useFormat, useT } from '../i18n/index.tsx';
import { plotCollection, type PlotFeatureCollection } from '../map/geojson.ts';
import { LazyPlotMap } from '../map/lazy-plot-map.tsx';
import { haDigits, PlotDrawer } from '../map/plot-drawer.tsx';
import { draftFromGeometry, finish, selfIntersects, startHistory, toPolygon, type DraftHistory } from '../map/polygon-draft.ts';
import { Link, useNavigate, useSearchParams, withQuery } from '../router/index.tsx';
import { landUseKey } from './land-use.ts';
import { conflictIdsOf, OverlapPanel, overlapConflictOf, overrideReasonError, type OverlapConflict } from './plot-overlap.tsx';

type OverlapOverride = PlotDetail['overlapOverrides'][number];
type BoundaryVersion = PlotBoundaryHistory['items'][number];

const BACK: BackLink = { to: '/plots', label: 'plot.back' };

export function PlotDetailPage({ id }: { id: string }) {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const navigate = useNavigate();
  const params = useSearchParams();
  const path = `/plots/${encodeURIComponent(id)}`;
  // "Saved" comes from the drawing page as ?saved=created; it is shown once, not again on a reload.
  const [saved, setSaved] = useState<'created' | 'boundary' | null>(() => (params.get('saved') === 'created' ? 'created' : null));
  useEffect(() => {
    if (params.has('saved')) navigate(path, { replace: true, scroll: false });
  }, [params, navigate, path]);
  const plot = useApi<PlotDetail>(path);
  const boundaries = useApi<PlotBoundaryHistory>(`${path}/boundaries`);
  const [editing, setEditing] = useState(false);
  const personName = usePersonName();
  const collection = useMemo<PlotFeatureCollection | null>(() => (plot.data ? plotCollection(plot.data) : null), [plot.data]);
  const overrideColumns: Column<OverlapOverride>[] = [
    { header: t('plot.overrideOther'), cell: (o) => (o.otherPlotCode ? <Link to={`/plots/${encodeURIComponent(o.otherPlotId)}`}>{o.otherPlotCode}</Link> : t('overlap.withHidden')) },
    { header: t('plot.overrideHa'), num: true, cell: (o) => fmt.number(o.overlapHa, { max: 4 }) },
    { header: t('plot.overrideReason'), cell: (o) => o.reason },
    { header: t('plot.overrideBy'), cell: (o) => personName(o.createdBy) },
    { header: t('plot.overrideAt'), cell: (o) => fmt.dateTime(o.createdAt) },
  ];
  const versionColumns: Column<BoundaryVersion>[] = [
    {
      header: t('plot.version'),
      cell: (v) => (
        <span>
          {v.version} {v.validTo === null ? <span className="badge">{t('plot.current')}</span> : null}
        </span>
      ),
    },
    { header: t('plots.area'), num: true, cell: (v) => fmt.number(v.areaHa, { fixed: haDigits(v.areaHa) }) },
    { header: t('plot.validFrom'), cell: (v) => fmt.dateTime(v.validFrom) },
    { header: t('plot.validTo'), cell: (v) => (v.validTo ? fmt.dateTime(v.validTo) : '—') },
    { header: t('plot.changedBy'), cell: (v) => personName(v.changedBy) },
    { header: t('plot.changeReason'), cell: (v) => v.reason ?? '—' },
  ];

  const onSaved = () => {
    setEditing(false);
    plot.reload();
    boundaries.reload();
    // The confirmation with the server's new area is at the top of the page.
    setSaved('boundary');
    window.scrollTo(0, 0);
  };

  return (
    <RecordStates record={plot} notFound={{ title: 'plot.notFound', body: 'plot.notFoundBody' }} back={BACK}>
      {(data) => (
        <article className="plot-detail">
          <RecordHeader back={BACK} title={t('plot.title', { code: data.code })} lead={data.name} />
          {saved && !editing ? (
            <div className="alert alert--success" role="status">
              <p>{t(saved === 'boundary' ? 'plot.savedBoundary' : 'plot.savedNew', { code: data.code, ha: fmt.number(data.areaHa, { fixed: haDigits(data.areaHa) }) })}</p>
            </div>
          ) : null}
          {editing ? (
            <BoundaryEditor plot={data} onCancel={() => setEditing(false)} onSaved={onSaved} />
          ) : (
            <div className="plot-detail__grid">
              <Facts
                facts={[
                  {
                    label: t('plot.serverArea'),
                    className: 'facts__main',
                    value: (
                      <>
                        <span className="facts__big" data-testid="plot-area">
                          {t('draw.ha', { value: fmt.number(data.areaHa, { fixed: haDigits(data.areaHa) }) })}
                        </span>
                        <span className="field__hint">{t('plot.serverAreaHint')}</span>
                      </>
                    ),
                  },
                  { label: t('plots.household'), value: data.householdId ? <Link to={`/households/${encodeURIComponent(data.householdId)}`}>{data.householdName}</Link> : '—' },
                  { label: t('plots.organisation'), value: data.organisationId ? <Link to={`/organisations/${encodeURIComponent(data.organisationId)}`}>{data.organisationName}</Link> : '—' },
                  {
                    label: t('plots.commune'),
                    value: (
                      <>
                        {data.communeName} <span className="muted">({data.communeCode})</span>
                      </>
                    ),
                  },
                  { label: t('plot.province'), value: data.provinceName },
                  { label: t('plots.landUse'), value: t(landUseKey(data.landUse)) },
                  { label: t('plot.createdAt'), value: fmt.dateTime(data.createdAt) },
                  { label: t('plot.createdBy'), value: personName(data.createdBy) },
                  data.updatedAt ? { label: t('plot.updatedAt'), value: fmt.dateTime(data.updatedAt) } : null,
                ]}
              />
              <section aria-labelledby="plot-map-heading">
                <div className="section-head">
                  <h2 id="plot-map-heading">{t('plot.boundary')}</h2>
                  {can(user?.role, 'plots:edit') ? (
                    <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
                      {t('plot.editBoundary')}
                    </button>
                  ) : null}
                </div>
                <LazyPlotMap data={collection} label={t('map.title')} className="map--detail" />
              </section>
            </div>
          )}

          <section aria-labelledby="plot-overlaps-heading">
            <h2 id="plot-overlaps-heading">{t('plot.overlaps')}</h2>
            {data.overlaps.length === 0 ? (
              <p>{t('plot.noOverlaps')}</p>
            ) : (
              <ul className="overlaps">
                {data.overlaps.map((o) => (
                  <li key={o.id}>
                    {t('plot.overlapWith', { ha: fmt.number(o.overlapHa, { max: 4 }) })} <Link to={`/plots/${encodeURIComponent(o.id)}`}>{o.code}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="plot-overrides-heading">
            <h2 id="plot-overrides-heading">{t('plot.overrides')}</h2>
            <DataTable columns={overrideColumns} rows={data.overlapOverrides} rowKey={(o) => `${o.otherPlotId}-${o.createdAt}`} empty={t('plot.noOverrides')} />
          </section>

          <section aria-labelledby="plot-history-heading">
            <h2 id="plot-history-heading">{t('plot.history')}</h2>
            {boundaries.status === 'error' ? <ApiErrorMessage error={boundaries.error} onRetry={boundaries.reload} /> : null}
            {boundaries.status === 'loading' && !boundaries.data ? <Loading /> : null}
            {/* Newest first: the current boundary heads the table. */}
            {boundaries.data ? <DataTable columns={versionColumns} rows={[...boundaries.data.items].reverse()} rowKey={(v) => String(v.version)} /> : null}
          </section>
        </article>
      )}
    </RecordStates>
  );
}

const EDIT_FIELDS = ['boundary', 'reason', 'overlapOverride.reason'] as const;
type EditErrors = FormErrors<(typeof EDIT_FIELDS)[number]>;

/** Redrawing the boundary: the current one as a closed draft whose vertices can be dragged. */
function BoundaryEditor({ plot, onCancel, onSaved }: { plot: PlotDetail; onCancel: () => void; onSaved: () => void }) {
  const t = useT();
  const initial = useMemo(() => draftFromGeometry(plot.boundary), [plot.boundary]);
  const [history, setHistory] = useState<DraftHistory>(() => startHistory(initial.draft));
  const [reason, setReason] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [conflict, setConflict] = useState<OverlapConflict | null>(null);
  const [errors, setErrors] = useState<EditErrors>({});
  const [busy, setBusy] = useState(false);
  // Saving an unchanged boundary would only add a version to the history.
  const changed = initial.simplified || JSON.stringify(history.present.vertices) !== JSON.stringify(initial.draft.vertices);
  const neighbours = useApi<PlotFeatureCollection>(withQuery('/plots.geojson', { communeCode: plot.communeCode }));
  // The plot itself is what is being redrawn, not context.
  const context = useMemo<PlotFeatureCollection | null>(
    () => (neighbours.data ? { ...neighbours.data, features: neighbours.data.features.filter((f) => f.properties.id !== plot.id) } : null),
    [neighbours.data, plot.id],
  );

  const save = async (override: string | null) => {
    const draft = finish(history.present);
    const polygon = toPolygon(draft);
    const found: EditErrors = {};
    if (!polygon) found.boundary = t('plotForm.boundaryMissing');
    else if (selfIntersects(draft.vertices)) found.boundary = t('draw.selfIntersects');
    if (override !== null) {
      const reasonError = overrideReasonError(override, t);
      if (reasonError) found['overlapOverride.reason'] = reasonError;
    }
    if (Object.keys(found).length > 0 || !polygon) {
      setErrors(found);
      return;
    }
    const body: UpdatePlotBody = {
      boundary: polygon,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(override !== null ? { overlapOverride: { reason: override.trim() } } : {}),
    };
    setBusy(true);
    setErrors({});
    try {
      await apiRequest<null>(`/plots/${encodeURIComponent(plot.id)}`, { method: 'PATCH', json: body });
      onSaved();
    } catch (err) {
      const error = asApiError(err);
      const overlap = overlapConflictOf(error);
      if (overlap) setConflict(overlap);
      else setErrors(formErrorsFrom(error, EDIT_FIELDS, t));
      setBusy(false);
    }
  };

  return (
    <section className="boundary-editor" aria-labelledby="boundary-editor-heading">
      <h2 id="boundary-editor-heading">{t('plot.editBoundary')}</h2>
      <p className="lead">{t('plot.editIntro')}</p>
      {initial.simplified ? (
        <div className="alert alert--warning">
          <p>{t('plot.editSimplified')}</p>
        </div>
      ) : null}
      <FormError message={errors.form} />
      <PlotDrawer
        id="edit-boundary"
        label={t('draw.mapLabel')}
        history={history}
        setHistory={setHistory}
        context={context}
        conflictIds={conflictIdsOf(conflict)}
        initialView={null}
        error={errors.boundary}
      />
      <TextField id="edit-reason" label={t('plot.changeReasonField')} hint={t('plot.changeReasonHint')} value={reason} onValueChange={setReason} error={errors.reason} maxLength={500} />
      {conflict ? (
        <OverlapPanel
          id="edit-overlap"
          conflict={conflict}
          reason={overrideReason}
          onReason={setOverrideReason}
          reasonError={errors['overlapOverride.reason'] ?? null}
          busy={busy}
          onOverride={() => void save(overrideReason)}
        />
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button--primary button--large" onClick={() => void save(null)} disabled={busy || !changed} aria-describedby={changed ? undefined : 'edit-unchanged'}>
          {busy ? t('common.saving') : t('plot.saveBoundary')}
        </button>
        <button type="button" className="button button--secondary button--large" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
      {changed ? null : (
        <p className="muted" id="edit-unchanged">
          {t('plot.unchanged')}
        </p>
      )}
    </section>
  );
}
