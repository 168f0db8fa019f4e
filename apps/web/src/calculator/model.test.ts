import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tryCalculate, type ComparisonResult } from '@dongxanh/methodology';
import { parseNumber } from '../i18n/format.ts';
import { translate, type Translate } from '../i18n/index.tsx';
import { engineErrorText } from './messages.ts';
import { buildDocument, defaultForm, fieldForPath, parseEngineRule, type CalculatorForm } from './model.ts';

const parseVi = (text: string) => parseNumber('vi', text);
const tVi: Translate = (key, params) => translate('vi', key, params);

function compare(form: CalculatorForm) {
  const outcome = tryCalculate(buildDocument(form, parseVi));
  if (!outcome.ok) assert.fail(outcome.error.message);
  return outcome.result as ComparisonResult;
}

test('the default form is a valid comparison with a clear reduction', () => {
  const doc = buildDocument(defaultForm(), parseVi);
  assert.deepEqual(doc.baseline.seasons[0], {
    name: 'baseline',
    crop: 'rice',
    cultivation_days: 100,
    water_regime: 'continuously_flooded',
    pre_season: 'non_flooded_lt_180d',
    organic_amendments: [{ type: 'straw_lt30d', t_per_ha: 5, basis: 'dry' }],
    n_inputs: [{ source: 'synthetic', product: 'Urê 46% N', product_kg_per_ha: 100, n_fraction: 0.46 }],
    urea_kg_per_ha: 100,
  });
  assert.equal(doc.project.seasons[0]?.water_regime, 'awd');
  assert.equal(doc.project.seasons[0]?.organic_amendments, undefined);
  const result = compare(defaultForm());
  assert.ok(result.reduction_t_co2e > 5, `reduction ${result.reduction_t_co2e}`);
  assert.ok(result.reduction_pct !== null && result.reduction_pct > 50);
});

test('percent fields become fractions; only urea rows feed urea_kg_per_ha; empty lime is left out', () => {
  const form = defaultForm();
  form.project.straw = 'burnt';
  form.project.burnedPercent = '50';
  form.project.fertilisers = [
    { key: 7, product: 'npk202015', kgPerHa: '200', nPercent: '' },
    { key: 8, product: 'custom', kgPerHa: '50', nPercent: '30' },
    { key: 9, product: 'urea', kgPerHa: '80', nPercent: '' },
  ];
  form.project.limestoneKgPerHa = '1.000';
  const season = buildDocument(form, parseVi).project.seasons[0]!;
  assert.deepEqual(season.residue_burning, { residue_dm_t_per_ha: 5, burned_fraction: 0.5 });
  assert.deepEqual(
    season.n_inputs?.map((n) => ('n_fraction' in n ? n.n_fraction : null)),
    [0.2, 0.3, 0.46],
  );
  assert.equal(season.urea_kg_per_ha, 80);
  assert.deepEqual(season.lime, { limestone_kg_per_ha: 1000 });
  assert.equal(buildDocument(defaultForm(), parseVi).project.seasons[0]?.lime, undefined);
  compare(form);
});

test('engine error paths map back to the field that produced them', () => {
  const form = defaultForm();
  form.project.fertilisers = [
    { key: 7, product: 'dap', kgPerHa: '1', nPercent: '' },
    { key: 8, product: 'custom', kgPerHa: '1', nPercent: '' },
  ];
  assert.equal(fieldForPath('baseline.area_ha', form), 'areaHa');
  assert.equal(fieldForPath('project.yield_kg_per_ha', form), 'project.yieldKgPerHa');
  assert.equal(fieldForPath('baseline.seasons[0].cultivation_days', form), 'baseline.cultivationDays');
  assert.equal(fieldForPath('baseline.seasons[0].organic_amendments[0].t_per_ha', form), 'baseline.strawTPerHa');
  assert.equal(fieldForPath('project.seasons[0].residue_burning.burned_fraction', form), 'project.burnedPercent');
  assert.equal(fieldForPath('project.seasons[0].n_inputs[1].n_fraction', form), 'project.fert.8.nPercent');
  assert.equal(fieldForPath('project.seasons[0].n_inputs[0].product_kg_per_ha', form), 'project.fert.7.kgPerHa');
  assert.equal(fieldForPath('project.seasons[0].lime.dolomite_kg_per_ha', form), 'project.dolomiteKgPerHa');
  assert.equal(fieldForPath('crediting.uncertainty', form), null);
});

test('engine messages are translated with the field label', () => {
  const form = defaultForm();
  form.areaHa = '-1';
  const outcome = tryCalculate(buildDocument(form, parseVi));
  assert.equal(outcome.ok, false);
  if (outcome.ok) return;
  assert.equal(outcome.error.field, 'baseline.area_ha');
  assert.equal(engineErrorText(outcome.error, fieldForPath(outcome.error.field, form), tVi), 'Diện tích (ha) phải ≥ 0');

  form.areaHa = '1';
  form.baseline.straw = 'burnt';
  form.baseline.burnedPercent = '150';
  const burnt = tryCalculate(buildDocument(form, parseVi));
  assert.equal(burnt.ok, false);
  if (burnt.ok) return;
  assert.equal(engineErrorText(burnt.error, fieldForPath(burnt.error.field, form), tVi), 'Tỷ lệ rơm rạ bị đốt (%) phải từ 0 đến 100');

  assert.deepEqual(parseEngineRule('a.b', 'a.b must be > 0 (got 0.0)'), { kind: 'gt', bound: 0 });
  assert.deepEqual(parseEngineRule('a.b', 'a.b must be a number (got nothing)'), { kind: 'number' });
  assert.deepEqual(parseEngineRule('a.b', "a.b must be one of x, y (got 'z')"), { kind: 'oneOf' });
});
