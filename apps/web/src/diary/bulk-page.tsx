/**
 * Recording on behalf of members: one activity (a fertiliser round, a drainage, a spray) on many
 * seasons at once — pick the seasons, fill one form, save. Sent as one POST /activities/bulk (all or
 * nothing on the server, idempotent by its clientId), queued on the phone like every other write.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useSession } from '../auth/session.tsx';
import { Loading } from '../components/feedback.tsx';
import { TextField } from '../components/fields.tsx';
import { formatDate, parseDate } from '../i18n/format.ts';
import { useFormat, useLang, useT } from '../i18n/index.tsx';
import { getEngine, useQueue } from '../offline/engine.ts';
import { newClientId } from '../offline/ids.ts';
import { cacheKeys } from '../offline/store.ts';
import { useCached } from '../offline/use-cached.ts';
import { Link, withQuery } from '../router/index.tsx';
import { ACTIVITY_TYPES, buildDetails, emptyValues, type FieldError, type FormValues } from './activity-form.ts';
import { ActivityFields } from './activity-fields.tsx';
import { localToday } from './activity-form-page.tsx';
import { useCatalogues } from './catalogues.ts';
import type { Words } from './describe.ts';
import { SEASON_NAMES, seasonNameLabel, typeLabel } from './labels.ts';
import { RefusalText, SyncBar } from './sync-ui.tsx';
import type { ActivityType, SeasonName, SeasonPage } from './types.ts';

/** Bulk rounds are rarely harvests or photos of one field; every type stays available. */
const DEFAULT_TYPE: ActivityType = 'fertiliser';

