import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatNumber, parseNumber } from '../i18n/format.ts';
import { translate } from '../i18n/index.tsx';
import { describeValue, inFormOrder, pathLabel, summarise, type Words } from './describe.ts';

const words: Words = {
  t: (key, params) => translate('vi', key, params),
  fmt: {
    number: (v, d) => formatNumber('vi', v, d), percent: (v) => `${formatNumber('vi', v, { fixed: 1 })} %`, date: (v) => formatDate('vi', v), dateTime: (v) => formatDate('vi', v),
    parse: (s) => parseNumber('vi', s),
  },
  lang: 'vi',
  fertilisers: [{ code: 'npk_16_16_8', nameVi: 'NPK 16-16-8', nameEn: 'NPK 16-16-8', nFraction: 0.16, p2o5Fraction: 0.16, k2oFraction: 0.08, isUrea: false, nSource: 'synthetic', limeKind: null }],
  pesticides: [],
};

test('timeline lines say what, how much and in which unit, in Vietnamese', () => {
  assert.equal(summarise(words, 'water_level', { tubeId: 'ONG-1', levelCm: -15.5 }), 'Ống ONG-1 · 15,5 cm dưới mặt ruộng');
  assert.equal(summarise(words, 'fertiliser', { productCode: 'npk_16_16_8', amount: 1250, amountUnit: 'kg_per_plot' }), 'NPK 16-16-8 · 1.250 kg cả thửa');
  assert.equal(summarise(words, 'sowing', { method: 'direct_seeding_drum', seedRateKgPerHa: 90, variety: 'OM18' }), 'Sạ hàng (giàn kéo) · 90 kg/ha · OM18');
  assert.equal(
    summarise(words, 'straw', { residueOf: 'previous_crop', dryMatterTPerHa: 5.5, burntFraction: 0, incorporatedFraction: 0.7, removedFraction: 0.3, leftOnSurfaceFraction: 0 }),
    'Vụ trước (xử lý trước vụ này) · 5,5 tấn/ha · vùi vào đất 70 % · thu gom khỏi ruộng 30 %',
  );
  assert.equal(summarise(words, 'harvest', { yieldKgPerHa: 6500, moisturePct: 24 }), '6.500 kg/ha · độ ẩm lúc thu hoạch 24 %');
});

test('conflict rows name their field and show values with units and choices in words', () => {
  assert.equal(pathLabel(words, 'water_level', 'levelCm'), 'Mực nước');
  assert.equal(describeValue(words, 'water_level', 'levelCm', -4), '-4 cm');
  assert.equal(describeValue(words, 'water_level', 'occurredOn', '2026-09-01'), '01/09/2026');
  assert.equal(describeValue(words, 'fertiliser', 'customProduct.nFraction', 0.035), '3,5 %');
  assert.equal(describeValue(words, 'fertiliser', 'productCode', 'npk_16_16_8'), 'NPK 16-16-8');
  assert.equal(describeValue(words, 'drainage', 'purpose', 'end_of_season'), 'Rút nước cuối vụ (trước thu hoạch)');
  assert.equal(describeValue(words, 'drainage', 'notes', undefined), '—');
  assert.equal(describeValue(words, 'fertiliser', 'amount', 45, { amountUnit: 'kg_per_plot' }), '45 kg cả thửa', 'an amount carries its unit');
  assert.equal(pathLabel(words, 'pesticide', 'activeIngredients[1].name'), 'Hoạt chất');
});

test('rows follow the form’s order, not the server’s key order', () => {
  const rows = ['notes', 'tubeId', 'levelCm', 'occurredOn'].map((path) => ({ path }));
  assert.deepEqual(inFormOrder('water_level', rows).map((r) => r.path), ['occurredOn', 'tubeId', 'levelCm', 'notes']);
});
