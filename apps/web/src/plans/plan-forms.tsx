/**
 * The plan author's forms: create a plan, edit its header (names, decision, yearly report deadline),
 * add an indicator (entered by hand, or computed from the records) with its baseline, and set an
 * indicator's target for each year. Each field shows its own error in the reader's language: the
 * rules of plan-form-rules.ts first, then what the server said about the field (ApiError.errorFor).
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { apiRequest, asApiError, type ApiError } from '../api/client.ts';
import type { AdminUnit, AdminUnitPage } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { useSession } from '../auth/session.tsx';
import { CommunePicker } from '../components/commune-picker.tsx';
import { apiErrorText } from '../components/feedback.tsx';
import { NumberField, SelectField, TextField } from '../components/fields.tsx';
import { useFormat, useLang, useT, type MessageKey, type Translate } from '../i18n/index.tsx';
import { withQuery } from '../router/index.tsx';
import {
  checkCreatePlan, checkIndicator, checkTargets, checkUpdatePlan, COMPUTATION_DEFAULTS, COMPUTATION_NAMES, splitDecision,
  type Comparator, type ComputationName, type CreatePlanField, type CreatePlanInput, type IndicatorField, type IndicatorInput, type PlanHeaderInput,
} from './plan-form-rules.ts';
import { comparatorSign, thisYear, useUnit } from './shared.tsx';
import type { Indicator, PlanDetail } from './types.ts';

export type FormErrors = Record<string, string>;

/**
 * The server's answer as messages next to the fields it names. A code already used and a unit
 * outside the author's own are said in our words; anything about no listed field goes on top.
 */
export function serverFieldErrors(error: ApiError, fields: readonly string[], t: Translate): FormErrors {
  const out: FormErrors = {};
  for (const f of fields) {
    const m = error.errorFor(f);
    if (m) out[f] = error.status === 409 && f === 'code' ? t('planForm.codeTaken') : m;
  }
  const others = error.otherErrors(fields);
  if (error.status === 403) out.form = t('planForm.notYourUnit');
  else if (!Object.keys(out).length || others.length) out.form = [apiErrorText(error, t, 'write'), ...others.map((e) => `${e.path}: ${e.message}`)].join(' ');
  return out;
}

const translated = (t: Translate, errors: Partial<Record<string, MessageKey>>): FormErrors =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(v!)]));

function FormShell({ title, busy, errors, onSubmit, onCancel, submitLabel, children, id }: { title: string; busy: boolean; errors: FormErrors; onSubmit: (e: FormEvent) => void; onCancel: () => void; submitLabel: string; children: ReactNode; id: string }) {
  const t = useT();
  return (
    <form className="inline-form plan-form" onSubmit={onSubmit} noValidate aria-busy={busy} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {errors.form ? <p className="alert alert--error" role="alert">{errors.form}</p> : null}
      {Object.keys(errors).some((k) => k !== 'form') ? <p className="visually-hidden" role="alert">{t('planForm.checkFields')}</p> : null}
      {children}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.saving') : submitLabel}</button>
        <button type="button" className="button button--ghost" onClick={onCancel}>{t('plans.cancel')}</button>
      </div>
    </form>
  );
}

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1));

