/**
 * MRV submissions: the list the caller can see (cooperatives their own, officers and verifiers their
 * area), with what waits for them first, and — for a cooperative — a new submission of its
 * plot-seasons for a monitoring period.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useApi } from '../api/use-api.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorMessage, Loading, TableScroll } from '../components/feedback.tsx';
import { CheckboxField, TextField } from '../components/fields.tsx';
import { parseDate } from '../i18n/format.ts';
import { useFormat, useT, type MessageKey } from '../i18n/index.tsx';
import { Link, useNavigate } from '../router/index.tsx';
import { ActionError, MrvTabs, StateBadge, useAction } from './common.tsx';
import type { HeldSeasonsResponse, SeasonPage, SubmissionDetail, SubmissionPage, SubmissionState } from './types.ts';

/** What each role is waiting to act on, shown first. */
const WAITING: Partial<Record<string, SubmissionState[]>> = {
  coop_manager: ['draft', 'returned'],
  coop_recorder: ['draft', 'returned'],
  commune_officer: ['submitted'],
  province_officer: ['submitted'],
  verifier: ['reviewed'],
};

export function SubmissionsPage() {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const list = useApi<SubmissionPage>('/submissions');
  const mayCreate = user?.role === 'coop_manager' || user?.role === 'coop_recorder';
  const waiting = WAITING[user?.role ?? ''] ?? [];
  const items = [...(list.data?.items ?? [])].sort((a, b) => Number(waiting.includes(b.state)) - Number(waiting.includes(a.state)));

  return (
    <div className="mrv">
      <MrvTabs />
      <header className="page-header">
        <h1>{t('mrv.submissions.title')}</h1>
        <p className="lead">{t('mrv.submissions.lead')}</p>
      </header>
      {mayCreate ? (
        <p>
          <Link to="/mrv/submissions/new" className="button button--primary">
            {t('mrv.submissions.new')}
          </Link>
        </p>
      ) : null}
      {list.status === 'error' && !list.data ? <ApiErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {!list.data ? (
        list.status === 'loading' ? <Loading /> : null
      ) : items.length === 0 ? (
        <p>{t('mrv.submissions.empty')}</p>
      ) : (
        <TableScroll label={t('common.tableScroll')}>
          <table className="table table--cards">
            <caption className="visually-hidden">{t('mrv.submissions.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mrv.submission.title')}</th>
                <th scope="col">{t('mrv.submission.state')}</th>
                <th scope="col">{t('mrv.submission.cooperative')}</th>
                <th scope="col">{t('mrv.submission.period')}</th>
                <th scope="col" className="num">{t('mrv.submission.plots')}</th>
                <th scope="col" className="num">{t('mrv.submission.netEr')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <th scope="row" data-label={t('mrv.submission.title')}>
                    <span>
                      <Link to={`/mrv/submissions/${encodeURIComponent(s.id)}`}>{s.title}</Link>
                      {s.revision > 1 ? <span className="mrv-muted"> · {t('mrv.submission.revision', { n: String(s.revision) })}</span> : null}
                      {waiting.includes(s.state) ? <span className="badge badge--running mrv-waiting">{t('mrv.submissions.waiting')}</span> : null}
                    </span>
                  </th>
                  <td data-label={t('mrv.submission.state')}>
                    <StateBadge state={s.state} />
                  </td>
                  <td data-label={t('mrv.submission.cooperative')}>{s.organisationName}</td>
                  <td data-label={t('mrv.submission.period')}>
                    {fmt.date(s.periodStart)} – {fmt.date(s.periodEnd)}
                  </td>
                  <td data-label={t('mrv.submission.plots')} className="num">
                    {fmt.number(s.plotCount)}
                  </td>
                  <td data-label={t('mrv.submission.netEr')} className="num">
                    {fmt.number(s.netErTCo2e, { fixed: 1 })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

const SEASON_NAMES: Record<string, MessageKey> = {
  dong_xuan: 'mrv.season.dong_xuan', he_thu: 'mrv.season.he_thu', thu_dong: 'mrv.season.thu_dong', xuan_he: 'mrv.season.xuan_he', mua: 'mrv.season.mua', other: 'mrv.season.other',
};

export function NewSubmissionPage() {
  const t = useT();
  const fmt = useFormat();
  const navigate = useNavigate();
  const seasons = useApi<SeasonPage>('/seasons?pageSize=200');
  const held = useApi<HeldSeasonsResponse>('/submissions/held-seasons');
  const heldBy = useMemo(() => new Map((held.data?.items ?? []).map((h) => [h.seasonId, h])), [held.data]);
  const [title, setTitle] = useState('');
  const [periodStart, setPeriodStart] = useState('01/11/2025');
  const [periodEnd, setPeriodEnd] = useState('30/04/2026');
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const action = useAction<SubmissionDetail>();

  const rows = useMemo(() => {
    const all = [...(seasons.data?.items ?? [])].sort((a, b) => a.plotCode.localeCompare(b.plotCode));
    const f = filter.trim().toLowerCase();
    return f ? all.filter((s) => s.plotCode.toLowerCase().includes(f) || s.plotName.toLowerCase().includes(f)) : all;
  }, [seasons.data, filter]);
  const free = rows.filter((r) => !heldBy.has(r.id));

  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const start = parseDate(periodStart);
    const end = parseDate(periodEnd);
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = t('mrv.new.titleMissing');
    if (!start) found.periodStart = t('mrv.new.dateInvalid');
    if (!end) found.periodEnd = t('mrv.new.dateInvalid');
    if (chosen.size === 0) found.seasonIds = t('mrv.new.noneChosen');
    setErrors(found);
    if (Object.keys(found).length || !start || !end) return;
    const created = await action.run('create', '/submissions', { title: title.trim(), periodStart: start, periodEnd: end, seasonIds: [...chosen] });
    if (created) navigate(`/mrv/submissions/${encodeURIComponent(created.id)}`);
  };

  return (
    <div className="mrv">
      <MrvTabs />
      <p className="breadcrumb">
        <Link to="/mrv">← {t('mrv.back')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('mrv.new.title')}</h1>
        <p className="lead">{t('mrv.new.lead')}</p>
      </header>
      <form onSubmit={onSubmit} noValidate className="mrv-form">
        <TextField id="submission-title" label={t('mrv.submission.title')} value={title} onValueChange={setTitle} error={errors.title ?? action.error?.errorFor('title')} placeholder={t('mrv.new.titlePlaceholder')} />
        <div className="mrv-form__row">
          <TextField id="period-start" label={t('mrv.new.periodStart')} value={periodStart} onValueChange={setPeriodStart} inputMode="numeric" hint={t('mrv.new.dateHint')} error={errors.periodStart ?? action.error?.errorFor('periodStart')} />
          <TextField id="period-end" label={t('mrv.new.periodEnd')} value={periodEnd} onValueChange={setPeriodEnd} inputMode="numeric" hint={t('mrv.new.dateHint')} error={errors.periodEnd ?? action.error?.errorFor('periodEnd')} />
        </div>
        <fieldset className="mrv-pick">
          <legend>{t('mrv.new.seasons', { n: String(chosen.size) })}</legend>
          {seasons.status === 'error' && !seasons.data ? <ApiErrorMessage error={seasons.error} onRetry={seasons.reload} /> : null}
          {!seasons.data && seasons.status === 'loading' ? <Loading /> : null}
          <TextField id="season-filter" label={t('mrv.new.filter')} value={filter} onValueChange={setFilter} type="search" autoComplete="off" />
          <p className="form-actions">
            <button type="button" className="button button--secondary" onClick={() => setChosen((prev) => new Set([...prev, ...free.map((r) => r.id)]))}>
              {t('mrv.new.chooseShown', { n: String(free.length) })}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setChosen(new Set())}>
              {t('mrv.new.clear')}
            </button>
          </p>
          {errors.seasonIds ? <p className="field__error">{errors.seasonIds}</p> : null}
          <ul className="mrv-pick__list">
            {rows.map((s) => heldBy.has(s.id) ? (
              <li key={s.id} className="mrv-pick__held">
                <strong>{s.plotCode}</strong> · {t('mrv.new.held', { title: heldBy.get(s.id)!.title })}
              </li>
            ) : (
              <li key={s.id}>
                <CheckboxField
                  id={`season-${s.id}`}
                  checked={chosen.has(s.id)}
                  onCheckedChange={(on) => toggle(s.id, on)}
                  label={
                    <>
                      <strong>{s.plotCode}</strong> · {t(SEASON_NAMES[s.seasonName] ?? 'mrv.season.other')} {s.year} · {fmt.number(s.areaHa, { fixed: 2 })} ha
                    </>
                  }
                />
              </li>
            ))}
          </ul>
        </fieldset>
        <ActionError error={action.error} />
        <p className="form-actions">
          <button type="submit" className="button button--primary" disabled={action.busy !== null}>
            {action.busy ? t('mrv.new.creating') : t('mrv.new.create')}
          </button>
        </p>
      </form>
    </div>
  );
}
