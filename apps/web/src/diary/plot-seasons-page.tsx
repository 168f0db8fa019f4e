/**
 * A plot's seasons (crop cycles), including ones created on this phone and not yet synced, and the
 * form to start a new one: crop and variety from the catalogue, the season's name (Đông Xuân, Hè Thu,
 * Thu Đông…), the crop year, dates typed dd/mm/yyyy.
 */
import { useMemo, useState, type FormEvent } from 'react';
import type { PlotDetail } from '../api/contracts.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorMessage, Loading } from '../components/feedback.tsx';
import { TextField } from '../components/fields.tsx';
import { parseDate } from '../i18n/format.ts';
import { useFormat, useLang, useT } from '../i18n/index.tsx';
import { getEngine, useQueue } from '../offline/engine.ts';
import { cacheKeys } from '../offline/store.ts';
import { useCached } from '../offline/use-cached.ts';
import { Link, useNavigate } from '../router/index.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { cropName, useCatalogues } from './catalogues.ts';
import { DIARY_WRITERS } from './diary-home-page.tsx';
import { SEASON_NAMES, seasonNameLabel, seasonStatusLabel } from './labels.ts';
import { badgeOf } from './timeline.ts';
import { SyncBadgeView, SyncBar } from './sync-ui.tsx';
import type { ProductionStandard, SeasonName, SeasonPage } from './types.ts';

const STANDARDS: readonly ProductionStandard[] = ['low_emission_rice', 'vietgap', 'globalgap', 'organic', 'basic', 'none'];

/** The season name a sowing date usually belongs to in the Mekong Delta (a default the person can change). */
export function likelySeasonName(isoDate: string): SeasonName {
  const month = Number(isoDate.slice(5, 7));
  if (month >= 11 || month <= 1) return 'dong_xuan';
  if (month >= 4 && month <= 6) return 'he_thu';
  if (month >= 7 && month <= 9) return 'thu_dong';
  return 'xuan_he';
}

interface SeasonRow {
  key: string;
  to: string;
  title: string;
  crop: string;
  startsOn: string;
  status: string | null;
  badge: ReturnType<typeof badgeOf> | null;
  activities: number | null;
  flags: number;
}

