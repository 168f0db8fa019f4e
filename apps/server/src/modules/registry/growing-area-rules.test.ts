import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockingRule, classifyCrop, evaluateMinimumArea, normaliseCropName } from './growing-area-rules.ts';
import { formatHectares } from './hectares.ts';
import { overlapConflict } from './plot-overlaps.ts';

describe('crop classification', () => {
  const cases = [
    { crop: 'Lúa ST25', landUses: [], expected: { cycle: 'annual', group: 'cereal', from: 'crop' } },
    { crop: 'rice', landUses: [], expected: { cycle: 'annual', group: 'cereal', from: 'crop' } },
    { crop: 'Sầu riêng Ri6', landUses: [], expected: { cycle: 'perennial', group: 'fruit', from: 'crop' } },
    { crop: 'Cà phê vối', landUses: [], expected: { cycle: 'perennial', group: 'industrial', from: 'crop' } },
    { crop: 'Rau ăn lá', landUses: [], expected: { cycle: 'annual', group: 'vegetable', from: 'crop' } },
    { crop: 'Giống địa phương', landUses: ['rice', 'rice'], expected: { cycle: 'annual', group: 'cereal', from: 'land_use' } },
    { crop: 'Giống địa phương', landUses: ['rice', 'fruit'], expected: { cycle: 'perennial', group: 'other', from: 'default' } },
    { crop: 'Giống địa phương', landUses: ['other'], expected: { cycle: 'perennial', group: 'other', from: 'default' } },
  ] as const;
  for (const c of cases) {
    it(`${c.crop} on [${c.landUses.join(', ')}] is ${c.expected.cycle} (${c.expected.from})`, () => {
      assert.deepEqual(classifyCrop(c.crop, c.landUses), c.expected);
    });
  }

  it('compares names without diacritics and without a partial-word match', () => {
    assert.equal(normaliseCropName('  Đậu   Phộng '), 'dau phong');
    // "camera" is not "cam" (orange)
    assert.equal(classifyCrop('camera', []).from, 'default');
  });
});

describe('minimum area of a growing area (Decision 3156/QĐ-BNN-TT)', () => {
  const annual = { cycle: 'annual', group: 'cereal', from: 'crop' } as const;
  const perennialFruit = { cycle: 'perennial', group: 'fruit', from: 'crop' } as const;

  const cases = [
    { name: 'annual crop at exactly 0.1 ha passes', areaHa: 0.1, crop: annual, passed: true },
    { name: 'annual crop at 0.0999 ha fails', areaHa: 0.0999, crop: annual, passed: false },
    { name: 'perennial crop at 0.5 ha fails the 1 ha minimum', areaHa: 0.5, crop: perennialFruit, passed: false },
    { name: 'perennial crop at 1 ha passes', areaHa: 1, crop: perennialFruit, passed: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const domestic = evaluateMinimumArea(c.areaHa, c.crop).find((r) => r.rule === 'minimum_area');
      assert.ok(domestic);
      assert.equal(domestic.passed, c.passed);
      assert.equal(domestic.enforced, true);
      assert.match(domestic.detail, /Decision 3156\/QĐ-BNN-TT/);
    });
  }

  it('writes the numbers the Vietnamese way in the detail', () => {
    const [rule] = evaluateMinimumArea(0.08, annual);
    assert.match(rule!.detail, /^0,0800 ha < 0,1 ha, the minimum for annual crops/);
  });

  it('reports the unconfirmed export minimum for fruit as advisory, never blocking', () => {
    const results = evaluateMinimumArea(2, perennialFruit);
    const exportRule = results.find((r) => r.rule === 'minimum_area_export');
    assert.equal(exportRule?.passed, false);
    assert.equal(exportRule?.enforced, false);
    assert.equal(blockingRule(results, 'export'), undefined);
    assert.equal(blockingRule(results, 'domestic'), undefined);
    assert.equal(blockingRule(evaluateMinimumArea(0.5, perennialFruit), 'domestic')?.rule, 'minimum_area');
  });
});

describe('overlap conflict message', () => {
  it('names visible plots and hides the others', () => {
    const conflict = overlapConflict([
      { id: 'a', code: 'CT-TL-001', visible: true, overlapHa: 0.01234 },
      { id: 'b', code: 'SECRET-9', visible: false, overlapHa: 0.5 },
    ]);
    assert.equal(
      conflict.detail,
      'The boundary overlaps plot CT-TL-001 by 0,0123 ha and a plot of another organisation by 0,5000 ha. Redraw it, or save it with overlapOverride.reason to record why the overlap is accepted.',
    );
    assert.deepEqual(conflict.overlaps, [
      { id: 'a', code: 'CT-TL-001', overlapHa: 0.01234 },
      { id: null, code: null, overlapHa: 0.5 },
    ]);
    assert.doesNotMatch(conflict.detail, /SECRET/);
  });

  it('formats thousands with dots', () => {
    assert.equal(formatHectares(1234.5, { min: 1, max: 1 }), '1.234,5 ha');
  });
});