/** Day and month of the yearly report deadline, the decision number and its date: shared by both plan forms. */
function HeaderFields({ prefix, value, set, errors }: { prefix: string; value: PlanHeaderInput; set: (patch: Partial<PlanHeaderInput>) => void; errors: FormErrors }) {
  const t = useT();
  return (
    <>
      <div className="field-row">
        <TextField id={`${prefix}-name-vi`} label={t('planForm.nameVi')} value={value.nameVi} onValueChange={(v) => set({ nameVi: v })} error={errors.nameVi} required />
        <TextField id={`${prefix}-name-en`} label={t('planForm.nameEn')} value={value.nameEn} onValueChange={(v) => set({ nameEn: v })} error={errors.nameEn} required lang="en" />
      </div>
      <div className="field-row">
        <TextField id={`${prefix}-decision`} label={t('planForm.decisionNumber')} hint={t('planForm.decisionNumberHint')} value={value.decisionNumber} onValueChange={(v) => set({ decisionNumber: v })} error={errors.decisionNumber} />
        <TextField id={`${prefix}-decision-date`} label={t('planForm.decisionDate')} hint={t('common.dateHint')} value={value.decisionDate} onValueChange={(v) => set({ decisionDate: v })} error={errors.decisionDate} inputMode="numeric" />
      </div>
      <fieldset className="plan-form__deadline">
        <legend>{t('planForm.reportDue')}</legend>
        <div className="field-row">
          <TextField id={`${prefix}-due-day`} label={t('planForm.day')} value={value.reportDueDay} onValueChange={(v) => set({ reportDueDay: v })} error={errors.reportDueDay} inputMode="numeric" />
          <SelectField id={`${prefix}-due-month`} label={t('planForm.month')} value={value.reportDueMonth} options={MONTHS} optionLabel={(m) => t('planForm.monthName', { n: m })} onValueChange={(v) => set({ reportDueMonth: v })} error={errors.reportDueMonth} />
        </div>
      </fieldset>
    </>
  );
}

type Scope = 'province' | 'commune';

/** A new plan for the author's province or one of its communes (a commune officer: their commune). */
export function CreatePlanForm({ onCreated, onCancel }: { onCreated: (id: string) => void; onCancel: () => void }) {
  const t = useT();
  const { user } = useSession();
  const own = user?.adminUnitCode ?? '';
  const isAdmin = user?.role === 'admin';
  const communeOnly = own.length === 5;
  const year = thisYear();
  const [scope, setScope] = useState<Scope>(communeOnly ? 'commune' : 'province');
  const [province, setProvince] = useState(isAdmin ? '' : own.slice(0, 2));
  const [commune, setCommune] = useState(communeOnly ? own : '');
  const [input, setInput] = useState<Omit<CreatePlanInput, 'unitCode'>>({
    code: '', nameVi: '', nameEn: '', issuingBody: '', decisionNumber: '', decisionDate: '', legalBasis: '',
    periodStartYear: String(year), periodEndYear: String(year + 4), reportDueDay: '10', reportDueMonth: '12',
  });
  const set = (patch: Partial<CreatePlanInput>) => setInput((s) => ({ ...s, ...patch }));
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const provinces = useApi<AdminUnitPage>(isAdmin ? withQuery('/admin-units', { level: 'province', pageSize: 50 }) : null);
  const ownUnit = useApi<AdminUnit>(!isAdmin && own ? `/admin-units/${encodeURIComponent(own)}` : null);
  const unitCode = scope === 'province' ? province : commune;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkCreatePlan({ ...input, unitCode });
    if (!checked.ok) return setErrors(translated(t, checked.errors));
    setBusy(true);
    setErrors({});
    try {
      const created = await apiRequest<{ id: string }>('/plans', { method: 'POST', json: checked.body });
      onCreated(created.id);
    } catch (err) {
      setErrors(serverFieldErrors(asApiError(err), ['code', 'nameVi', 'nameEn', 'issuingBody', 'decisionNumber', 'legalBasis', 'unitCode', 'periodStartYear', 'periodEndYear', 'reportDueDay', 'reportDueMonth'] satisfies CreatePlanField[], t));
      setBusy(false);
    }
  };

  return (
    <FormShell id="new-plan" title={t('planForm.createTitle')} busy={busy} errors={errors} onSubmit={onSubmit} onCancel={onCancel} submitLabel={t('planForm.create')}>
      <div className="field-row">
        <TextField id="plan-code" label={t('planForm.code')} hint={t('planForm.codeHint')} value={input.code} onValueChange={(v) => set({ code: v })} error={errors.code} required autoCapitalize="none" spellCheck={false} />
        <TextField id="plan-issuing-body" label={t('plans.issuingBody')} hint={t('planForm.issuingBodyHint')} value={input.issuingBody} onValueChange={(v) => set({ issuingBody: v })} error={errors.issuingBody} required />
      </div>
      <HeaderFields prefix="plan" value={input} set={set} errors={errors} />
      <TextField id="plan-legal-basis" label={t('planForm.legalBasis')} hint={t('planForm.legalBasisHint')} value={input.legalBasis} onValueChange={(v) => set({ legalBasis: v })} error={errors.legalBasis} />
      <fieldset>
        <legend>{t('planForm.scope')}</legend>
        <div className="field-row">
          {communeOnly ? null : (
            <SelectField id="plan-scope" label={t('planForm.scopeLevel')} value={scope} options={['province', 'commune'] as const} optionLabel={(s) => t(s === 'province' ? 'planForm.scopeProvince' : 'planForm.scopeCommune')} onValueChange={setScope} />
          )}
          {isAdmin && (scope === 'province' || !commune) ? (
            <SelectField id="plan-province" label={t('planForm.province')} value={province} options={['', ...(provinces.data?.items.map((p) => p.code) ?? [])]} optionLabel={(c) => (c ? provinces.data?.items.find((p) => p.code === c)?.name ?? c : t('planForm.chooseProvince'))} onValueChange={setProvince} error={scope === 'province' ? errors.unitCode : undefined} />
          ) : null}
          {scope === 'province' && !isAdmin ? (
            <div className="field">
              <span className="field__label-static">{t('planForm.province')}</span>
              <p className="field__static">{ownUnit.data?.name ?? province}</p>
            </div>
          ) : null}
          {scope === 'commune' ? (
            communeOnly ? (
              <div className="field">
                <span className="field__label-static">{t('planForm.scopeCommune')}</span>
                <p className="field__static">{ownUnit.data?.name ?? own}</p>
              </div>
            ) : (
              <CommunePicker id="plan-commune" label={t('planForm.commune')} hint={t('planForm.communeHint')} value={commune} onChange={setCommune} error={errors.unitCode} />
            )
          ) : null}
        </div>
      </fieldset>
      <div className="field-row">
        <TextField id="plan-start" label={t('planForm.periodStart')} value={input.periodStartYear} onValueChange={(v) => set({ periodStartYear: v })} error={errors.periodStartYear} inputMode="numeric" required />
        <TextField id="plan-end" label={t('planForm.periodEnd')} value={input.periodEndYear} onValueChange={(v) => set({ periodEndYear: v })} error={errors.periodEndYear} inputMode="numeric" required />
      </div>
    </FormShell>
  );
}