export function BulkPage() {
  const t = useT();
  const fmt = useFormat();
  const { lang } = useLang();
  const { user } = useSession();
  const userId = user?.id ?? 'nobody';
  const catalogues = useCatalogues();
  const engine = getEngine();
  const queue = useQueue();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear));
  const [seasonName, setSeasonName] = useState<SeasonName | ''>('');
  const query = withQuery('/seasons', { year, seasonName, pageSize: 200 });
  const seasons = useCached<SeasonPage>(query, cacheKeys.seasons(userId, query));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [type, setType] = useState<ActivityType>(DEFAULT_TYPE);
  const [values, setValues] = useState<FormValues>(() => emptyValues(DEFAULT_TYPE));
  const [dateText, setDateText] = useState(() => formatDate('vi', localToday()));
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [sentId, setSentId] = useState<string | null>(null);
  const [result, setResult] = useState<{ state: 'done' | 'waiting'; n: number; type: ActivityType } | null>(null);
  const [saving, setSaving] = useState(false);
  const words = useMemo<Words>(() => ({ t, fmt, lang, fertilisers: catalogues.fertilisers, pesticides: catalogues.pesticides }), [t, fmt, lang, catalogues.fertilisers, catalogues.pesticides]);
  const refused = sentId ? (queue.find((i) => i.clientId === sentId && i.state === 'rejected') ?? null) : null;

  const list = seasons.data?.items ?? [];
  const chosen = list.filter((s) => selected.has(s.id));
  const totalHa = chosen.reduce((a, s) => a + s.areaHa, 0);
  const toggle = (id: string) => setSelected((prev) => {
    const next = new Set(prev);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    const occurredOn = parseDate(dateText);
    const built = buildDetails(type, values, { parse: fmt.parse, format: (n) => fmt.number(n), fertilisers: catalogues.fertilisers, pesticides: catalogues.pesticides });
    const problem = chosen.length === 0 ? t('diary.bulk.noneChosen') : !occurredOn ? t('diary.error.date') : occurredOn > localToday() ? t('diary.error.future') : null;
    setErrors(built.ok ? {} : built.errors);
    setGeneral(problem ?? (built.ok ? null : t('diary.error.fixFields')));
    if (problem || !built.ok || !occurredOn) return;
    setSaving(true);
    try {
      const clientId = newClientId();
      await engine.bulk({ clientId, seasonIds: chosen.map((s) => s.id), occurredOn, type, details: built.details });
      setSentId(clientId);
      const outcome = navigator.onLine ? await engine.waitFor(clientId, 15_000) : ({ state: 'waiting' } as const);
      if (outcome.state === 'done' || outcome.state === 'waiting') {
        setResult({ state: outcome.state, n: chosen.length, type });
        setValues(emptyValues(type));
        setSelected(new Set());
        window.scrollTo(0, 0);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <article className="diary bulk-page">
      <p className="breadcrumb">
        <Link to="/diary">← {t('diary.back')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('diary.bulk.title')}</h1>
        <p className="lead">{t('diary.bulk.lead')}</p>
      </header>
      <SyncBar />
      {result ? (
        <p className="alert alert--success" role="status" data-testid="bulk-result">
          {t(result.state === 'done' ? 'diary.bulk.done' : 'diary.bulk.queued', { what: typeLabel(t, result.type), n: result.n })}
        </p>
      ) : null}
      {refused ? (
        <div className="alert alert--error" role="alert">
          <RefusalText item={refused} words={words} type={type} />
        </div>
      ) : null}
      <form className="bulk-page__form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <section className="card" aria-labelledby="bulk-seasons">
          <h2 id="bulk-seasons">{t('diary.bulk.step1')}</h2>
          <div className="field-row">
            <div className="field">
              <label htmlFor="bulk-year">{t('diary.year')}</label>
              <select id="bulk-year" value={year} onChange={(e) => setYear(e.target.value)}>
                {[thisYear + 1, thisYear, thisYear - 1].map((y) => (
                  <option key={y} value={String(y)}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="bulk-season-name">{t('diary.seasonName')}</label>
              <select id="bulk-season-name" value={seasonName} onChange={(e) => setSeasonName((e.target.value || '') as SeasonName | '')}>
                <option value="">{t('diary.allSeasons')}</option>
                {SEASON_NAMES.map((n) => (
                  <option key={n} value={n}>
                    {seasonNameLabel(t, n)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {!seasons.data ? (
            seasons.loading ? <Loading /> : <p className="alert alert--warning">{t('diary.offlineNotSaved')}</p>
          ) : (
            <>
              <div className="bulk-page__select">
                <button type="button" className="button button--secondary" onClick={() => setSelected(new Set(list.map((s) => s.id)))} disabled={list.length === 0}>
                  {t('diary.bulk.selectAll', { n: list.length })}
                </button>
                <button type="button" className="button button--secondary" onClick={() => setSelected(new Set())} disabled={selected.size === 0}>
                  {t('diary.bulk.selectNone')}
                </button>
              </div>
              <p className="bulk-page__count" role="status">
                {t('diary.bulk.chosen', { n: chosen.length, ha: fmt.number(totalHa, { max: 2 }) })}
              </p>
              <ul className="bulk-list">
                {list.map((s) => (
                  <li key={s.id}>
                    <label className="bulk-list__item">
                      <input type="checkbox" checked={selected.has(s.id)} onChange={() => toggle(s.id)} disabled={s.status === 'closed'} />
                      <span>
                        <strong>{s.plotCode}</strong> · {seasonNameLabel(t, s.seasonName)} {s.year}
                        <span className="bulk-list__meta">
                          {lang === 'vi' ? s.cropNameVi : s.cropNameEn}
                          {s.variety ? ` ${s.variety}` : ''} · {t('diary.areaHa', { ha: fmt.number(s.areaHa, { max: 2 }) })} · {s.plotName}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="bulk-activity">
          <h2 id="bulk-activity">{t('diary.bulk.step2')}</h2>
          <div className="field">
            <label htmlFor="bulk-type">{t('diary.field.type')}</label>
            <select
              id="bulk-type"
              value={type}
              onChange={(e) => {
                const next = ACTIVITY_TYPES.find((x) => x === e.target.value) ?? DEFAULT_TYPE;
                setType(next);
                setValues(emptyValues(next));
                setErrors({});
              }}
            >
              {ACTIVITY_TYPES.map((x) => (
                <option key={x} value={x}>
                  {typeLabel(t, x)}
                </option>
              ))}
            </select>
          </div>
          <TextField id="bulk-date" label={t('diary.field.occurredOn')} value={dateText} onValueChange={setDateText} hint={t('diary.hint.date')} inputMode="numeric" autoComplete="off" />
          <ActivityFields
            type={type}
            idPrefix="b"
            values={values}
            errors={errors}
            onChange={(key, value) => {
              setValues((v) => ({ ...v, [key]: value }));
              setErrors(({ [key]: _gone, ...rest }) => rest);
            }}
            fertilisers={catalogues.fertilisers}
            pesticides={catalogues.pesticides}
          />
          {general ? (
            <p className="field__error" role="alert">
              {general}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary button--large button--block" disabled={saving}>
              {saving ? t('diary.saving') : t('diary.bulk.save', { n: chosen.length })}
            </button>
          </div>
        </section>
      </form>
    </article>
  );
}
