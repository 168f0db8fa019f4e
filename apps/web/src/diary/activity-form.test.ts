import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from '../i18n/en.ts';
import { formatNumber, parseNumber } from '../i18n/format.ts';
import { vi } from '../i18n/vi.ts';
import { ACTIVITY_FIELDS, ACTIVITY_TYPES, buildDetails, CUSTOM_PRODUCT, emptyValues, MANUAL_PESTICIDE, optionGroups, splitIngredients, valuesFromDetails, type FormContext } from './activity-form.ts';
import type { ActivityType } from './types.ts';

const ctx: FormContext = {
  parse: (s) => parseNumber('vi', s),
  format: (n) => formatNumber('vi', n, { max: 4 }),
  fertilisers: [{ code: 'urea', nameVi: 'Phân urê (46 % N)', nameEn: 'Urea (46 % N)', nFraction: 0.46, p2o5Fraction: 0, k2oFraction: 0, isUrea: true, nSource: 'synthetic', limeKind: null }],
  pesticides: [{ code: 'bt_wp', name: 'Bacillus thuringiensis (Bt) WP', activeIngredients: [{ name: 'Bacillus thuringiensis var. kurstaki' }], defaultPhiDays: 5, phiSource: null }],
};

test('a sowing with a Vietnamese decimal comma', () => {
  const r = buildDetails('sowing', { ...emptyValues('sowing', { variety: 'OM18' }), method: 'direct_seeding_drum', seedRateKgPerHa: '92,5' }, ctx);
  assert.deepEqual(r, { ok: true, details: { method: 'direct_seeding_drum', seedRateKgPerHa: 92.5, variety: 'OM18' } });
});

test('required, range and number errors name their field and nothing is built', () => {
  const r = buildDetails('sowing', { ...emptyValues('sowing'), seedRateKgPerHa: '500' }, ctx);
  assert.deepEqual(r, { ok: false, errors: { method: { code: 'required' }, seedRateKgPerHa: { code: 'max', max: 400 } } });
  const w = buildDetails('water_level', { ...emptyValues('water_level'), _levelSide: 'below', _levelCm: 'mười' }, ctx);
  assert.deepEqual(w, { ok: false, errors: { _levelCm: { code: 'number' } } });
  const z = buildDetails('fertiliser', { ...emptyValues('fertiliser'), productCode: 'urea', amount: '0' }, ctx);
  assert.deepEqual(z, { ok: false, errors: { amount: { code: 'positive' } } });
});

test('an AWD reading below the surface is negative', () => {
  const r = buildDetails('water_level', { ...emptyValues('water_level'), _levelSide: 'below', _levelCm: '15' }, ctx);
  assert.deepEqual(r, { ok: true, details: { tubeId: 'ONG-1', levelCm: -15 } });
  const above = buildDetails('water_level', { ...emptyValues('water_level'), _levelSide: 'above', _levelCm: '4,5' }, ctx);
  assert.deepEqual(above, { ok: true, details: { tubeId: 'ONG-1', levelCm: 4.5 } });
  const none = buildDetails('water_level', { ...emptyValues('water_level'), _levelCm: '5' }, ctx);
  assert.deepEqual(none, { ok: false, errors: { _levelSide: { code: 'required' } } }, 'above or below is never guessed');
});

test('a catalogue fertiliser, and a custom one with its label grade in %', () => {
  assert.deepEqual(buildDetails('fertiliser', { ...emptyValues('fertiliser'), productCode: 'urea', amount: '50' }, ctx), {
    ok: true,
    details: { productCode: 'urea', amount: 50, amountUnit: 'kg_per_ha' },
  });
  const custom = { ...emptyValues('fertiliser'), productCode: CUSTOM_PRODUCT, _customName: 'Phân hữu cơ vi sinh', _customN: '3', _customP: '2', amount: '12,5', amountUnit: 'kg_per_plot' };
  assert.deepEqual(buildDetails('fertiliser', custom, ctx), {
    ok: true,
    details: { customProduct: { name: 'Phân hữu cơ vi sinh', nFraction: 0.03, p2o5Fraction: 0.02 }, amount: 12.5, amountUnit: 'kg_per_plot' },
  });
  const over = buildDetails('fertiliser', { ...custom, _customN: '60', _customP: '46' }, ctx);
  assert.deepEqual(over.ok === false && over.errors._customN, { code: 'npkOver100' });
  const tooMuch = buildDetails('fertiliser', { ...emptyValues('fertiliser'), productCode: 'urea', amount: '60.000' }, ctx);
  assert.deepEqual(tooMuch.ok === false && tooMuch.errors.amount, { code: 'max', max: 50_000 }, '60.000 is sixty thousand in Vietnamese');
});

test('a catalogue pesticide carries its name, ingredients and PHI as the server stores them', () => {
  const r = buildDetails('pesticide', { ...emptyValues('pesticide'), productCode: 'bt_wp', dose: '0,5', doseUnit: 'kg_per_ha' }, ctx);
  assert.deepEqual(r, {
    ok: true,
    details: { productCode: 'bt_wp', dose: 0.5, doseUnit: 'kg_per_ha', productName: 'Bacillus thuringiensis (Bt) WP', activeIngredients: [{ name: 'Bacillus thuringiensis var. kurstaki' }], phiDays: 5 },
  });
});