/** The editable part of a plan's header. */
export function EditPlanForm({ plan, onSaved, onCancel }: { plan: PlanDetail; onSaved: () => void; onCancel: () => void }) {
  const t = useT();
  const decision = splitDecision(plan.decisionNumber);
  const [input, setInput] = useState<PlanHeaderInput>({
    nameVi: plan.nameVi, nameEn: plan.nameEn, decisionNumber: decision.number, decisionDate: decision.date, reportDueDay: String(plan.reportDueDay), reportDueMonth: String(plan.reportDueMonth),
  });
  const set = (patch: Partial<PlanHeaderInput>) => setInput((s) => ({ ...s, ...patch }));
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkUpdatePlan(input);
    if (!checked.ok) return setErrors(translated(t, checked.errors));
    setBusy(true);
    setErrors({});
    try {
      await apiRequest(`/plans/${encodeURIComponent(plan.id)}`, { method: 'PATCH', json: checked.body });
      onSaved();
    } catch (err) {
      setErrors(serverFieldErrors(asApiError(err), ['nameVi', 'nameEn', 'decisionNumber', 'reportDueDay', 'reportDueMonth'], t));
      setBusy(false);
    }
  };
  return (
    <FormShell id="edit-plan" title={t('planForm.editTitle')} busy={busy} errors={errors} onSubmit={onSubmit} onCancel={onCancel} submitLabel={t('plans.save')}>
      <HeaderFields prefix="edit-plan" value={input} set={set} errors={errors} />
    </FormShell>
  );
}

