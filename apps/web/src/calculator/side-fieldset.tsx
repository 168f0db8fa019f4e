/** One column of the calculator: the season of the baseline or of the project. */
import { NumberField, SelectField } from '../components/fields.tsx';
import { useFormat, useT } from '../i18n/index.tsx';
import {
  CROPS,
  domIdFor,
  FERTILISER_N_FRACTION,
  FERTILISER_PRODUCTS,
  PRE_SEASONS,
  WATER_REGIMES,
  fertField,
  isRice,
  sideField,
  strawOptionsFor,
  type FertiliserRow,
  type FieldId,
  type Side,
  type SideForm,
} from './model.ts';

interface SideFieldsetProps {
  side: Side;
  form: SideForm;
  onChange: (patch: Partial<SideForm>) => void;
  onFertiliserChange: (key: number, patch: Partial<FertiliserRow>) => void;
  onAddFertiliser: () => void;
  onRemoveFertiliser: (key: number) => void;
  errorFor: (field: FieldId) => string | null;
}

export function SideFieldset({ side, form, onChange, onFertiliserChange, onAddFertiliser, onRemoveFertiliser, errorFor }: SideFieldsetProps) {
  const t = useT();
  const fmt = useFormat();
  const rice = isRice(form);
  const strawOptions = strawOptionsFor(form);
  const straw = strawOptions.includes(form.straw) ? form.straw : 'removed';

  return (
    <fieldset className={`calc-side calc-side--${side}`}>
      <legend>{t(side === 'baseline' ? 'calc.baseline' : 'calc.project')}</legend>
      <p className="calc-side__hint">{t(side === 'baseline' ? 'calc.baselineHint' : 'calc.projectHint')}</p>

      <SelectField
        id={domIdFor(sideField(side, 'crop'))}
        label={t('calc.crop')}
        value={form.crop}
        options={CROPS}
        optionLabel={(c) => t(`crop.${c}`)}
        onValueChange={(crop) => onChange({ crop })}
        error={errorFor(sideField(side, 'crop'))}
      />

      {rice ? (
        <>
          <NumberField
            id={domIdFor(sideField(side, 'cultivationDays'))}
            label={t('calc.days')}
            value={form.cultivationDays}
            onValueChange={(cultivationDays) => onChange({ cultivationDays })}
            error={errorFor(sideField(side, 'cultivationDays'))}
          />
          <SelectField
            id={domIdFor(sideField(side, 'waterRegime'))}
            label={t('calc.waterRegime')}
            value={form.waterRegime}
            options={WATER_REGIMES}
            optionLabel={(w) => t(`water.${w}`)}
            onValueChange={(waterRegime) => onChange({ waterRegime })}
            error={errorFor(sideField(side, 'waterRegime'))}
          />
          {form.waterRegime !== 'upland' ? (
            <SelectField
              id={domIdFor(sideField(side, 'preSeason'))}
              label={t('calc.preSeason')}
              value={form.preSeason}
              options={PRE_SEASONS}
              optionLabel={(p) => t(`pre.${p}`)}
              onValueChange={(preSeason) => onChange({ preSeason })}
              error={errorFor(sideField(side, 'preSeason'))}
            />
          ) : null}
        </>
      ) : null}

      <SelectField
        id={domIdFor(sideField(side, 'straw'))}
        label={t('calc.straw')}
        value={straw}
        options={strawOptions}
        optionLabel={(s) => t(`straw.${s}`)}
        onValueChange={(next) => onChange({ straw: next })}
      />
      {straw !== 'removed' ? (
        <div className="field-row">
          <NumberField
            id={domIdFor(sideField(side, 'strawTPerHa'))}
            label={t('calc.strawT')}
            value={form.strawTPerHa}
            onValueChange={(strawTPerHa) => onChange({ strawTPerHa })}
            error={errorFor(sideField(side, 'strawTPerHa'))}
          />
          {straw === 'burnt' ? (
            <NumberField
              id={domIdFor(sideField(side, 'burnedPercent'))}
              label={t('calc.burnedPercent')}
              value={form.burnedPercent}
              onValueChange={(burnedPercent) => onChange({ burnedPercent })}
              error={errorFor(sideField(side, 'burnedPercent'))}
            />
          ) : null}
        </div>
      ) : null}

      <fieldset className="calc-fertilisers">
        <legend>{t('calc.fertilisers')}</legend>
        {form.fertilisers.length === 0 ? <p className="muted">{t('calc.noFert')}</p> : null}
        <ol className="fert-list">
          {form.fertilisers.map((row, index) => {
            const n = index + 1;
            const fraction = row.product === 'custom' ? (fmt.parse(row.nPercent) ?? Number.NaN) / 100 : FERTILISER_N_FRACTION[row.product];
            const kgN = (fmt.parse(row.kgPerHa) ?? Number.NaN) * fraction;
            return (
              <li key={row.key} className="fert-row" role="group" aria-label={t('calc.fertRow', { n })}>
                <SelectField
                  id={domIdFor(`${side}.fert.${row.key}.product`)}
                  label={t('calc.fertProduct')}
                  value={row.product}
                  options={FERTILISER_PRODUCTS}
                  optionLabel={(p) => t(`fert.${p}`)}
                  onValueChange={(product) => onFertiliserChange(row.key, { product })}
                />
                <NumberField
                  id={domIdFor(fertField(side, row.key, 'kgPerHa'))}
                  label={t('calc.fertKg')}
                  value={row.kgPerHa}
                  onValueChange={(kgPerHa) => onFertiliserChange(row.key, { kgPerHa })}
                  hint={Number.isFinite(kgN) && kgN >= 0 ? t('calc.fertNHint', { kg: fmt.number(kgN, { max: 1 }) }) : undefined}
                  error={errorFor(fertField(side, row.key, 'kgPerHa'))}
                />
                {row.product === 'custom' ? (
                  <NumberField
                    id={domIdFor(fertField(side, row.key, 'nPercent'))}
                    label={t('calc.fertN')}
                    value={row.nPercent}
                    onValueChange={(nPercent) => onFertiliserChange(row.key, { nPercent })}
                    error={errorFor(fertField(side, row.key, 'nPercent'))}
                  />
                ) : null}
                <button type="button" className="button button--link fert-row__remove" onClick={() => onRemoveFertiliser(row.key)}>
                  {t('calc.removeFert', { n })}
                </button>
              </li>
            );
          })}
        </ol>
        <button type="button" className="button button--secondary" onClick={onAddFertiliser}>
          + {t('calc.addFert')}
        </button>
      </fieldset>

      <fieldset className="calc-lime">
        <legend>{t('calc.lime')}</legend>
        <div className="field-row">
          <NumberField
            id={domIdFor(sideField(side, 'limestoneKgPerHa'))}
            label={t('calc.limestone')}
            value={form.limestoneKgPerHa}
            placeholder="0"
            onValueChange={(limestoneKgPerHa) => onChange({ limestoneKgPerHa })}
            error={errorFor(sideField(side, 'limestoneKgPerHa'))}
          />
          <NumberField
            id={domIdFor(sideField(side, 'dolomiteKgPerHa'))}
            label={t('calc.dolomite')}
            value={form.dolomiteKgPerHa}
            placeholder="0"
            onValueChange={(dolomiteKgPerHa) => onChange({ dolomiteKgPerHa })}
            error={errorFor(sideField(side, 'dolomiteKgPerHa'))}
          />
        </div>
      </fieldset>

      <NumberField
        id={domIdFor(sideField(side, 'yieldKgPerHa'))}
        label={t('calc.yield')}
        value={form.yieldKgPerHa}
        hint={t('calc.yieldHint')}
        onValueChange={(yieldKgPerHa) => onChange({ yieldKgPerHa })}
        error={errorFor(sideField(side, 'yieldKgPerHa'))}
      />
    </fieldset>
  );
}

