/**
 * The transcription of the five plans checked against their source documents: every quoted phrase
 * of a citation appears in the seed file it names, the figures the issue lists are there, and the
 * vegetable table adds up (apart from the one row the source itself gets wrong).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { computationOf } from './indicator-computations.ts';
import { SEED_PLANS } from './seed-plans/index.ts';
import { VEGETABLE_TABLE } from './seed-plans/lao-cai-vegetables.ts';

const seedsDir = fileURLToPath(new URL('../../../../../../shared/seeds/', import.meta.url));
// Case, spacing, curly quotes and the source's markdown emphasis (*…*, **…**) do not count.
const normalise = (text: string) => text.replace(/\*+/g, '').replace(/\s+/g, ' ').replace(/[“”]/g, '"').trim().toLocaleLowerCase('vi');
const seedText = (file: string) => normalise(readFileSync(`${seedsDir}${file}`, 'utf8'));

const plan = (code: string) => SEED_PLANS.find((p) => p.code === code)!;
const indicator = (planCode: string, code: string) => plan(planCode).indicators.find((i) => i.code === code)!;
const target = (planCode: string, code: string, year: number, breakdown = '') => indicator(planCode, code).targets.find((t) => t.year === year && (t.breakdown ?? '') === breakdown);

describe('seed plans', () => {
  test('every quoted phrase of every citation is in the seed file it names', () => {
    let checked = 0;
    for (const p of SEED_PLANS) {
      const file = /seeds\/([0-9a-f_]+\.txt)/.exec(p.sourceDocument)![1]!;
      const text = seedText(file);
      const citations = [p.reportDue.source, ...p.indicators.flatMap((i) => [i.source, ...i.targets.map((t) => t.source ?? '')]), ...p.tasks.map((t) => t.source)];
      for (const citation of citations) {
        assert.ok(citation === '' || citation.includes(file), `${p.code}: citation names another file: ${citation}`);
        for (const m of citation.matchAll(/"([^"]+)"/g)) {
          // "…" marks a cut in a quotation: each piece must be in the source.
          for (const piece of m[1]!.split('…').map((s) => normalise(s)).filter((s) => s.length > 3)) {
            assert.ok(text.includes(piece), `${p.code}: "${piece}" is not in ${file}`);
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 60, `only ${checked} quotations checked`);
  });

  test('every task title of the Quảng Trị appendix is in its source, with its lead agency', () => {
    const qt = plan('quang-tri-04-nq-tu-land-consolidation');
    const text = seedText('003_b7c6ba854929a1e8.txt');
    assert.equal(qt.tasks.length, 10);
    for (const t of qt.tasks) {
      // III.1 is split by a page break in the source; its first 200 characters are contiguous.
      assert.ok(text.includes(normalise(t.title).replace(/;$/, '').slice(0, 200)), `task ${t.code} title not in the source`);
      assert.ok(text.includes(normalise(t.leadAgency)), `task ${t.code} lead agency ${t.leadAgency}`);
    }
    assert.deepEqual(qt.tasks.map((t) => [t.code, t.dueOn, t.recurrence]), [
      ['I.1', '2026-12-31', 'none'], ['I.2', '2026-12-31', 'none'], ['I.3', '2027-12-31', 'none'], ['I.4', '2030-12-31', 'none'],
      ['II.1', '2026-12-31', 'none'], ['II.2', '2026-12-31', 'none'], ['III.1', '2026-12-31', 'yearly'], ['III.2', '2026-12-31', 'none'],
      ['III.3', '2030-12-31', 'none'], ['III.4', '2030-12-31', 'none'],
    ]);
  });

  test('Lào Cai product table: the seven products and their areas', () => {
    const lc = 'lao-cai-4024-low-emission-crops';
    const areas = Object.fromEntries(plan(lc).indicators.filter((i) => i.code.startsWith('lc.product.')).map((i) => [i.code.slice('lc.product.'.length), i.targets[0]!.value]));
    assert.deepEqual(areas, { rice: 36000, safe_vegetables: 2000, tea: 15000, temperate_fruit: 5000, medicinal_plants: 5000, banana_pineapple: 6000, citrus: 5000 });
    assert.equal(target(lc, 'lc.ghg_reduction_vs_2020', 2035)?.value, 15);
    assert.equal(target(lc, 'lc.low_emission_rice_share', 2035)?.value, 70);
    assert.equal(target(lc, 'lc.iphm_share', 2035)?.value, 60);
    assert.equal(target(lc, 'lc.training_coverage', 2035)?.value, 100);
    assert.deepEqual(plan(lc).reportDue.month * 100 + plan(lc).reportDue.day, 1210);
  });

  test('Cần Thơ: the 2025 and 2030 targets of Decision 1490 as the city wrote them', () => {
    const ct = 'can-tho-1490-one-million-ha-rice';
    const pairs = (code: string) => [target(ct, code, 2025), target(ct, code, 2030)].map((t) => `${t?.comparator} ${t?.value}`);
    assert.deepEqual(pairs('ct.area'), ['gte 104500', 'gte 170877']);
    assert.deepEqual(pairs('ct.seed_rate'), ['lte 100', 'lt 70']);
    assert.equal(target(ct, 'ct.seed_rate', 2025)?.asWritten, '80-100 kg/ha');
    assert.deepEqual(pairs('ct.chemical_fertiliser_reduction'), ['gte 20', 'gte 30']);
    assert.deepEqual(pairs('ct.chemical_pesticide_reduction'), ['gte 20', 'gte 30']);
    assert.deepEqual(pairs('ct.irrigation_water_reduction'), ['gte 20', 'gte 20']);
    assert.deepEqual(pairs('ct.straw_collected'), ['gte 70', 'gte 100']);
    assert.deepEqual(pairs('ct.post_harvest_loss'), ['lt 10', 'lt 8']);
    assert.deepEqual(pairs('ct.ghg_reduction'), ['gt 10', 'gt 10']);
    assert.deepEqual(pairs('ct.mechanisation'), ['gt 50', 'gt 70']);
  });

  test('Quảng Trị: consolidated land, mechanisation and digital technology', () => {
    const qt = 'quang-tri-04-nq-tu-land-consolidation';
    assert.equal(target(qt, 'qt.consolidated_area', 2030)?.value, 32000);
    assert.equal(target(qt, 'qt.consolidated_area', 2035)?.value, 40000);
    assert.deepEqual(indicator(qt, 'qt.consolidated_added').targets.map((t) => [t.year, t.value]), [[2026, 1000], [2027, 1000], [2028, 1000], [2029, 1000], [2030, 1000]]);
    assert.deepEqual([target(qt, 'qt.mechanisation', 2030)?.value, target(qt, 'qt.mechanisation', 2035)?.value], [50, 65]);
    assert.deepEqual([target(qt, 'qt.digital_key_crops', 2030)?.value, target(qt, 'qt.digital_key_crops', 2035)?.value], [20, 25]);
  });

  test('Lào Cai vegetable table: districts add up to the total, area × yield ≈ output', () => {
    const [total, ...districts] = VEGETABLE_TABLE;
    for (const column of [1, 3, 4, 6, 7, 9] as const) {
      const sum = districts.reduce((s, row) => s + row[column], 0);
      assert.equal(sum, total![column], `column ${column}`);
    }
    const mismatches: string[] = [];
    for (const row of VEGETABLE_TABLE) {
      for (const [year, area, yieldTa, outputT] of [[2020, row[1], row[2], row[3]], [2025, row[4], row[5], row[6]], [2030, row[7], row[8], row[9]]] as const) {
        const computedT = (area * yieldTa) / 10; // ha × tạ/ha = tạ; 10 tạ = 1 t
        if (Math.abs(computedT - outputT) > Math.max(20, 0.01 * outputT)) mismatches.push(`${row[0] || 'Tổng'} ${year}`);
      }
    }
    assert.deepEqual(mismatches, ['Si Ma Cai 2030']);
    const lcv = 'lao-cai-4765-safe-vegetables';
    assert.equal(target(lcv, 'lcv.area', 2030)?.value, 2400);
    assert.equal(target(lcv, 'lcv.area', 2025, 'Sa Pa')?.value, 350);
    assert.equal(target(lcv, 'lcv.output', 2030, 'Bắc Hà')?.value, 12000);
    assert.equal(indicator(lcv, 'lcv.yield').values?.find((v) => v.breakdown === 'Mường Khương')?.value, 160);
  });

  test('Sơn Kim 1 is a commune plan of Hà Tĩnh with its three phases', () => {
    const sk = plan('son-kim-1-4024-low-emission-crops');
    assert.equal(sk.scopeLevel, 'commune');
    assert.equal(sk.communeCode, '18196');
    assert.equal(sk.tasks.length, 9);
    assert.equal(target(sk.code, 'sk.ghg_reduction_vs_2020', 2035)?.value, 15);
  });

  test('every computed indicator names a known computation; codes are unique per plan', () => {
    for (const p of SEED_PLANS) {
      assert.equal(new Set(p.indicators.map((i) => i.code)).size, p.indicators.length, p.code);
      assert.equal(new Set(p.tasks.map((t) => t.code)).size, p.tasks.length, p.code);
      for (const i of p.indicators) if (i.computation !== 'entered') assert.ok(computationOf(i.computation), `${i.code}: ${i.computation}`);
    }
  });
});