const COMPUTATION_KEYS: Record<ComputationName, MessageKey> = {
  cultivated_area_ha: 'computation.cultivated_area_ha',
  low_emission_cultivated_area_ha: 'computation.low_emission_cultivated_area_ha',
  season_area_ha: 'computation.season_area_ha',
  low_emission_share_pct: 'computation.low_emission_share_pct',
  sustainable_share_pct: 'computation.sustainable_share_pct',
  coded_area_share_pct: 'computation.coded_area_share_pct',
  awd_share_pct: 'computation.awd_share_pct',
  seed_rate_kg_per_ha: 'computation.seed_rate_kg_per_ha',
  chemical_n_kg_per_ha: 'computation.chemical_n_kg_per_ha',
  chemical_n_reduction_pct: 'computation.chemical_n_reduction_pct',
  pesticide_reduction_pct: 'computation.pesticide_reduction_pct',
  straw_collected_pct: 'computation.straw_collected_pct',
  post_harvest_loss_pct: 'computation.post_harvest_loss_pct',
  mechanisation_pct: 'computation.mechanisation_pct',
  ghg_reduction_pct: 'computation.ghg_reduction_pct',
  ghg_total_t: 'computation.ghg_total_t',
  ghg_reduction_vs_base_year_pct: 'computation.ghg_reduction_vs_base_year_pct',
  digital_diary_share_pct: 'computation.digital_diary_share_pct',
  crop_yield_ta_per_ha: 'computation.crop_yield_ta_per_ha',
  crop_output_t: 'computation.crop_output_t',
  consolidated_area_ha: 'computation.consolidated_area_ha',
  consolidated_added_ha: 'computation.consolidated_added_ha',
  training_coverage_pct: 'computation.training_coverage_pct',
};
const COMPUTATIONS = ['entered', ...COMPUTATION_NAMES] as const;
/** Computations over seasons can be narrowed to one crop; land and training ones cannot. */
const CROP_FILTERABLE = (c: IndicatorInput['computation']) => c !== 'entered' && !c.startsWith('consolidated_') && c !== 'training_coverage_pct';

