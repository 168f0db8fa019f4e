/**
 * Lots and units (capability 8): the list, a harvest lot made from plot-seasons, and collecting
 * several lots into one. Masses are typed in kg with a decimal comma or point; the server refuses a
 * harvest larger than the diary's and says by how much.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { apiRequest, asApiError, type ApiError } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorMessage, Loading, TableScroll } from '../components/feedback.tsx';
import { NumberField, TextField } from '../components/fields.tsx';
import { parseDate } from '../i18n/format.ts';
import { useFormat, useT } from '../i18n/index.tsx';
import { Link, useNavigate } from '../router/index.tsx';
import { canTrace } from './abilities.ts';
import { lotStatusKey, PRODUCT_KIND_KEYS } from './labels.ts';
import type { EventResult, LotPage, SeasonPage, TradeItem } from './types.ts';

const today = () => {
  const d = new Date();
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
};

export function LotsPage() {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const [kind, setKind] = useState<'lot' | 'unit'>('lot');
  const list = useApi<LotPage>(`/lots?kind=${kind}&pageSize=100`);
  const [selected, setSelected] = useState<string[]>([]);
  const writer = canTrace(user?.role);
  const mine = (list.data?.items ?? []).filter((l) => l.organisationId === user?.organisationId && l.status === 'active');

  return (
    <div className="trace">
      <header className="page-header">
        <h1>{t('trace.title')}</h1>
        <p className="lead">{t('trace.intro')}</p>
      </header>
      {writer ? <HarvestForm onDone={list.reload} /> : null}
      {writer && selected.length >= 2 ? <AggregateForm lotIds={selected} lots={mine} onDone={() => { setSelected([]); list.reload(); }} /> : null}
      <section aria-labelledby="lots-heading">
        <div className="trace__list-head">
          <h2 id="lots-heading" className="list-heading">{t('trace.list', { total: list.data?.total ?? 0 })}</h2>
          <div className="trace__toggle" role="group" aria-label={t('trace.kind')}>
            <button type="button" aria-pressed={kind === 'lot'} onClick={() => setKind('lot')}>{t('trace.kind.lot')}</button>
            <button type="button" aria-pressed={kind === 'unit'} onClick={() => setKind('unit')}>{t('trace.kind.unit')}</button>
          </div>
        </div>
        {writer && kind === 'lot' ? <p className="field__hint">{t('trace.selectHint')}</p> : null}
        {list.status === 'error' ? <ApiErrorMessage error={list.error} onRetry={list.reload} /> : null}
        {list.status === 'loading' && !list.data ? <Loading /> : null}
        {list.data && list.data.items.length === 0 ? <p>{t('common.empty')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <TableScroll label={t('common.tableScroll')}>
            <table className="table table--cards">
              <thead>
                <tr>
                  {writer && kind === 'lot' ? <th scope="col"><span className="visually-hidden">{t('trace.select')}</span></th> : null}
                  <th scope="col">{t('trace.code')}</th>
                  <th scope="col">{t('trace.product')}</th>
                  <th scope="col" className="num">{t('trace.mass')}</th>
                  <th scope="col" className="num">{t('trace.available')}</th>
                  <th scope="col" className="num">{t('trace.intensity')}</th>
                  <th scope="col">{t('trace.owner')}</th>
                  <th scope="col">{t('trace.status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((l) => (
                  <tr key={l.id}>
                    {writer && kind === 'lot' ? (
                      <td data-label={t('trace.select')}>
                        {mine.some((m) => m.id === l.id) ? (
                          <input type="checkbox" aria-label={t('trace.selectLot', { code: l.code })} checked={selected.includes(l.id)} onChange={(e) => setSelected((s) => (e.target.checked ? [...s, l.id] : s.filter((x) => x !== l.id)))} />
                        ) : null}
                      </td>
                    ) : null}
                    <th scope="row" data-label={t('trace.code')}><Link to={`/lots/${l.id}`}>{l.code}</Link></th>
                    <td data-label={t('trace.product')}>{l.productName ?? t(PRODUCT_KIND_KEYS[l.productKind])}</td>
                    <td className="num" data-label={t('trace.mass')}>{fmt.number(l.massKg, { max: 1 })} kg</td>
                    <td className="num" data-label={t('trace.available')}>{fmt.number(l.availableKg, { max: 1 })} kg</td>
                    <td className="num" data-label={t('trace.intensity')}>{fmt.number(l.intensityKgCo2ePerKg, { fixed: 2 })}</td>
                    <td data-label={t('trace.owner')}>{l.organisationName}</td>
                    <td data-label={t('trace.status')}>{t(lotStatusKey(l.status))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
    </div>
  );
}

function HarvestForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const navigate = useNavigate();
  const seasons = useApi<SeasonPage>('/seasons?pageSize=200');
  const items = useApi<{ items: TradeItem[] }>('/trade-items');
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [date, setDate] = useState(today());
  const [moisture, setMoisture] = useState('');
  const [filter, setFilter] = useState('');
  const [masses, setMasses] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const harvested = useMemo(() => (seasons.data?.items ?? []).filter((s) => s.status === 'harvested' || s.status === 'closed'), [seasons.data]);
  const shown = harvested.filter((s) => !filter || s.plotCode.toLowerCase().includes(filter.toLowerCase()) || (s.variety ?? '').toLowerCase().includes(filter.toLowerCase())).slice(0, 30);
  const paddyItem = items.data?.items.find((i) => i.productKind === 'paddy');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const producedOn = parseDate(date);
    setDateError(producedOn ? null : t('trace.dateInvalid'));
    if (!producedOn) return;
    const sources = Object.entries(masses).flatMap(([seasonId, text]) => {
      const kg = fmt.parse(text);
      return kg && kg > 0 ? [{ seasonId, massKg: kg }] : [];
    });
    setBusy(true);
    setError(null);
    try {
      const made = await apiRequest<EventResult>('/lots/harvest', { json: { code: code.trim(), producedOn, ...(fmt.parse(moisture) !== undefined ? { moisturePct: fmt.parse(moisture) } : {}), ...(paddyItem ? { tradeItemId: paddyItem.id } : {}), sources } });
      onDone();
      navigate(`/lots/${made.lots[0]!.id}`);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  if (!open) return <p><button type="button" className="button button--primary" onClick={() => setOpen(true)}>{t('trace.harvest.open')}</button></p>;
  return (
    <form className="card" onSubmit={submit} aria-labelledby="harvest-heading" noValidate>
      <h2 id="harvest-heading">{t('trace.harvest.title')}</h2>
      <p className="field__hint">{t('trace.harvest.hint')}</p>
      <div className="field-row">
        <TextField id="harvest-code" label={t('trace.lotNumber')} value={code} onValueChange={setCode} hint={t('trace.lotNumberHint')} error={error?.errorFor('code')} required />
        <TextField id="harvest-date" label={t('trace.harvestDate')} value={date} onValueChange={setDate} error={dateError ?? error?.errorFor('producedOn')} />
        <NumberField id="harvest-moisture" label={t('trace.moisture')} value={moisture} onValueChange={setMoisture} />
      </div>
      <TextField id="harvest-filter" label={t('trace.harvest.filter')} value={filter} onValueChange={setFilter} />
      {seasons.status === 'loading' ? <Loading /> : null}
      <fieldset className="trace__seasons">
        <legend>{t('trace.harvest.seasons')}</legend>
        {shown.map((s) => (
          <NumberField
            key={s.id}
            id={`harvest-mass-${s.id}`}
            label={t('trace.harvest.massFrom', { plot: s.plotCode, variety: s.variety ?? '—' })}
            value={masses[s.id] ?? ''}
            onValueChange={(v) => setMasses((m) => ({ ...m, [s.id]: v }))}
          />
        ))}
      </fieldset>
      {error ? <ApiErrorMessage error={error} request="write" /> : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.saving') : t('trace.harvest.submit')}</button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>{t('trace.cancel')}</button>
      </div>
    </form>
  );
}

function AggregateForm({ lotIds, lots, onDone }: { lotIds: string[]; lots: LotPage['items']; onDone: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const navigate = useNavigate();
  const items = useApi<{ items: TradeItem[] }>('/trade-items');
  const [code, setCode] = useState('');
  const [date, setDate] = useState(today());
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = lots.filter((l) => lotIds.includes(l.id));
  const total = chosen.reduce((s, l) => s + l.availableKg, 0);
  const item = items.data?.items.find((i) => i.productKind === chosen[0]?.productKind);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const made = await apiRequest<EventResult>('/lots/aggregate', { json: { code: code.trim(), producedOn: parseDate(date) ?? '', ...(item ? { tradeItemId: item.id } : {}), inputs: chosen.map((l) => ({ lotId: l.id, massKg: l.availableKg })) } });
      onDone();
      navigate(`/lots/${made.lots[0]!.id}`);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="aggregate-heading" noValidate>
      <h2 id="aggregate-heading">{t('trace.aggregate.title')}</h2>
      <p>{t('trace.aggregate.summary', { n: chosen.length, kg: fmt.number(total, { max: 1 }) })}</p>
      <div className="field-row">
        <TextField id="aggregate-code" label={t('trace.lotNumber')} value={code} onValueChange={setCode} error={error?.errorFor('code')} />
        <TextField id="aggregate-date" label={t('trace.date')} value={date} onValueChange={setDate} error={error?.errorFor('producedOn')} />
      </div>
      {error ? <ApiErrorMessage error={error} request="write" /> : null}
      <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.saving') : t('trace.aggregate.submit')}</button>
    </form>
  );
}