function NewSeasonForm({ plot, existing }: { plot: PlotDetail; existing: ReadonlyArray<{ seasonName: SeasonName; year: number }> }) {
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  const { crops } = useCatalogues();
  const year = new Date().getFullYear();
  const [cropCode, setCropCode] = useState('rice');
  const [variety, setVariety] = useState('');
  const [seasonName, setSeasonName] = useState<SeasonName | ''>('');
  const [yearText, setYearText] = useState(String(year));
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [standard, setStandard] = useState<ProductionStandard | ''>('');
  const [expectedYield, setExpectedYield] = useState('');
  const [market, setMarket] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const fmt = useFormat();
  const crop = crops.find((c) => c.code === cropCode);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    const plannedStartOn = parseDate(start);
    const plannedEndOn = parseDate(end);
    const y = Number(yearText);
    if (!crop) next.cropCode = t('diary.error.required');
    if (!seasonName) next.seasonName = t('diary.error.required');
    if (!Number.isInteger(y) || y < 2000 || y > 2100) next.year = t('diary.error.year');
    if (plannedStartOn === undefined) next.start = t('diary.error.required');
    else if (plannedStartOn === null) next.start = t('diary.error.date');
    if (plannedEndOn === null) next.end = t('diary.error.date');
    else if (plannedEndOn && plannedStartOn && plannedEndOn < plannedStartOn) next.end = t('diary.error.endBeforeStart');
    if (seasonName && seasonName !== 'other' && existing.some((s) => s.seasonName === seasonName && s.year === y)) next.seasonName = t('diary.error.seasonExists');
    const yieldKg = fmt.parse(expectedYield);
    if (yieldKg !== undefined && (Number.isNaN(yieldKg) || yieldKg <= 0 || yieldKg > 30_000)) next.expectedYield = t('diary.error.max', { max: fmt.number(30_000) });
    setErrors(next);
    if (Object.keys(next).length || !plannedStartOn || !seasonName) return;
    setSaving(true);
    const item = await getEngine().createSeason(plot.id, {
      cropCode, seasonName, year: y, plannedStartOn, ...(plannedEndOn ? { plannedEndOn } : {}), ...(variety.trim() ? { variety: variety.trim() } : {}),
      ...(standard ? { standard } : {}), ...(yieldKg !== undefined ? { expectedYieldKgPerHa: yieldKg } : {}), ...(market.trim() ? { expectedMarket: market.trim() } : {}),
    });
    setSaving(false);
    navigate(`/diary/seasons/${encodeURIComponent(item.clientId)}`);
  };

  return (
    <form className="card new-season" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="new-season-heading">
      <h2 id="new-season-heading">{t('diary.newSeason')}</h2>
      <div className={['field', errors.cropCode ? 'field--invalid' : ''].join(' ')}>
        <label htmlFor="season-crop">{t('diary.crop')}</label>
        <select id="season-crop" value={cropCode} onChange={(e) => setCropCode(e.target.value)}>
          {crops.length === 0 ? <option value="rice">{t('diary.rice')}</option> : null}
          {crops.map((c) => (
            <option key={c.code} value={c.code}>
              {cropName(c, lang)}
            </option>
          ))}
        </select>
        {errors.cropCode ? <p className="field__error">{errors.cropCode}</p> : null}
      </div>
      <TextField id="season-variety" label={t('diary.variety')} value={variety} onValueChange={setVariety} list="season-varieties" hint={t('diary.hint.variety')} maxLength={80} />
      <datalist id="season-varieties">
        {(crop?.varieties ?? []).map((v) => (
          <option key={v.code} value={lang === 'vi' ? v.nameVi : v.nameEn} />
        ))}
      </datalist>
      <fieldset className={['field', 'diary-choice', errors.seasonName ? 'field--invalid' : ''].join(' ')}>
        <legend>{t('diary.seasonName')}</legend>
        <div className="diary-choice__options">
          {SEASON_NAMES.map((n) => (
            <label key={n} className="diary-choice__option">
              <input type="radio" name="season-name" value={n} checked={seasonName === n} onChange={() => setSeasonName(n)} />
              <span>{seasonNameLabel(t, n)}</span>
            </label>
          ))}
        </div>
        {errors.seasonName ? <p className="field__error">{errors.seasonName}</p> : null}
      </fieldset>
      <div className="field-row">
        <TextField id="season-year" label={t('diary.year')} value={yearText} onValueChange={setYearText} inputMode="numeric" error={errors.year} hint={t('diary.hint.year')} />
        <TextField
          id="season-start"
          label={t('diary.plannedStart')}
          value={start}
          onValueChange={(v) => {
            setStart(v);
            const iso = parseDate(v);
            if (iso && !seasonName) setSeasonName(likelySeasonName(iso));
          }}
          inputMode="numeric"
          hint={t('diary.hint.date')}
          error={errors.start}
          autoComplete="off"
        />
        <TextField id="season-end" label={`${t('diary.plannedEnd')} · ${t('diary.optional')}`} value={end} onValueChange={setEnd} inputMode="numeric" hint={t('diary.hint.date')} error={errors.end} autoComplete="off" />
      </div>
      <details className="disclosure new-season__more">
        <summary>{t('diary.growingAreaInfo')}</summary>
        <p className="field__hint">{t('diary.growingAreaInfoHint')}</p>
        <div className="field">
          <label htmlFor="season-standard">
            {t('diary.standard')} <span className="diary-optional">· {t('diary.optional')}</span>
          </label>
          <select id="season-standard" value={standard} onChange={(e) => setStandard(STANDARDS.find((x) => x === e.target.value) ?? '')}>
            <option value="">{t('diary.none')}</option>
            {STANDARDS.map((x) => (
              <option key={x} value={x}>
                {t(`diary.standardOpt.${x}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField id="season-yield" label={`${t('diary.expectedYield')} · ${t('diary.optional')}`} value={expectedYield} onValueChange={setExpectedYield} inputMode="decimal" error={errors.expectedYield} autoComplete="off" />
        <TextField id="season-market" label={`${t('diary.expectedMarket')} · ${t('diary.optional')}`} value={market} onValueChange={setMarket} maxLength={200} />
      </details>
      <div className="form-actions">
        <button type="submit" className="button button--primary button--large button--block" disabled={saving}>
          {t('diary.createSeason')}
        </button>
      </div>
    </form>
  );
}

export function PlotSeasonsPage({ plotId }: { plotId: string }) {
  const t = useT();
  const fmt = useFormat();
  const { lang } = useLang();
  const { user } = useSession();
  const userId = user?.id ?? 'nobody';
  const items = useQueue();
  const { crops } = useCatalogues();
  const plot = useCached<PlotDetail>(`/plots/${encodeURIComponent(plotId)}`, cacheKeys.plot(userId, plotId));
  const seasons = useCached<SeasonPage>(`/seasons?plotId=${encodeURIComponent(plotId)}&pageSize=50`, cacheKeys.plotSeasons(userId, plotId));

  const rows = useMemo<SeasonRow[]>(() => {
    const queued = items.filter((i) => i.kind === 'createSeason' && i.plotId === plotId);
    const queuedRows = queued.map((i) => {
      const p = i.payload as { cropCode?: string; variety?: string; seasonName?: SeasonName; year?: number; plannedStartOn?: string };
      const c = crops.find((x) => x.code === p.cropCode);
      return {
        key: i.clientId, to: `/diary/seasons/${encodeURIComponent(i.clientId)}`, title: `${seasonNameLabel(t, p.seasonName ?? 'other')} ${p.year ?? ''}`,
        crop: `${c ? cropName(c, lang) : (p.cropCode ?? '')}${p.variety ? ` ${p.variety}` : ''}`, startsOn: p.plannedStartOn ?? '', status: null, badge: badgeOf(i),
        activities: items.filter((a) => a.seasonRef === i.clientId && a.kind === 'createActivity').length, flags: 0,
      };
    });
    const serverRows = (seasons.data?.items ?? []).map((s) => ({
      key: s.id, to: `/diary/seasons/${encodeURIComponent(s.id)}`, title: `${seasonNameLabel(t, s.seasonName)} ${s.year}`,
      crop: `${lang === 'vi' ? s.cropNameVi : s.cropNameEn}${s.variety ? ` ${s.variety}` : ''}`, startsOn: s.plannedStartOn, status: seasonStatusLabel(t, s.status), badge: null,
      activities: s.activityCount, flags: s.openFlagCount,
    }));
    return [...queuedRows, ...serverRows];
  }, [items, plotId, crops, seasons.data, t, lang]);

  if (plot.error?.status === 404 || plot.error?.status === 403) return <NotFoundPage title="diary.plotNotFound" body="diary.plotNotFoundBody" back={{ to: '/diary', label: 'diary.back' }} />;
  if (!plot.data) return plot.error && !plot.loading ? <ApiErrorMessage error={plot.error} onRetry={plot.reload}>{t('diary.offlineNotSaved')}</ApiErrorMessage> : <Loading />;
  const p = plot.data;
  const existing = [
    ...(seasons.data?.items ?? []),
    ...items.filter((i) => i.kind === 'createSeason' && i.plotId === plotId).map((i) => i.payload as { seasonName: SeasonName; year: number }),
  ];

  return (
    <article className="diary plot-seasons">
      <p className="breadcrumb">
        <Link to="/diary">← {t('diary.back')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('diary.plotTitle', { code: p.code })}</h1>
        <p className="lead">
          {p.name} · {t('diary.areaHa', { ha: fmt.number(p.areaHa, { max: 2 }) })}
          {p.householdName ? ` · ${p.householdName}` : ''}
        </p>
      </header>
      <SyncBar staleSince={seasons.stale ? seasons.savedAt : null} />
      <section aria-labelledby="seasons-heading">
        <h2 id="seasons-heading">{t('diary.seasons')}</h2>
        {rows.length === 0 ? <p>{seasons.loading ? t('common.loading') : t('diary.noSeasons')}</p> : null}
        <ul className="season-list">
          {rows.map((r) => (
            <li key={r.key}>
              <Link to={r.to} className="season-card">
                <span className="season-card__title">{r.title}</span>
                <span className="season-card__crop">{r.crop}</span>
                <span className="season-card__meta">
                  {r.startsOn ? t('diary.startsOn', { date: fmt.date(r.startsOn) }) : null}
                  {r.activities !== null ? ` · ${t('diary.entries', { n: r.activities })}` : ''}
                  {r.flags > 0 ? ` · ${t('diary.openFlags', { n: r.flags })}` : ''}
                </span>
                <span className="season-card__status">{r.badge ? <SyncBadgeView badge={r.badge} /> : r.status ? <span className="badge">{r.status}</span> : null}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {user && DIARY_WRITERS.has(user.role) ? (
        <section>
          <NewSeasonForm plot={p} existing={existing} />
        </section>
      ) : null}
    </article>
  );
}