test('a pesticide typed by hand needs its ingredients and PHI; "2,4-D" stays one ingredient', () => {
  const manual = { ...emptyValues('pesticide'), productCode: MANUAL_PESTICIDE, _productName: 'Furadan 3GR', _ingredients: 'Carbofuran', dose: '20', doseUnit: 'kg_per_ha' };
  assert.deepEqual(buildDetails('pesticide', manual, ctx), { ok: false, errors: { phiDays: { code: 'required' } } });
  assert.deepEqual(buildDetails('pesticide', { ...manual, phiDays: '30' }, ctx), {
    ok: true,
    details: { dose: 20, doseUnit: 'kg_per_ha', phiDays: 30, productName: 'Furadan 3GR', activeIngredients: [{ name: 'Carbofuran' }] },
  });
  assert.deepEqual(splitIngredients('2,4-D; Glyphosate\nAbamectin + Emamectin, Paraquat'), ['2,4-D', 'Glyphosate', 'Abamectin', 'Emamectin', 'Paraquat']);
  const half = buildDetails('pesticide', { ...manual, phiDays: '2,5' }, ctx);
  assert.deepEqual(half.ok === false && half.errors.phiDays, { code: 'integer' });
});

test('straw shares are typed in % and must add up to 100', () => {
  const base = { ...emptyValues('straw'), dryMatterTPerHa: '5,2', incorporatedFraction: '70', removedFraction: '30' };
  assert.deepEqual(buildDetails('straw', base, ctx), {
    ok: true,
    details: { residueOf: 'previous_crop', dryMatterTPerHa: 5.2, burntFraction: 0, incorporatedFraction: 0.7, removedFraction: 0.3, leftOnSurfaceFraction: 0 },
  });
  const r = buildDetails('straw', { ...base, removedFraction: '20' }, ctx);
  assert.deepEqual(r.ok === false && r.errors._strawSum, { code: 'sum100', sum: 90 });
});

test('harvest and loss take one of two measures', () => {
  assert.deepEqual(buildDetails('harvest', { ...emptyValues('harvest'), _yield: '6.500', moisturePct: '24' }, ctx), { ok: true, details: { moisturePct: 24, yieldKgPerHa: 6500 } });
  assert.deepEqual(buildDetails('harvest', { ...emptyValues('harvest'), _yieldMode: 'total', _total: '4200' }, ctx), { ok: true, details: { totalKg: 4200 } });
  assert.deepEqual(buildDetails('harvest', { ...emptyValues('harvest'), moisturePct: '50' }, ctx), { ok: false, errors: { _yield: { code: 'required' }, moisturePct: { code: 'max', max: 40 } } });
  assert.deepEqual(buildDetails('post_harvest_loss', { ...emptyValues('post_harvest_loss'), stage: 'drying', _lossPct: '3,5' }, ctx), { ok: true, details: { stage: 'drying', lossPct: 3.5 } });
});

test('stored details come back into the form unchanged (every type round-trips)', () => {
  const samples: Record<ActivityType, Record<string, unknown>> = {
    land_preparation: { operation: 'rotavating', mechanised: true },
    sowing: { method: 'direct_seeding_drone', seedRateKgPerHa: 85, variety: 'OM18', seedSource: 'certified' },
    fertiliser: { customProduct: { name: 'Hữu cơ', nFraction: 0.035, isUrea: true }, amount: 200, amountUnit: 'kg_per_ha', method: 'broadcast', growthStage: 'Đẻ nhánh' },
    pesticide: { dose: 1.5, doseUnit: 'l_per_ha', phiDays: 7, productName: 'Tự pha', activeIngredients: [{ name: 'Abamectin' }, { name: 'Emamectin benzoate' }], target: 'Rầy nâu' },
    irrigation: { waterDepthCm: 5, source: 'pump', durationHours: 6 },
    drainage: { purpose: 'end_of_season' },
    water_level: { tubeId: 'ONG-2', levelCm: -17.5, notes: 'Sau mưa' },
    straw: { residueOf: 'this_crop', dryMatterTPerHa: 5, burntFraction: 0.1, incorporatedFraction: 0.333, removedFraction: 0.567, leftOnSurfaceFraction: 0, incorporationTiming: 'long_before_next_crop' },
    mechanised_operation: { operation: 'harvesting', machine: 'Kubota DC-70', fuelLitres: 18.5, workedAreaHa: 1.2 },
    harvest: { totalKg: 7300, moisturePct: 25, method: 'combine', lotCode: 'LO-01' },
    post_harvest_loss: { stage: 'storage', lossKg: 120 },
  };
  for (const type of ACTIVITY_TYPES) {
    const values = valuesFromDetails(type, samples[type], ctx);
    assert.deepEqual(buildDetails(type, values, ctx), { ok: true, details: samples[type] }, type);
  }
});

test('every field, unit, hint and choice has its words in Vietnamese and English', () => {
  const keys = new Set<string>();
  for (const fields of Object.values(ACTIVITY_FIELDS)) {
    for (const f of fields) {
      keys.add(`diary.field.${f.label ?? f.key}`);
      if (f.unit) keys.add(`diary.unit.${f.unit}`);
      if (f.hint) keys.add(`diary.hint.${f.hint}`);
    }
  }
  for (const { group, values } of optionGroups()) for (const v of values) keys.add(`diary.opt.${group}.${v}`);
  for (const t of ACTIVITY_TYPES) keys.add(`diary.type.${t}`);
  const missing = [...keys].filter((k) => !(k in vi) || !(k in en));
  assert.deepEqual(missing, []);
});
