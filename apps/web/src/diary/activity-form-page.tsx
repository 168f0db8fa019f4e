/**
 * Recording an activity on a phone: pick the type (big buttons), fill its own fields with their
 * units, optionally take a photo, save. The entry goes into the queue on the phone first and shows in
 * the timeline at once; with a connection it is sent straight away and a refusal (a banned
 * pesticide, a date outside the season) is shown here, on the form, with the server's reason, so the
 * person can correct it. The same form edits an entry, or deletes it.
 */
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Loading } from '../components/feedback.tsx';
import { TextField } from '../components/fields.tsx';
import { formatDate, parseDate } from '../i18n/format.ts';
import { useFormat, useLang, useT } from '../i18n/index.tsx';
import { getEngine, useQueue } from '../offline/engine.ts';
import type { QueueItem } from '../offline/queue.ts';
import { Link, useNavigate, useSearchParams } from '../router/index.tsx';
import { ACTIVITY_TYPES, buildDetails, emptyValues, valuesFromDetails, type FieldError, type FormValues } from './activity-form.ts';
import { ActivityFields } from './activity-fields.tsx';
import { useCatalogues } from './catalogues.ts';
import type { Words } from './describe.ts';
import { typeLabel } from './labels.ts';
import { PhotoCapture, type PhotoDraft } from './photo-capture.tsx';
import { useSeason, type SeasonView } from './season-data.ts';
import { seasonTitle } from './season-page.tsx';
import { ConfirmButton, RefusalText } from './sync-ui.tsx';
import type { TimelineEntry } from './timeline.ts';
import type { ActivityType } from './types.ts';

const isType = (v: string | null): v is ActivityType => v !== null && (ACTIVITY_TYPES as readonly string[]).includes(v);

