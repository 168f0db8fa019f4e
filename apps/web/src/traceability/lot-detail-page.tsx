/**
 * One lot or unit: what it is, its carbon intensity against the conventional baseline, its mass
 * balance, the plot-seasons it came from, the whole chain of events, its QR code and print sheet,
 * and the next steps its owner can take (milling, splitting into smaller lots, packing into units,
 * shipping, receiving), and the lots split from it.
 */
import { useState, type FormEvent } from 'react';
import { apiRequest, asApiError, type ApiError } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorMessage, Loading, TableScroll } from '../components/feedback.tsx';
import { NumberField, TextField } from '../components/fields.tsx';
import { parseDate } from '../i18n/format.ts';
import { useFormat, useLang, useT } from '../i18n/index.tsx';
import { Link, useNavigate } from '../router/index.tsx';
import { canTrace } from './abilities.ts';
import { lotStatusKey, operationKey, PRODUCT_KIND_KEYS } from './labels.ts';
import type { EventResult, LotDetail, LotPage, LotSummary, TradeItem, TradePartnerList } from './types.ts';

const todayIso = () => new Date().toISOString().slice(0, 10);

export function LotDetailPage({ id }: { id: string }) {
  const t = useT();
  const fmt = useFormat();
  const { lang } = useLang();
  const { user } = useSession();
  const detail = useApi<LotDetail>(`/lots/${encodeURIComponent(id)}`);
  const splitFrom = useApi<LotPage>(`/lots?parentLotId=${encodeURIComponent(id)}&kind=lot&pageSize=100`);
  // Kept here, not in the form: a split that takes all of the lot closes the form with the lot.
  const [splitDone, setSplitDone] = useState<number | null>(null);
  if (detail.status === 'error') return <ApiErrorMessage error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const { lot, origins, chain, massBalance, verification } = detail.data;
  const owner = lot.organisationId === user?.organisationId;
  const writer = canTrace(user?.role);
  const reduction = lot.baselineIntensityKgCo2ePerKg > 0 ? (100 * (lot.baselineIntensityKgCo2ePerKg - lot.intensityKgCo2ePerKg)) / lot.baselineIntensityKgCo2ePerKg : 0;
  const sheet = `/api/v1/qr-sheet.pdf?${lot.kind === 'lot' ? `parentLotId=${lot.id}` : `lotIds=${lot.id}`}&lang=${lang}`;

  return (
    <div className="trace">
      <p><Link to="/lots">← {t('trace.back')}</Link></p>
      <header className="page-header">
        <h1>{t(lot.kind === 'unit' ? 'trace.unitTitle' : 'trace.lotTitle', { code: lot.code })}</h1>
        <p className="lead">{lot.productName ?? t(PRODUCT_KIND_KEYS[lot.productKind])} · {lot.organisationName} · {t(lotStatusKey(lot.status))}</p>
      </header>
      <div className="trace__grid">
        <section className="card" aria-labelledby="intensity-heading">
          <h2 id="intensity-heading">{t('trace.intensity.title')}</h2>
          <p className="trace__big" role="status" aria-label={t('trace.intensity')}><strong>{fmt.number(lot.intensityKgCo2ePerKg, { fixed: 2 })}</strong> kg CO₂e/kg</p>
          <dl className="trace__dl">
            <dt>{t('trace.baseline')}</dt><dd>{fmt.number(lot.baselineIntensityKgCo2ePerKg, { fixed: 2 })} kg CO₂e/kg</dd>
            <dt>{t('trace.reduction')}</dt><dd>{fmt.percent(reduction)}</dd>
            <dt>{t('trace.verified')}</dt><dd>{fmt.percent(verification.verifiedPct)}</dd>
          </dl>
          <p className="field__hint">{t('trace.allocationRule')}</p>
        </section>
        <section className="card" aria-labelledby="balance-heading">
          <h2 id="balance-heading">{t('trace.balance.title')}</h2>
          <dl className="trace__dl">
            <dt>{t('trace.balance.produced')}</dt><dd>{fmt.number(massBalance.producedKg, { max: 3 })} kg</dd>
            <dt>{t('trace.balance.consumed')}</dt><dd>{fmt.number(massBalance.consumedKg, { max: 3 })} kg</dd>
            <dt>{t('trace.balance.available')}</dt><dd>{fmt.number(massBalance.availableKg, { max: 3 })} kg</dd>
            <dt>{t('trace.produced')}</dt><dd>{fmt.date(lot.producedOn)}</dd>
            {lot.gtin ? (<><dt>GTIN</dt><dd>{lot.gtin}</dd></>) : null}
            {detail.data.unitCount ? (<><dt>{t('trace.units')}</dt><dd>{detail.data.unitCount}</dd></>) : null}
          </dl>
        </section>
        {lot.digitalLink ? (
          <section className="card trace__qr" aria-labelledby="qr-heading">
            <h2 id="qr-heading">{t('trace.qr.title')}</h2>
            <img src={`/api/v1/lots/${lot.id}/qr.svg`} alt={t('trace.qr.alt', { code: lot.code })} width="160" height="160" />
            <p className="trace__link"><a href={lot.digitalLink}>{t('trace.qr.public')}</a></p>
            <p><a className="button button--secondary" href={sheet} target="_blank" rel="noreferrer">{t('trace.qr.sheet')}</a></p>
            <p><a href={`/api/v1/epcis/events?lotId=${lot.id}`} target="_blank" rel="noreferrer">{t('trace.epcis')}</a></p>
          </section>
        ) : null}
      </div>

      {owner && writer && lot.status === 'active' && lot.kind === 'lot' ? (
        <Actions lot={lot} splitCodes={splitFrom.data?.items.map((l) => l.code) ?? []} onDone={detail.reload} onSplit={(r) => { setSplitDone(r.lots.length); detail.reload(); splitFrom.reload(); }} />
      ) : null}
      {splitFrom.data?.items.length ? <SplitLots lots={splitFrom.data.items} done={splitDone} /> : null}
      {lot.status === 'in_transit' && lot.inTransitTo === user?.organisationId && writer ? <Receive lot={lot} onDone={detail.reload} /> : null}

      <section aria-labelledby="origins-heading">
        <h2 id="origins-heading">{t('trace.origins.title')}</h2>
        <TableScroll label={t('common.tableScroll')}>
          <table className="table table--cards">
            <thead><tr><th scope="col">{t('trace.origins.plot')}</th><th scope="col">{t('trace.origins.commune')}</th><th scope="col">{t('trace.origins.variety')}</th><th scope="col">{t('trace.origins.areaCode')}</th><th scope="col" className="num">{t('trace.origins.kg')}</th><th scope="col">{t('trace.verified')}</th></tr></thead>
            <tbody>
              {origins.map((o) => (
                <tr key={o.seasonId}>
                  <th scope="row" data-label={t('trace.origins.plot')}>{o.plotCode}</th>
                  <td data-label={t('trace.origins.commune')}>{o.communeName ?? o.communeCode}</td>
                  <td data-label={t('trace.origins.variety')}>{o.variety ?? '—'}</td>
                  <td data-label={t('trace.origins.areaCode')}>{o.growingAreaCodes.join(', ') || '—'}</td>
                  <td className="num" data-label={t('trace.origins.kg')}>{fmt.number(o.harvestedKg, { max: 1 })}</td>
                  <td data-label={t('trace.verified')}>{o.verified ? t('common.yes') : t('common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="chain-heading">
        <h2 id="chain-heading">{t('trace.chain.title')}</h2>
        <ol className="trace__chain">
          {chain.map((e) => (
            <li key={e.id}>
              <time dateTime={e.eventTime}>{fmt.date(e.eventTime)}</time> <strong>{t(operationKey(e.operation))}</strong>
              {e.organisationName ? ` · ${e.organisationName}` : ''}
              <span className="trace__event-meta"> · {e.eventType}{e.bizStep ? ` (${e.bizStep.replace(/^https:\/\/dongxanh\.vn\/epcis\/bizstep\//, '')})` : ''}</span>
              <br />
              <span className="field__hint">
                {e.inputKg !== null ? `${t('trace.chain.in')} ${fmt.number(e.inputKg, { max: 1 })} kg · ` : ''}
                {e.outputKg !== null ? `${t('trace.chain.out')} ${fmt.number(e.outputKg, { max: 1 })} kg · ` : ''}
                {e.lots.map((l) => (l.lotId === lot.id ? <strong key={l.lotId + l.role}>{l.code} </strong> : <Link key={l.lotId + l.role} to={`/lots/${l.lotId}`}>{l.code} </Link>))}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

type Action = 'transform' | 'split' | 'pack' | 'ship';

function Actions({ lot, splitCodes, onDone, onSplit }: { lot: LotSummary; splitCodes: string[]; onDone: () => void; onSplit: (r: EventResult) => void }) {
  const t = useT();
  const [action, setAction] = useState<Action | null>(null);
  return (
    <section className="card" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('trace.actions.title')}</h2>
      <div className="form-actions">
        <button type="button" className="button button--secondary" aria-pressed={action === 'transform'} onClick={() => setAction('transform')}>{t('trace.transform.open')}</button>
        <button type="button" className="button button--secondary" aria-pressed={action === 'split'} onClick={() => setAction('split')}>{t('trace.split.open')}</button>
        <button type="button" className="button button--secondary" aria-pressed={action === 'pack'} onClick={() => setAction('pack')}>{t('trace.pack.open')}</button>
        <button type="button" className="button button--secondary" aria-pressed={action === 'ship'} onClick={() => setAction('ship')}>{t('trace.ship.open')}</button>
      </div>
      {action === 'transform' ? <TransformForm lot={lot} /> : null}
      {/* Done, the form closes: the new lots are listed below with the lot's new balance. */}
      {action === 'split' ? <SplitForm lot={lot} takenCodes={splitCodes} onSplit={(r) => { setAction(null); onSplit(r); }} /> : null}
      {action === 'pack' ? <PackForm lot={lot} onDone={onDone} /> : null}
      {action === 'ship' ? <ShipForm lot={lot} onDone={onDone} /> : null}
    </section>
  );
}

function useSubmit<T>(run: () => Promise<T>, then: (r: T) => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      then(await run());
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, submit };
}

function TransformForm({ lot }: { lot: LotSummary }) {
  const t = useT();
  const fmt = useFormat();
  const navigate = useNavigate();
  const items = useApi<{ items: TradeItem[] }>('/trade-items');
  const input = lot.availableKg;
  const [inputKg, setInputKg] = useState(fmt.number(input, { max: 3 }));
  const [riceCode, setRiceCode] = useState(`${lot.code}-G`);
  const [riceKg, setRiceKg] = useState(fmt.number(Math.floor(input * 0.65), { max: 0 }));
  const [huskKg, setHuskKg] = useState(fmt.number(Math.floor(input * 0.2), { max: 0 }));
  const [branKg, setBranKg] = useState(fmt.number(Math.floor(input * 0.1), { max: 0 }));
  const [date, setDate] = useState(fmt.date(todayIso()));
  const mine = (items.data?.items ?? []).filter((i) => i.organisationId === lot.organisationId);
  const itemFor = (kind: string) => mine.find((i) => i.productKind === kind && i.netContentKg === null)?.id;
  const ratio = (fmt.parse(riceKg) ?? 0) / (fmt.parse(inputKg) || 1);
  const { error, busy, submit } = useSubmit(
    () => {
      const body = {
        producedOn: parseDate(date) ?? '', process: 'milling' as const, inputs: [{ lotId: lot.id, massKg: fmt.parse(inputKg) ?? 0 }],
        outputs: [
          { code: riceCode.trim(), productKind: 'milled_rice' as const, massKg: fmt.parse(riceKg) ?? 0, byProduct: false, ...(itemFor('milled_rice') ? { tradeItemId: itemFor('milled_rice') } : {}) },
          { code: `${riceCode.trim()}-T`, productKind: 'husk' as const, massKg: fmt.parse(huskKg) ?? 0, byProduct: true, ...(itemFor('husk') ? { tradeItemId: itemFor('husk') } : {}) },
          { code: `${riceCode.trim()}-C`, productKind: 'bran' as const, massKg: fmt.parse(branKg) ?? 0, byProduct: true, ...(itemFor('bran') ? { tradeItemId: itemFor('bran') } : {}) },
        ],
      };
      return apiRequest<EventResult>('/lots/transform', { json: body });
    },
    (r) => navigate(`/lots/${r.lots[0]!.id}`),
  );
  return (
    <form onSubmit={submit} aria-labelledby="transform-heading" noValidate>
      <h3 id="transform-heading">{t('trace.transform.title')}</h3>
      <div className="field-row">
        <NumberField id="transform-input" label={t('trace.transform.input')} value={inputKg} onValueChange={setInputKg} error={error?.errorFor('inputs')} />
        <TextField id="transform-date" label={t('trace.date')} value={date} onValueChange={setDate} />
      </div>
      <div className="field-row">
        <TextField id="transform-code" label={t('trace.transform.riceCode')} value={riceCode} onValueChange={setRiceCode} error={error?.errorFor('outputs[0].code')} />
        <NumberField id="transform-rice" label={t('trace.transform.rice')} value={riceKg} onValueChange={setRiceKg} hint={t('trace.transform.ratio', { ratio: fmt.number(ratio, { fixed: 2 }) })} />
        <NumberField id="transform-husk" label={t('trace.transform.husk')} value={huskKg} onValueChange={setHuskKg} />
        <NumberField id="transform-bran" label={t('trace.transform.bran')} value={branKg} onValueChange={setBranKg} />
      </div>
      {error ? <ApiErrorMessage error={error} request="write" /> : null}
      <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.saving') : t('trace.transform.submit')}</button>
    </form>
  );
}

/** GS1 AI 10 lot numbers: the character set of Gs1Code in packages/contracts/src/traceability.ts. */
const LOT_NUMBER = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;
// Masses are compared in grams: "0,1 + 0,2" kg must not exceed a lot of "0,3" kg by a rounding error.
const grams = (kg: number) => Math.round(kg * 1000);

interface SplitRow { key: number; code: string; kg: string }
type RowErrors = { code?: string | undefined; kg?: string | undefined };

/** Suggested numbers for new parts: the lot's number with -1, -2 … skipping those already used. */
function suggestCodes(parent: string, taken: readonly string[], count: number) {
  const out: string[] = [];
  for (let n = 1; out.length < count; n++) if (!taken.includes(`${parent}-${n}`)) out.push(`${parent}-${n}`);
  return out.map((c) => (LOT_NUMBER.test(c) ? c : ''));
}

function SplitForm({ lot, takenCodes, onSplit }: { lot: LotSummary; takenCodes: string[]; onSplit: (r: EventResult) => void }) {
  const t = useT();
  const fmt = useFormat();
  const kgText = (n: number) => fmt.number(n, { max: 3 });
  const [rows, setRows] = useState<SplitRow[]>(() => suggestCodes(lot.code, takenCodes, 2).map((code, i) => ({ key: i + 1, code, kg: '' })));
  const [date, setDate] = useState(fmt.date(todayIso()));
  // After the first attempt to save, this form's own checks follow every keystroke.
  const [attempted, setAttempted] = useState(false);
  const masses = rows.map((r) => fmt.parse(r.kg));
  const partsKg = masses.reduce<number>((sum, m) => sum + (m !== undefined && Number.isFinite(m) && m > 0 ? m : 0), 0);
  const leftGrams = grams(lot.availableKg) - grams(partsKg);

  /** What this form refuses before asking the server, row by row; null when there is nothing. */
  function problems(): { rows: RowErrors[]; date?: string } | null {
    const found: RowErrors[] = rows.map(() => ({}));
    let any = false;
    let running = 0;
    let overflowReported = false;
    rows.forEach((row, i) => {
      const code = row.code.trim();
      const first = rows.findIndex((r) => r.code.trim() === code);
      if (!code) found[i]!.code = t('trace.split.codeRequired');
      else if (!LOT_NUMBER.test(code)) found[i]!.code = t('trace.lotNumberHint');
      else if (code === lot.code) found[i]!.code = t('trace.split.codeIsParent');
      else if (first < i) found[i]!.code = t('trace.split.codeTwice', { code, n: first + 1 });
      const kg = masses[i];
      if (kg === undefined || !Number.isFinite(kg) || kg <= 0) found[i]!.kg = t('trace.split.massRequired');
      else {
        running += kg;
        // Name the row at which the parts first exceed what the lot has left.
        if (!overflowReported && grams(running) > grams(lot.availableKg)) {
          overflowReported = true;
          found[i]!.kg = t('trace.split.tooMuch', { n: i + 1, total: kgText(running), available: kgText(lot.availableKg) });
        }
      }
      if (found[i]!.code || found[i]!.kg) any = true;
    });
    const dateIso = parseDate(date);
    const dateError = dateIso ? undefined : t('trace.dateInvalid');
    return any || dateError ? { rows: found, ...(dateError ? { date: dateError } : {}) } : null;
  }

  const { error: lastError, busy, submit } = useSubmit(
    async () => {
      const body = { producedOn: parseDate(date) ?? '', parts: rows.map((r, i) => ({ code: r.code.trim(), massKg: masses[i] ?? 0 })) };
      return apiRequest<EventResult>(`/lots/${lot.id}/split`, { json: body });
    },
    onSplit,
  );
  // A refusal is about what was sent: once the person edits the form it no longer applies.
  const [editedAfter, setEditedAfter] = useState<ApiError | null>(null);
  const error = lastError && lastError !== editedAfter ? lastError : null;
  const edited = () => setEditedAfter(lastError);
  const checked = attempted ? problems() : null;
  const onSubmit = (e: FormEvent) => {
    setAttempted(true);
    if (problems()) { e.preventDefault(); return; }
    void submit(e);
  };
  // The server's refusal of a row, in the words of this form where the refusal is a known one.
  const serverError = (i: number, field: 'code' | 'massKg') => {
    const message = error?.errorFor(`parts[${i}].${field}`);
    if (!message) return null;
    if (field === 'code' && error?.status === 409) return t('trace.split.codeUsed');
    if (field === 'massKg' && error?.status === 422) return t('trace.split.serverTooMuch', { available: kgText(lot.availableKg) });
    return message;
  };
  const fieldsWithErrors = rows.flatMap((_, i) => [`parts[${i}].code`, `parts[${i}].massKg`]).concat('producedOn');
  const update = (key: number, change: Partial<SplitRow>) => { edited(); setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r))); };
  const addRow = () => {
    edited();
    setRows((rs) => {
      const next = suggestCodes(lot.code, [...takenCodes, ...rs.map((r) => r.code.trim())], 1)[0] ?? '';
      return [...rs, { key: Math.max(0, ...rs.map((r) => r.key)) + 1, code: next, kg: '' }];
    });
  };
  const removeRow = (key: number) => { edited(); setRows((rs) => rs.filter((r) => r.key !== key)); };

  return (
    <form onSubmit={onSubmit} aria-labelledby="split-heading" noValidate>
      <h3 id="split-heading">{t('trace.split.title')}</h3>
      <p className="field__hint">{t('trace.split.hint')}</p>
      <TextField id="split-date" label={t('trace.date')} value={date} onValueChange={(v) => { edited(); setDate(v); }} error={checked?.date ?? error?.errorFor('producedOn')} />
      <ol className="trace__split-rows">
        {rows.map((row, i) => (
          <li key={row.key} className="trace__split-row">
            <TextField id={`split-code-${row.key}`} label={t('trace.split.partCode', { n: i + 1 })} value={row.code} onValueChange={(v) => update(row.key, { code: v })} autoComplete="off" autoCapitalize="characters" spellCheck={false}
              error={checked?.rows[i]?.code ?? serverError(i, 'code')} />
            <NumberField id={`split-kg-${row.key}`} label={t('trace.split.partKg', { n: i + 1 })} value={row.kg} onValueChange={(v) => update(row.key, { kg: v })}
              error={checked?.rows[i]?.kg ?? serverError(i, 'massKg')} />
            <button type="button" className="button button--secondary button--small" onClick={() => removeRow(row.key)} disabled={rows.length === 1}>
              {t('trace.split.remove', { n: i + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <p><button type="button" className="button button--secondary" onClick={addRow} disabled={rows.length >= 100}>{t('trace.split.add')}</button></p>
      <p className={leftGrams < 0 ? 'alert alert--warning' : 'trace__split-left'} role="status" aria-live="polite">
        {leftGrams < 0
          ? t('trace.split.over', { parts: kgText(partsKg), available: kgText(lot.availableKg), over: kgText(-leftGrams / 1000) })
          : t('trace.split.remaining', { parts: kgText(partsKg), available: kgText(lot.availableKg), left: kgText(leftGrams / 1000) })}
      </p>
      {checked ? <p className="alert alert--error" role="alert">{t('trace.split.check')}</p> : null}
      {error && !checked ? (
        <ApiErrorMessage error={error} request="write">
          {error.otherErrors(fieldsWithErrors).length || !(error.problem.errors ?? []).length ? undefined : t('trace.split.check')}
        </ApiErrorMessage>
      ) : null}
      <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.saving') : t('trace.split.submit')}</button>
    </form>
  );
}

/** The lots split from this one, each a link, with what they weigh and have left. */
function SplitLots({ lots, done }: { lots: LotSummary[]; done: number | null }) {
  const t = useT();
  const fmt = useFormat();
  return (
    <section className="card" aria-labelledby="split-lots-heading">
      <h2 id="split-lots-heading">{t('trace.split.children')}</h2>
      {done ? <p className="alert alert--success" role="status">{t('trace.split.done', { n: done })}</p> : null}
      <TableScroll label={t('common.tableScroll')}>
        <table className="table table--cards">
          <thead><tr><th scope="col">{t('trace.lotNumber')}</th><th scope="col" className="num">{t('trace.balance.produced')}</th><th scope="col" className="num">{t('trace.balance.available')}</th><th scope="col">{t('trace.produced')}</th></tr></thead>
          <tbody>
            {[...lots].sort((a, b) => a.code.localeCompare(b.code)).map((l) => (
              <tr key={l.id}>
                <th scope="row" data-label={t('trace.lotNumber')}><Link to={`/lots/${l.id}`}>{l.code}</Link></th>
                <td className="num" data-label={t('trace.balance.produced')}>{fmt.number(l.massKg, { max: 3 })} kg</td>
                <td className="num" data-label={t('trace.balance.available')}>{fmt.number(l.availableKg, { max: 3 })} kg</td>
                <td data-label={t('trace.produced')}>{fmt.date(l.producedOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function PackForm({ lot, onDone }: { lot: LotSummary; onDone: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const items = useApi<{ items: TradeItem[] }>('/trade-items');
  const packs = (items.data?.items ?? []).filter((i) => i.organisationId === lot.organisationId && i.productKind === lot.productKind && i.netContentKg);
  const [itemId, setItemId] = useState('');
  const [count, setCount] = useState('10');
  const [done, setDone] = useState<string | null>(null);
  const chosen = packs.find((p) => p.id === itemId) ?? packs[0];
  const { error, busy, submit } = useSubmit(
    () => apiRequest<EventResult & { sscc: string }>(`/lots/${lot.id}/pack`, { json: { tradeItemId: chosen?.id ?? '', producedOn: todayIso(), count: Number(count) } }),
    (r) => { setDone(t('trace.pack.done', { n: r.lots.length, sscc: r.sscc })); onDone(); },
  );
  return (
    <form onSubmit={submit} aria-labelledby="pack-heading" noValidate>
      <h3 id="pack-heading">{t('trace.pack.title')}</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor="pack-item">{t('trace.pack.item')}</label>
          <select id="pack-item" value={chosen?.id ?? ''} onChange={(e) => setItemId(e.target.value)}>
            {packs.map((p) => <option key={p.id} value={p.id}>{p.nameVi} · {p.gtin} · {fmt.number(p.netContentKg ?? 0)} kg</option>)}
          </select>
        </div>
        <NumberField id="pack-count" label={t('trace.pack.count')} value={count} onValueChange={setCount} error={error?.errorFor('count')} />
      </div>
      {error ? <ApiErrorMessage error={error} request="write" /> : null}
      {done ? <p className="alert alert--success" role="status">{done}</p> : null}
      <button type="submit" className="button button--primary" disabled={busy || !chosen}>{busy ? t('common.saving') : t('trace.pack.submit')}</button>
    </form>
  );
}

function ShipForm({ lot, onDone }: { lot: LotSummary; onDone: () => void }) {
  const t = useT();
  const partners = useApi<TradePartnerList>('/trade-partners');
  const units = useApi<LotPage>(`/lots?parentLotId=${lot.id}&kind=unit&status=active&pageSize=200`);
  const others = (partners.data?.items ?? []).filter((p) => p.id !== lot.organisationId);
  const [to, setTo] = useState('');
  const [what, setWhat] = useState<'lot' | 'units'>('lot');
  const [count, setCount] = useState('');
  const [number, setNumber] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const available = units.data?.items ?? [];
  const { error, busy, submit } = useSubmit(
    () => {
      const lotIds = what === 'lot' ? [lot.id] : available.slice(0, Number(count) || available.length).map((u) => u.id);
      return apiRequest<EventResult>('/shipments', { json: { toOrganisationId: to || others[0]?.id || '', lotIds, despatchAdviceNumber: number.trim() } });
    },
    (r) => { setDone(t('trace.ship.done', { n: r.lots.length })); onDone(); units.reload(); },
  );
  return (
    <form onSubmit={submit} aria-labelledby="ship-heading" noValidate>
      <h3 id="ship-heading">{t('trace.ship.title')}</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor="ship-to">{t('trace.ship.to')}</label>
          <select id="ship-to" value={to || others[0]?.id || ''} onChange={(e) => setTo(e.target.value)}>
            {others.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ship-what">{t('trace.ship.what')}</label>
          <select id="ship-what" value={what} onChange={(e) => setWhat(e.target.value === 'units' ? 'units' : 'lot')}>
            <option value="lot">{t('trace.ship.wholeLot', { code: lot.code })}</option>
            {available.length ? <option value="units">{t('trace.ship.units', { n: available.length })}</option> : null}
          </select>
        </div>
        {what === 'units' ? <NumberField id="ship-count" label={t('trace.ship.count')} value={count} onValueChange={setCount} /> : null}
        <TextField id="ship-number" label={t('trace.ship.number')} value={number} onValueChange={setNumber} error={error?.errorFor('despatchAdviceNumber')} />
      </div>
      {error ? <ApiErrorMessage error={error} request="write" /> : null}
      {done ? <p className="alert alert--success" role="status">{done}</p> : null}
      <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.saving') : t('trace.ship.submit')}</button>
    </form>
  );
}

function Receive({ lot, onDone }: { lot: LotSummary; onDone: () => void }) {
  const t = useT();
  const { error, busy, submit } = useSubmit(() => apiRequest<EventResult>('/receipts', { json: { lotIds: [lot.id] } }), () => onDone());
  return (
    <form className="card" onSubmit={submit} aria-labelledby="receive-heading">
      <h2 id="receive-heading">{t('trace.receive.title')}</h2>
      <p>{t('trace.receive.text', { code: lot.code, from: lot.organisationName })}</p>
      {error ? <ApiErrorMessage error={error} request="write" /> : null}
      <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.saving') : t('trace.receive.submit')}</button>
    </form>
  );
}