/** A new indicator, and its baseline when one is given (a second call: the baseline has its own source). */
export function AddIndicatorForm({ plan, onSaved, onCancel }: { plan: PlanDetail; onSaved: () => void; onCancel: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const unitText = useUnit();
  const [input, setInput] = useState<IndicatorInput>({
    code: '', section: '', nameVi: '', nameEn: '', unit: '%', direction: 'increase', computation: 'entered', crop: '', source: '', baselineYear: '', baselineValue: '', baselineSource: '',
  });
  const set = (patch: Partial<IndicatorInput>) => setInput((s) => ({ ...s, ...patch }));
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  // Once added, a failed baseline must not add the indicator a second time.
  const [addedId, setAddedId] = useState<string | null>(null);

  const chooseComputation = (c: IndicatorInput['computation']) => set(c === 'entered' ? { computation: c } : { computation: c, ...COMPUTATION_DEFAULTS[c] });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkIndicator(input, lang);
    if (!checked.ok) return setErrors(translated(t, checked.errors));
    setBusy(true);
    setErrors({});
    let id = addedId;
    try {
      if (!id) {
        id = (await apiRequest<{ id: string }>(`/plans/${encodeURIComponent(plan.id)}/indicators`, { method: 'POST', json: checked.body.indicator })).id;
        setAddedId(id);
      }
      if (checked.body.baseline) await apiRequest(`/indicators/${encodeURIComponent(id)}/baseline`, { method: 'PUT', json: checked.body.baseline });
      onSaved();
    } catch (err) {
      const next = serverFieldErrors(asApiError(err), ['code', 'section', 'nameVi', 'nameEn', 'unit', 'direction', 'computation', 'source', 'baselineYear', 'baselineValue', 'baselineSource'] satisfies IndicatorField[], t);
      if (id) next.form = `${t('indicatorForm.addedBaselineFailed')} ${next.form ?? ''}`.trim();
      setErrors(next);
      setBusy(false);
    }
  };

  const units = ['%', 'ha', 'kg/ha', 'ta/ha', 't', 'products', 'models'];
  return (
    <FormShell id="new-indicator" title={t('indicatorForm.title')} busy={busy} errors={errors} onSubmit={onSubmit} onCancel={onCancel} submitLabel={t('indicatorForm.save')}>
      <div className="field-row">
        <TextField id="indicator-code" label={t('planForm.code')} hint={t('indicatorForm.codeHint')} value={input.code} onValueChange={(v) => set({ code: v })} error={errors.code} required autoCapitalize="none" spellCheck={false} disabled={Boolean(addedId)} />
        <TextField id="indicator-section" label={t('indicatorForm.section')} hint={t('indicatorForm.sectionHint')} value={input.section} onValueChange={(v) => set({ section: v })} error={errors.section} disabled={Boolean(addedId)} />
      </div>
      <div className="field-row">
        <TextField id="indicator-name-vi" label={t('planForm.nameVi')} value={input.nameVi} onValueChange={(v) => set({ nameVi: v })} error={errors.nameVi} required disabled={Boolean(addedId)} />
        <TextField id="indicator-name-en" label={t('planForm.nameEn')} value={input.nameEn} onValueChange={(v) => set({ nameEn: v })} error={errors.nameEn} required lang="en" disabled={Boolean(addedId)} />
      </div>
      <SelectField id="indicator-computation" label={t('indicatorForm.computation')} hint={t('indicatorForm.computationHint')} value={input.computation} options={COMPUTATIONS} optionLabel={(c) => (c === 'entered' ? t('indicatorForm.entered') : t(COMPUTATION_KEYS[c]))} onValueChange={chooseComputation} error={errors.computation} />
      <div className="field-row">
        <TextField id="indicator-unit" label={t('indicatorForm.unit')} hint={t('indicatorForm.unitHint', { units: units.map(unitText).join(', ') })} value={input.unit} onValueChange={(v) => set({ unit: v })} error={errors.unit} required list="indicator-units" disabled={Boolean(addedId)} />
        <datalist id="indicator-units">{units.map((u) => <option key={u} value={u}>{unitText(u)}</option>)}</datalist>
        <SelectField id="indicator-direction" label={t('indicatorForm.direction')} value={input.direction} options={['increase', 'decrease'] as const} optionLabel={(d) => t(d === 'increase' ? 'indicatorForm.increase' : 'indicatorForm.decrease')} onValueChange={(d) => set({ direction: d })} error={errors.direction} />
        {CROP_FILTERABLE(input.computation) ? (
          <TextField id="indicator-crop" label={t('indicatorForm.crop')} hint={t('indicatorForm.cropHint')} value={input.crop} onValueChange={(v) => set({ crop: v })} error={errors.crop} autoCapitalize="none" spellCheck={false} />
        ) : null}
      </div>
      <TextField id="indicator-source" label={t('indicatorForm.source')} hint={t('indicatorForm.sourceHint')} value={input.source} onValueChange={(v) => set({ source: v })} error={errors.source} required disabled={Boolean(addedId)} />
      <fieldset>
        <legend>{t('indicatorForm.baseline')}</legend>
        <p className="field__hint">{t('indicatorForm.baselineHint')}</p>
        <div className="field-row">
          <NumberField id="indicator-baseline-value" label={t('indicatorForm.baselineValue', { unit: unitText(input.unit) })} value={input.baselineValue} onValueChange={(v) => set({ baselineValue: v })} error={errors.baselineValue} />
          <TextField id="indicator-baseline-year" label={t('plans.baselineYear')} value={input.baselineYear} onValueChange={(v) => set({ baselineYear: v })} error={errors.baselineYear} inputMode="numeric" />
        </div>
        <TextField id="indicator-baseline-source" label={t('indicatorForm.baselineSource')} value={input.baselineSource} onValueChange={(v) => set({ baselineSource: v })} error={errors.baselineSource} />
      </fieldset>
    </FormShell>
  );
}

const COMPARATORS: readonly Comparator[] = ['gte', 'gt', 'lte', 'lt', 'eq'];

