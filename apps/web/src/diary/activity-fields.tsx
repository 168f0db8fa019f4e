/**
 * The fields of one activity type, drawn from its spec (activity-form.ts): labels, units, hints and
 * errors tied to each input; big touch targets; numbers typed as text with the decimal keypad. A
 * fertiliser shows the chosen product's N-P-K and the N it adds per hectare; a pesticide its active
 * ingredients and pre-harvest interval.
 */
import { useFormat, useLang, useT, type Translate } from '../i18n/index.tsx';
import { describedBy } from '../components/fields.tsx';
import { CUSTOM_PRODUCT, MANUAL_PESTICIDE, STRAW_SHARES, STRAW_SUM, visibleFields, type FieldError, type FieldSpec, type FormValues } from './activity-form.ts';
import { productName } from './catalogues.ts';
import { fieldLabel, hintText, optionLabel, unitLabel } from './labels.ts';
import type { ActivityType, FertiliserProduct, PesticideProduct } from './types.ts';

/** The running total of the straw shares, with the error when they do not make 100 %. */
function StrawTotal({ id, values, error }: { id: string; values: FormValues; error: string | null }) {
  const t = useT();
  const fmt = useFormat();
  const parts = STRAW_SHARES.map((k) => (typeof values[k] === 'string' ? fmt.parse(values[k] as string) : undefined));
  const sum = parts.reduce<number>((a, p) => a + (p !== undefined && !Number.isNaN(p) ? p : 0), 0);
  return (
    <div className="diary-sum" id={id}>
      <p className={Math.abs(sum - 100) <= 0.1 ? 'diary-sum__ok' : 'diary-sum__off'}>{t('diary.strawTotal', { sum: fmt.number(sum, { max: 1 }) })}</p>
      {error ? <p className="field__error">{error}</p> : null}
    </div>
  );
}

export function fieldErrorText(t: Translate, error: FieldError | undefined, fmtNumber: (n: number) => string): string | null {
  if (!error) return null;
  switch (error.code) {
    case 'required':
      return t('diary.error.required');
    case 'number':
      return t('diary.error.number');
    case 'positive':
      return t('diary.error.positive');
    case 'integer':
      return t('diary.error.integer');
    case 'min':
      return t('diary.error.min', { min: fmtNumber(error.min) });
    case 'max':
      return t('diary.error.max', { max: fmtNumber(error.max) });
    case 'tooLong':
      return t('diary.error.tooLong', { max: error.max });
    case 'sum100':
      return t('diary.error.sum100', { sum: fmtNumber(error.sum) });
    case 'npkOver100':
      return t('diary.error.npkOver100');
  }
}

interface Props {
  type: ActivityType;
  /** Prefix of the inputs' ids (two forms on one page stay apart). */
  idPrefix: string;
  values: FormValues;
  errors: Record<string, FieldError>;
  /** Server field errors by details key (from a refusal), shown like the form's own. */
  serverErrors?: Record<string, string>;
  onChange: (key: string, value: string | boolean) => void;
  fertilisers: readonly FertiliserProduct[];
  pesticides: readonly PesticideProduct[];
  /** The season's area, for the "N per hectare" preview of an amount given for the whole plot. */
  areaHa?: number | null;
}

