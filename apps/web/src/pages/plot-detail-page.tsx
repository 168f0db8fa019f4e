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
import { ApiErrorMessage, apiErrorText, Loading, TableScroll } from '../components/feedback.tsx';
import { TextField } from '../components/fields.tsx';
import { useFormat, useT } from '../i18n/index.tsx';
import { plotCollection, type PlotFeatureCollection } from '../map/geojson.ts';
import { LazyPlotMap } from '../map/lazy-plot-map.tsx';
import { haDigits, PlotDrawer } from '../map/plot-drawer.tsx';
import { draftFromGeometry, finish, selfIntersects, startHistory, toPolygon, type DraftHistory } from '../map/polygon-draft.ts';
import { Link, useNavigate, useSearchParams, withQuery } from '../router/index.tsx';
import { landUseKey } from './land-use.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { conflictIdsOf, OverlapPanel, overlapConflictOf, overrideReasonError, type OverlapConflict } from './plot-overlap.tsx';

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
  const data = plot.data;
  const collection = useMemo<PlotFeatureCollection | null>(() => (data ? plotCollection(data) : null), [data]);

  if (plot.status === 'error' && plot.error.status === 404) {
    return <NotFoundPage title="plot.notFound" body="plot.notFoundBody" back={{ to: '/plots', label: 'plot.back' }} />;
  }
  if (plot.status === 'error' && !data) return <ApiErrorMessage error={plot.error} onRetry={plot.reload} />;
  if (!data) return <Loading />;

  const onSaved = () => {
    setEditing(false);
    plot.reload();
    boundaries.reload();
    // The confirmation with the server's new area is at the top of the page.
    setSaved('boundary');
    window.scrollTo(0, 0);
  };

  return (
    <article className="plot-detail">
      <p className="breadcrumb">
        <Link to="/plots">← {t('plot.back')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('plot.title', { code: data.code })}</h1>
        <p className="lead">{data.name}</p>
      </header>
      {saved && !editing ? (
        <div className="alert alert--success" role="status">
          <p>{t(saved === 'boundary' ? 'plot.savedBoundary' : 'plot.savedNew', { code: data.code, ha: fmt.number(data.areaHa, { fixed: haDigits(data.areaHa) }) })}</p>
        </div>
      ) : null}
      {editing ? (
        <BoundaryEditor plot={data} onCancel={() => setEditing(false)} onSaved={onSaved} />
      ) : (
        <div className="plot-detail__grid">
          <dl className="facts">
            <div className="facts__main">
              <dt>{t('plot.serverArea')}</dt>
              <dd>
                <span className="facts__big" data-testid="plot-area">
                  {t('draw.ha', { value: fmt.number(data.areaHa, { fixed: haDigits(data.areaHa) }) })}
                </span>
                <span className="field__hint">{t('plot.serverAreaHint')}</span>
              </dd>
            </div>
            <div>
              <dt>{t('plots.household')}</dt>
              <dd>{data.householdId ? <Link to={`/households/${encodeURIComponent(data.householdId)}`}>{data.householdName}</Link> : '—'}</dd>
            </div>
            <div>
              <dt>{t('plots.organisation')}</dt>
              <dd>{data.organisationId ? <Link to={`/organisations/${encodeURIComponent(data.organisationId)}`}>{data.organisationName}</Link> : '—'}</dd>
            </div>
            <div>
              <dt>{t('plots.commune')}</dt>
              <dd>
                {data.communeName} <span className="muted">({data.communeCode})</span>
              </dd>
            </div>
            <div>
              <dt>{t('plot.province')}</dt>
              <dd>{data.provinceName}</dd>
            </div>
            <div>
              <dt>{t('plots.landUse')}</dt>
              <dd>{t(landUseKey(data.landUse))}</dd>
            </div>
            <div>
              <dt>{t('plot.createdAt')}</dt>
              <dd>{fmt.dateTime(data.createdAt)}</dd>
            </div>
            <div>
              <dt>{t('plot.createdBy')}</dt>
              <dd>{personName(data.createdBy)}</dd>
            </div>
            {data.updatedAt ? (
              <div>
                <dt>{t('plot.updatedAt')}</dt>
                <dd>{fmt.dateTime(data.updatedAt)}</dd>
              </div>
            ) : null}
          </dl>
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
        {data.overlapOverrides.length === 0 ? (
          <p>{t('plot.noOverrides')}</p>
        ) : (
          <TableScroll label={t('common.tableScroll')}>
            <table className="table table--cards">
              <thead>
                <tr>
                  <th scope="col">{t('plot.overrideOther')}</th>
                  <th scope="col" className="num">{t('plot.overrideHa')}</th>
                  <th scope="col">{t('plot.overrideReason')}</th>
                  <th scope="col">{t('plot.overrideBy')}</th>
                  <th scope="col">{t('plot.overrideAt')}</th>
                </tr>
              </thead>
              <tbody>
                {data.overlapOverrides.map((o) => (
                  <tr key={`${o.otherPlotId}-${o.createdAt}`}>
                    <th scope="row" data-label={t('plot.overrideOther')}>
                      {o.otherPlotCode ? <Link to={`/plots/${encodeURIComponent(o.otherPlotId)}`}>{o.otherPlotCode}</Link> : t('overlap.withHidden')}
                    </th>
                    <td data-label={t('plot.overrideHa')} className="num">
                      {fmt.number(o.overlapHa, { max: 4 })}
                    </td>
                    <td data-label={t('plot.overrideReason')}>{o.reason}</td>
                    <td data-label={t('plot.overrideBy')}>{personName(o.createdBy)}</td>
                    <td data-label={t('plot.overrideAt')}>{fmt.dateTime(o.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="plot-history-heading">
        <h2 id="plot-history-heading">{t('plot.history')}</h2>
        {boundaries.status === 'error' ? <ApiErrorMessage error={boundaries.error} onRetry={boundaries.reload} /> : null}
        {boundaries.status === 'loading' && !boundaries.data ? <Loading /> : null}
        {boundaries.data ? (
          <TableScroll label={t('common.tableScroll')}>
            <table className="table table--cards">
              <thead>
                <tr>
                  <th scope="col">{t('plot.version')}</th>
                  <th scope="col" className="num">{t('plots.area')}</th>
                  <th scope="col">{t('plot.validFrom')}</th>
                  <th scope="col">{t('plot.validTo')}</th>
                  <th scope="col">{t('plot.changedBy')}</th>
                  <th scope="col">{t('plot.changeReason')}</th>
                </tr>
              </thead>
              <tbody>
                {[...boundaries.data.items].reverse().map((v) => (
                  <tr key={v.version}>
                    <th scope="row" data-label={t('plot.version')}>
                      <span>
                        {v.version} {v.validTo === null ? <span className="badge">{t('plot.current')}</span> : null}
                      </span>
                    </th>
                    <td data-label={t('plots.area')} className="num">
                      {fmt.number(v.areaHa, { fixed: haDigits(v.areaHa) })}
                    </td>
                    <td data-label={t('plot.validFrom')}>{fmt.dateTime(v.validFrom)}</td>
                    <td data-label={t('plot.validTo')}>{v.validTo ? fmt.dateTime(v.validTo) : '—'}</td>
                    <td data-label={t('plot.changedBy')}>{personName(v.changedBy)}</td>
                    <td data-label={t('plot.changeReason')}>{v.reason ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
    </article>
  );
}

type EditErrors = { boundary?: string; reason?: string; 'overlapOverride.reason'?: string; form?: string };

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
      else {
        const boundary = error.errorFor('boundary');
        const reasonError = error.errorFor('reason');
        const overrideError = error.errorFor('overlapOverride.reason');
        setErrors({
          ...(boundary ? { boundary } : {}),
          ...(reasonError ? { reason: reasonError } : {}),
          ...(overrideError ? { 'overlapOverride.reason': overrideError } : {}),
          ...(!boundary && !reasonError && !overrideError ? { form: apiErrorText(error, t, 'write') } : {}),
        });
      }
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
      {errors.form ? (
        <div className="alert alert--error" role="alert">
          <p>{errors.form}</p>
        </div>
      ) : null}
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