/** The indicator's own target for each year of the plan (and any year it already has a target for). */
export function TargetsForm({ plan, indicator, onSaved, onCancel }: { plan: Pick<PlanDetail, 'periodStartYear' | 'periodEndYear'>; indicator: Indicator; onSaved: () => void; onCancel: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const fmt = useFormat();
  const unitText = useUnit();
  const own = indicator.targets.filter((x) => x.breakdown === '');
  const before = new Map(own.map((x) => [x.year, { comparator: x.comparator, value: x.value, asWritten: x.asWritten }]));
  const years = [...new Set([...Array.from({ length: plan.periodEndYear - plan.periodStartYear + 1 }, (_, i) => plan.periodStartYear + i), ...own.map((x) => x.year)])].sort((a, b) => a - b);
  const defaultComparator: Comparator = indicator.direction === 'decrease' ? 'lte' : 'gte';
  const [rows, setRows] = useState(() => years.map((year) => {
    const old = before.get(year);
    return { year, comparator: old?.comparator ?? defaultComparator, value: old ? fmt.number(old.value, { max: 4 }) : '', asWritten: old?.asWritten ?? '' };
  }));
  const [source, setSource] = useState(own[0]?.source ?? '');
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const setRow = (year: number, patch: Partial<(typeof rows)[number]>) => setRows((rs) => rs.map((r) => (r.year === year ? { ...r, ...patch } : r)));
  const prefix = `targets-${indicator.id}`;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkTargets(rows, before, source, lang);
    if (!checked.ok) return setErrors(translated(t, checked.errors));
    setBusy(true);
    setErrors({});
    for (const change of checked.changes) {
      try {
        await apiRequest(`/indicators/${encodeURIComponent(indicator.id)}/targets/${change.year}`, { method: 'PUT', json: change.body });
      } catch (err) {
        const error = asApiError(err);
        const next = serverFieldErrors(error, ['source', 'value', 'comparator', 'asWritten'], t);
        setErrors({ ...(next.value ? { [`value-${change.year}`]: next.value } : {}), ...(next.source ? { source: next.source } : {}), form: t('targetForm.failedAt', { year: String(change.year), reason: next.form ?? next.value ?? '' }) });
        setBusy(false);
        return;
      }
    }
    onSaved();
  };

  return (
    <FormShell id={prefix} title={t('targetForm.title', { name: lang === 'vi' ? indicator.nameVi : indicator.nameEn })} busy={busy} errors={errors} onSubmit={onSubmit} onCancel={onCancel} submitLabel={t('targetForm.save')}>
      <p className="field__hint">{t('targetForm.hint', { unit: unitText(indicator.unit) })}</p>
      <table className="table table--compact target-table">
        <thead>
          <tr>
            <th scope="col">{t('plans.year')}</th>
            <th scope="col">{t('targetForm.comparator')}</th>
            <th scope="col">{t('targetForm.value', { unit: unitText(indicator.unit) })}</th>
            <th scope="col">{t('targetForm.asWritten')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.year}>
              <th scope="row">{r.year}</th>
              <td>
                <SelectField id={`${prefix}-cmp-${r.year}`} label={<span className="visually-hidden">{t('targetForm.comparatorOf', { year: String(r.year) })}</span>} value={r.comparator} options={COMPARATORS} optionLabel={(c) => `${comparatorSign(c)} ${t(`targetForm.cmp.${c}`)}`} onValueChange={(c) => setRow(r.year, { comparator: c })} />
              </td>
              <td>
                <NumberField id={`${prefix}-value-${r.year}`} label={<span className="visually-hidden">{t('targetForm.valueOf', { year: String(r.year) })}</span>} value={r.value} onValueChange={(v) => setRow(r.year, { value: v })} error={errors[`value-${r.year}`]} placeholder={t('targetForm.value', { unit: unitText(indicator.unit) })} />
              </td>
              <td>
                <TextField id={`${prefix}-written-${r.year}`} label={<span className="visually-hidden">{t('targetForm.asWrittenOf', { year: String(r.year) })}</span>} value={r.asWritten} onValueChange={(v) => setRow(r.year, { asWritten: v })} placeholder={t('targetForm.asWritten')} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TextField id={`${prefix}-source`} label={t('targetForm.source')} hint={t('targetForm.sourceHint')} value={source} onValueChange={setSource} error={errors.source} />
    </FormShell>
  );
}