/** Today as YYYY-MM-DD on the phone's calendar (the diary records Vietnam's local days). */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A server field path (`payload.details.levelCm`, `details.activeIngredients[0].name`) → the form field showing it. */
export function formKeyOf(path: string, values: FormValues): string {
  const p = path.replace(/^(payload\.)?(details\.)?/, '');
  if (p === 'occurredOn') return 'occurredOn';
  if (p === 'levelCm') return '_levelCm';
  if (p === 'yieldKgPerHa') return '_yield';
  if (p === 'totalKg') return '_total';
  if (p === 'lossPct') return '_lossPct';
  if (p === 'lossKg') return '_lossKg';
  if (p.startsWith('customProduct.')) return p.endsWith('name') ? '_customName' : '_customN';
  if (p.startsWith('activeIngredients') || p === 'productName') return values.productCode === '_manual' ? (p === 'productName' ? '_productName' : '_ingredients') : 'productCode';
  return p.split(/[.[]/)[0] ?? p;
}

function TypePicker({ season }: { season: SeasonView }) {
  const t = useT();
  return (
    <article className="diary">
      <p className="breadcrumb">
        <Link to={`/diary/seasons/${encodeURIComponent(season.id)}`}>← {t('diary.backToSeason')}</Link>
      </p>
      <h1>{t('diary.chooseType')}</h1>
      <p className="lead">
        {season.plotCode ? `${season.plotCode} · ` : ''}
        {seasonTitle(t, season)}
      </p>
      <ul className="type-picker">
        {ACTIVITY_TYPES.map((type) => (
          <li key={type}>
            <Link to={`/diary/seasons/${encodeURIComponent(season.id)}/new?type=${type}`} className="type-picker__item">
              <span className="type-picker__name">{typeLabel(t, type)}</span>
              <span className="type-picker__text">{t(`diary.typeHint.${type}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </article>
  );
}

function ActivityForm({ season, type, entry, timeline }: { season: SeasonView; type: ActivityType; entry: TimelineEntry | null; timeline: readonly TimelineEntry[] }) {
  const t = useT();
  const fmt = useFormat();
  const { lang } = useLang();
  const navigate = useNavigate();
  const catalogues = useCatalogues();
  const engine = getEngine();
  const queue = useQueue();
  const words = useMemo<Words>(() => ({ t, fmt, lang, fertilisers: catalogues.fertilisers, pesticides: catalogues.pesticides }), [t, fmt, lang, catalogues.fertilisers, catalogues.pesticides]);
  const lastTube = timeline.find((e) => e.type === 'water_level' && typeof e.details.tubeId === 'string')?.details.tubeId as string | undefined;
  const [values, setValues] = useState<FormValues>(() =>
    entry ? valuesFromDetails(type, entry.details, { format: (n) => fmt.number(n, { max: 4 }).replace(/\u00a0|\u202f/g, '') }) : emptyValues(type, { variety: season.variety, tubeId: lastTube ?? null }),
  );
  const [dateText, setDateText] = useState(() => formatDate('vi', entry?.occurredOn ?? localToday()));
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [dateError, setDateError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [photo, setPhoto] = useState<PhotoDraft | null>(null);
  const [saving, setSaving] = useState(false);
  /** A refused entry of this form still in the queue: saving again corrects it instead of adding another. */
  const [refusedId, setRefusedId] = useState<string | null>(entry?.item?.state === 'rejected' ? entry.item.clientId : null);
  const refused: QueueItem | null = refusedId ? (queue.find((i) => i.clientId === refusedId && i.state === 'rejected') ?? null) : null;
  const formRef = useRef<HTMLFormElement | null>(null);

  const onChange = (key: string, value: string | boolean) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _gone, ...rest }) => rest);
    setServerErrors(({ [key]: _gone, ...rest }) => rest);
  };

  const focusFirstError = () =>
    window.requestAnimationFrame(() => {
      const bad = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .field--invalid input');
      bad?.focus();
      bad?.scrollIntoView({ block: 'center' });
    });

  const backTo = (key: string) => navigate(`/diary/seasons/${encodeURIComponent(season.id)}?saved=${encodeURIComponent(key)}`);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const occurredOn = parseDate(dateText);
    const dateProblem = occurredOn === undefined ? t('diary.error.required') : occurredOn === null ? t('diary.error.date') : occurredOn > localToday() ? t('diary.error.future') : null;
    const built = buildDetails(type, values, { parse: fmt.parse, format: (n) => fmt.number(n), fertilisers: catalogues.fertilisers, pesticides: catalogues.pesticides });
    setDateError(dateProblem);
    setServerErrors({});
    if (!built.ok || dateProblem || !occurredOn) {
      setErrors(built.ok ? {} : built.errors);
      focusFirstError();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      let item: QueueItem;
      let key: string;
      if (refused) {
        item = await engine.correct(refused.clientId, refused.kind === 'createActivity' ? { type, occurredOn, details: built.details } : { occurredOn, details: built.details });
        key = entry?.key ?? item.clientId;
      } else if (entry) {
        const target = entry.server ? { activityId: entry.server.id, clientId: entry.server.clientId, version: entry.server.version } : { queued: entry.item! };
        item = await engine.updateActivity(target, season.id, { occurredOn, details: built.details });
        key = entry.key;
      } else {
        item = await engine.createActivity(season.id, { type, occurredOn, details: built.details });
        key = item.clientId;
      }
      if (photo) {
        const activityRef = entry?.server?.id ?? (entry ? entry.key : item.clientId);
        await engine.photo(activityRef, season.id, { blob: photo.blob, mimeType: photo.mimeType, capturedAt: photo.capturedAt, lat: photo.lat, lon: photo.lon });
      }
      // With a connection, wait a moment for the server's word, so a refusal is seen on this form.
      const outcome = navigator.onLine ? await engine.waitFor(item.clientId, 8000) : ({ state: 'waiting' } as const);
      if (outcome.state === 'rejected') {
        setRefusedId(outcome.item.clientId);
        const fields: Record<string, string> = {};
        for (const fe of outcome.item.error?.errors ?? []) fields[formKeyOf(fe.path, values)] ??= fe.message;
        if (fields.occurredOn) setDateError(fields.occurredOn);
        setServerErrors(fields);
        window.scrollTo(0, 0);
        return;
      }
      backTo(key);
    } finally {
      setSaving(false);
    }
  };

  const onDelete = async () => {
    if (!entry) return;
    const target = entry.server ? { activityId: entry.server.id, clientId: entry.server.clientId, version: entry.server.version } : { queued: entry.item! };
    await engine.deleteActivity(target, season.id);
    navigate(`/diary/seasons/${encodeURIComponent(season.id)}`);
  };

  const setDay = (offset: number) => {
    const d = new Date();
    d.setDate(d.getDate() + offset);
    setDateText(formatDate('vi', localToday(d)));
    setDateError(null);
  };

  return (
    <article className="diary activity-form">
      <p className="breadcrumb">
        <Link to={entry ? `/diary/seasons/${encodeURIComponent(season.id)}` : `/diary/seasons/${encodeURIComponent(season.id)}/new`}>
          ← {entry ? t('diary.backToSeason') : t('diary.otherType')}
        </Link>
      </p>
      <h1>{entry ? t('diary.editTitle', { what: typeLabel(t, type) }) : typeLabel(t, type)}</h1>
      <p className="lead">
        {season.plotCode ? `${season.plotCode} · ` : ''}
        {seasonTitle(t, season)}
      </p>
      {refused ? (
        <div className="alert alert--error" role="alert" data-testid="refusal">
          <RefusalText item={refused} words={words} type={type} />
          <p>{t('diary.fixBelow')}</p>
        </div>
      ) : null}
      {catalogues.missing && (type === 'fertiliser' || type === 'pesticide') ? <p className="alert alert--warning">{t('diary.catalogueMissing')}</p> : null}
      <form ref={formRef} className="card activity-form__form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          id="occurredOn"
          label={t('diary.field.occurredOn')}
          value={dateText}
          onValueChange={(v) => {
            setDateText(v);
            setDateError(null);
          }}
          hint={t('diary.hint.date')}
          error={dateError}
          inputMode="numeric"
          autoComplete="off"
        />
        <p className="quick-dates">
          <button type="button" className="button button--secondary" onClick={() => setDay(0)}>
            {t('diary.today')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setDay(-1)}>
            {t('diary.yesterday')}
          </button>
        </p>
        <ActivityFields
          type={type}
          idPrefix="a"
          values={values}
          errors={errors}
          serverErrors={serverErrors}
          onChange={onChange}
          fertilisers={catalogues.fertilisers}
          pesticides={catalogues.pesticides}
          areaHa={season.areaHa}
        />
        <PhotoCapture value={photo} onChange={setPhoto} />
        <div className="form-actions form-actions--sticky">
          <button type="submit" className="button button--primary button--large button--block" disabled={saving}>
            {saving ? t('diary.saving') : refused ? t('diary.saveAgain') : t('diary.save')}
          </button>
        </div>
        {Object.keys(errors).length || dateError ? (
          <p className="field__error" role="alert">
            {t('diary.error.fixFields')}
          </p>
        ) : null}
      </form>
      {entry && !entry.deleting ? (
        <section className="activity-form__delete" aria-label={t('diary.delete')}>
          <ConfirmButton label={t('diary.delete')} confirmLabel={t('diary.deleteConfirm')} question={t('diary.deleteQuestion')} onConfirm={() => void onDelete()} />
        </section>
      ) : null}
    </article>
  );
}

export function ActivityFormPage({ seasonId, entryKey }: { seasonId: string; entryKey?: string | undefined }) {
  const t = useT();
  const params = useSearchParams();
  const { season, timeline, loading } = useSeason(seasonId);
  const type = params.get('type');
  if (!season) return loading ? <Loading /> : <p className="alert alert--error">{t('diary.offlineNotSaved')}</p>;
  if (entryKey) {
    const entry = timeline.find((e) => e.key === entryKey || e.server?.clientId === entryKey || e.item?.clientId === entryKey);
    if (!entry) return loading ? <Loading /> : <p className="alert alert--error">{t('diary.entryNotFound')}</p>;
    return <ActivityForm key={entry.key} season={season} type={entry.type} entry={entry} timeline={timeline} />;
  }
  if (!isType(type)) return <TypePicker season={season} />;
  return <ActivityForm key={type} season={season} type={type} entry={null} timeline={timeline} />;
}