export function ActivityFields({ type, idPrefix, values, errors, serverErrors = {}, onChange, fertilisers, pesticides, areaHa }: Props) {
  const t = useT();
  const fmt = useFormat();
  const { lang } = useLang();
  const n = (x: number) => fmt.number(x, { max: 2 });
  const fields = visibleFields(type, values);

  const extraFor = (spec: FieldSpec) => {
    if (spec.catalogue === 'fertilisers' && typeof values.productCode === 'string') {
      const p = fertilisers.find((f) => f.code === values.productCode);
      if (!p) return null;
      const amount = typeof values.amount === 'string' ? fmt.parse(values.amount) : undefined;
      const perHa = amount === undefined || Number.isNaN(amount) ? null : values.amountUnit === 'kg_per_plot' ? (areaHa ? amount / areaHa : null) : amount;
      return (
        <p className="diary-product" data-testid="fertiliser-grade">
          {t('diary.grade', { n: n(p.nFraction * 100), p: n(p.p2o5Fraction * 100), k: n(p.k2oFraction * 100) })}
          {perHa !== null && p.nFraction > 0 ? <> · {t('diary.nPerHa', { kg: fmt.number(perHa * p.nFraction, { max: 1 }) })}</> : null}
        </p>
      );
    }
    if (spec.catalogue === 'pesticides' && typeof values.productCode === 'string') {
      const p = pesticides.find((x) => x.code === values.productCode);
      if (!p) return null;
      return (
        <p className="diary-product">
          {t('diary.ingredients', { list: p.activeIngredients.map((i) => (i.concentration ? `${i.name} ${i.concentration}` : i.name)).join(', ') })} ·{' '}
          {t('diary.summary.phi', { days: p.defaultPhiDays })}
        </p>
      );
    }
    return null;
  };

  return (
    <>
      {fields.map((spec) => {
        const id = `${idPrefix}-${spec.key}`;
        const share = type === 'straw' && (STRAW_SHARES as readonly string[]).includes(spec.key);
        const error = fieldErrorText(t, errors[spec.key], n) ?? serverErrors[spec.key] ?? null;
        const hint = spec.hint ? hintText(t, spec.hint) : null;
        const label = (
          <>
            {fieldLabel(t, spec)}
            {spec.unit ? <span className="diary-unit"> ({unitLabel(t, spec.unit)})</span> : null}
            {!spec.required && spec.kind !== 'checkbox' ? <span className="diary-optional"> · {t('diary.optional')}</span> : null}
          </>
        );
        const value = values[spec.key];
        const sumError = share && errors[STRAW_SUM] ? fieldErrorText(t, errors[STRAW_SUM], n) : null;
        const common = { 'aria-invalid': error || sumError ? true : undefined, 'aria-describedby': [describedBy(id, hint, error), sumError ? `${idPrefix}-straw-sum` : null].filter(Boolean).join(' ') || undefined } as const;
        const foot = (
          <>
            {hint ? (
              <p className="field__hint" id={`${id}-hint`}>
                {hint}
              </p>
            ) : null}
            {error ? (
              <p className="field__error" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
          </>
        );
        if (spec.kind === 'checkbox') {
          return (
            <div key={spec.key} className={['field', 'field--checkbox', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
              <input type="checkbox" id={id} checked={value === true} onChange={(e) => onChange(spec.key, e.target.checked)} {...common} />
              <label htmlFor={id}>{label}</label>
              {foot}
            </div>
          );
        }
        if (spec.kind === 'radio' && spec.options) {
          return (
            <fieldset key={spec.key} className={['field', 'diary-choice', error ? 'field--invalid' : ''].filter(Boolean).join(' ')} aria-describedby={describedBy(id, hint, error)}>
              <legend>{label}</legend>
              <div className="diary-choice__options">
                {spec.options.map((o) => (
                  <label key={o} className="diary-choice__option">
                    <input type="radio" name={id} value={o} checked={value === o} onChange={() => onChange(spec.key, o)} />
                    <span>{optionLabel(t, spec, o)}</span>
                  </label>
                ))}
              </div>
              {foot}
            </fieldset>
          );
        }
        if (spec.kind === 'select') {
          const options: Array<{ value: string; label: string }> = spec.catalogue === 'fertilisers'
            ? [...fertilisers.map((f) => ({ value: f.code, label: productName(f, lang) })), { value: CUSTOM_PRODUCT, label: t('diary.customProduct') }]
            : spec.catalogue === 'pesticides'
              ? [...pesticides.map((p) => ({ value: p.code, label: p.name })), { value: MANUAL_PESTICIDE, label: t('diary.manualPesticide') }]
              : (spec.options ?? []).map((o) => ({ value: o, label: optionLabel(t, spec, o) }));
          return (
            <div key={spec.key} className={['field', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
              <label htmlFor={id}>{label}</label>
              <select id={id} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(spec.key, e.target.value)} {...common}>
                <option value="">{spec.required ? t('diary.choose') : t('diary.none')}</option>
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              {extraFor(spec)}
              {foot}
            </div>
          );
        }
        if (spec.kind === 'textarea') {
          return (
            <div key={spec.key} className={['field', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
              <label htmlFor={id}>{label}</label>
              <textarea id={id} rows={2} value={typeof value === 'string' ? value : ''} maxLength={spec.maxLength} onChange={(e) => onChange(spec.key, e.target.value)} {...common} />
              {foot}
            </div>
          );
        }
        const total = spec.key === 'leftOnSurfaceFraction' && type === 'straw' ? <StrawTotal id={`${idPrefix}-straw-sum`} values={values} error={errors[STRAW_SUM] ? fieldErrorText(t, errors[STRAW_SUM], n) : null} /> : null;
        return (
          <div key={spec.key} className={['field', error || sumError ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
            <label htmlFor={id}>{label}</label>
            <input
              id={id}
              type="text"
              value={typeof value === 'string' ? value : ''}
              onChange={(e) => onChange(spec.key, e.target.value)}
              {...(spec.kind === 'number' ? { inputMode: 'decimal' as const, autoComplete: 'off', spellCheck: false } : { maxLength: spec.maxLength })}
              {...common}
            />
            {foot}
            {total}
          </div>
        );
      })}
    </>
  );
}
