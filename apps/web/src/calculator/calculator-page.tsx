/**
 * The MRV calculator: baseline against project for one season, computed in the browser by the
 * methodology package on every change (the same engine and contract as POST /api/v1/mrv/calculate),
 * so it works without an account and without a network.
 */
import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { tryCalculate, type ComparisonResult, type GwpSet } from '@dongxanh/methodology';
import { CheckboxField, NumberField, SelectField } from '../components/fields.tsx';
import { useFormat, useT } from '../i18n/index.tsx';
import { engineErrorText } from './messages.ts';
import { buildDocument, defaultForm, domIdFor, fieldForPath, SIDES, type CalculatorForm, type FertiliserRow, type FieldId, type Side, type SideForm } from './model.ts';
import { Results } from './results.tsx';
import { SideFieldset } from './side-fieldset.tsx';

const GWP_SETS: readonly GwpSet[] = ['AR5', 'AR6'];

/** Jumps to the field an error is about and puts the cursor in it. */
function focusField(e: MouseEvent<HTMLAnchorElement>, field: FieldId | null) {
  const input = field ? document.getElementById(domIdFor(field)) : null;
  if (!input) return;
  e.preventDefault();
  input.scrollIntoView({ block: 'center' });
  input.focus({ preventScroll: true });
}

export function CalculatorPage() {
  const t = useT();
  const fmt = useFormat();
  const [form, setForm] = useState<CalculatorForm>(defaultForm);
  const nextKey = useRef(100);
  // After "add a fertiliser", the cursor goes to the new row's product.
  const focusAfterRender = useRef<string | null>(null);
  useEffect(() => {
    if (!focusAfterRender.current) return;
    document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = null;
  });

  const contractDocument = useMemo(() => buildDocument(form, fmt.parse), [form, fmt]);
  const outcome = useMemo(() => tryCalculate(contractDocument), [contractDocument]);

  const result = outcome.ok && outcome.result.kind === 'comparison' ? (outcome.result as ComparisonResult) : null;
  const invalid = useMemo(() => {
    if (outcome.ok) return null;
    const field = fieldForPath(outcome.error.field, form);
    return { error: outcome.error, field, message: engineErrorText(outcome.error, field, t), fieldLabelled: field !== null };
  }, [outcome, form, t]);

  const errorFor = (field: FieldId): string | null => (invalid && invalid.field === field ? invalid.message : null);

  const updateSide = (side: Side, patch: Partial<SideForm>) => setForm((f) => ({ ...f, [side]: { ...f[side], ...patch } }));
  const updateFertiliser = (side: Side, key: number, patch: Partial<FertiliserRow>) =>
    setForm((f) => ({ ...f, [side]: { ...f[side], fertilisers: f[side].fertilisers.map((r) => (r.key === key ? { ...r, ...patch } : r)) } }));
  const addFertiliser = (side: Side) => {
    const key = nextKey.current++;
    focusAfterRender.current = domIdFor(`${side}.fert.${key}.product`);
    setForm((f) => ({ ...f, [side]: { ...f[side], fertilisers: [...f[side].fertilisers, { key, product: 'urea', kgPerHa: '', nPercent: '' }] } }));
  };
  const removeFertiliser = (side: Side, key: number) =>
    setForm((f) => ({ ...f, [side]: { ...f[side], fertilisers: f[side].fertilisers.filter((r) => r.key !== key) } }));

  return (
    <div className="calc">
      <header className="page-header">
        <h1>{t('calc.title')}</h1>
        <p className="lead">{t('calc.intro')}</p>
      </header>

      <form className="calc__form" onSubmit={(e) => e.preventDefault()} noValidate>
        <fieldset className="calc-common">
          <legend>{t('calc.common')}</legend>
          <div className="field-row">
            <NumberField
              id={domIdFor('areaHa')}
              label={t('calc.area')}
              value={form.areaHa}
              hint={t('calc.areaHint')}
              onValueChange={(areaHa) => setForm((f) => ({ ...f, areaHa }))}
              error={errorFor('areaHa')}
            />
            <SelectField
              id={domIdFor('gwpSet')}
              label={t('calc.gwp')}
              value={form.gwpSet}
              options={GWP_SETS}
              optionLabel={(g) => t(`calc.gwp.${g}`)}
              onValueChange={(gwpSet) => setForm((f) => ({ ...f, gwpSet }))}
              error={errorFor('gwpSet')}
            />
          </div>
          <CheckboxField
            id={domIdFor('includeIndirect')}
            label={t('calc.indirect')}
            checked={form.includeIndirect}
            onCheckedChange={(includeIndirect) => setForm((f) => ({ ...f, includeIndirect }))}
            error={errorFor('includeIndirect')}
          />
        </fieldset>

        <div className="calc__sides">
          {SIDES.map((side) => (
            <SideFieldset
              key={side}
              side={side}
              form={form[side]}
              onChange={(patch) => updateSide(side, patch)}
              onFertiliserChange={(key, patch) => updateFertiliser(side, key, patch)}
              onAddFertiliser={() => addFertiliser(side)}
              onRemoveFertiliser={(key) => removeFertiliser(side, key)}
              errorFor={errorFor}
            />
          ))}
        </div>

        <button type="button" className="button button--link" onClick={() => setForm(defaultForm())}>
          {t('calc.reset')}
        </button>
      </form>

      <Results id="calc-results" result={result} invalid={invalid} />

      {result ? (
        <a className="calc-summary" href="#calc-results">
          {t(result.reduction_t_co2e < 0 ? 'calc.increase' : 'calc.reduction')}{' '}
          <strong>{t('calc.tco2e', { value: fmt.number(Math.abs(result.reduction_t_co2e), { fixed: 2 }) })}</strong>
          {result.reduction_pct !== null ? ` (${fmt.percent(Math.abs(result.reduction_pct))})` : ''} ↓
        </a>
      ) : invalid?.field ? (
        <a className="calc-summary calc-summary--invalid" href={`#${domIdFor(invalid.field)}`} onClick={(e) => focusField(e, invalid.field)}>
          ⚠ {t('calc.fixField', { message: invalid.message })}
        </a>
      ) : null}

      <details className="calc-document">
        <summary>{t('calc.document')}</summary>
        <pre>{JSON.stringify(contractDocument, null, 2)}</pre>
      </details>
    </div>
  );
}
