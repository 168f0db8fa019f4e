/**
 * The emission database the plans ask for ("by crop, ecological zone, technique and crop cycle",
 * Lào Cai plan III.4; Sơn Kim 1 plan IV.4) and the national inventory tables of IPCC 2006/2019
 * category 3.C (aggregate sources and non-CO2 emissions on land): 3.C.7 rice cultivation, 3.C.4 and
 * 3.C.5 direct and indirect N2O from managed soils, 3.C.3 urea application, 3.C.2 liming, 3.C.1
 * emissions from biomass burning (rice straw). Pure: the rows are the dashboard rollups' sums (the
 * seasons' MRV runs, or their diaries computed with the same engine), and the emission factors are
 * the ones those calculations actually used (their factors_used, stored once per distinct set).
 *
 * CO2e uses the GWP set the calculations used (AR5 by default, methodology.md §5 and §9 item 9).
 */
import { listFactors } from '@dongxanh/methodology';
import type { Localised, ReportDocument, ReportTable } from '@dongxanh/contracts';
import type { StoredFactorUse } from '../../db/schema.ts';
import { localised as l, SEASON_NAMES, STRAW_PRACTICES, WATER_REGIMES } from './labels.ts';

export interface ReportRollupRow {
  communeCode: string;
  cropCode: string;
  cropKind: string;
  seasonName: string;
  waterRegime: string;
  strawPractice: string;
  factorSetKeys: string[];
  seasonCount: number;
  areaHa: number;
  emSeasonCount: number;
  emAreaHa: number;
  emHaDays: number;
  emNitrogenSyntheticKg: number;
  emNitrogenOrganicKg: number;
  emUreaKg: number;
  emLimestoneKg: number;
  emDolomiteKg: number;
  emBurntDmT: number;
  projectCo2eT: number;
  baselineCo2eT: number;
  ch4RiceKg: number;
  ch4BurningKg: number;
  n2oDirectKg: number;
  n2oIndirectKg: number;
  n2oBurningKg: number;
  co2UreaKg: number;
  co2LimeKg: number;
}

const NUMERIC_KEYS = [
  'seasonCount', 'areaHa', 'emSeasonCount', 'emAreaHa', 'emHaDays', 'emNitrogenSyntheticKg', 'emNitrogenOrganicKg', 'emUreaKg', 'emLimestoneKg', 'emDolomiteKg', 'emBurntDmT',
  'projectCo2eT', 'baselineCo2eT', 'ch4RiceKg', 'ch4BurningKg', 'n2oDirectKg', 'n2oIndirectKg', 'n2oBurningKg', 'co2UreaKg', 'co2LimeKg',
] as const satisfies ReadonlyArray<keyof ReportRollupRow>;
type Sums = Record<(typeof NUMERIC_KEYS)[number], number>;

const zero = (): Sums => Object.fromEntries(NUMERIC_KEYS.map((k) => [k, 0])) as Sums;
function add(into: Sums, row: Sums) {
  for (const k of NUMERIC_KEYS) into[k] += row[k];
}
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export type EmissionGroup = 'crop' | 'zone' | 'technique' | 'season' | 'commune';

export interface EmissionContext {
  scope: { provinceCode: string; provinceName: string; communeCode: string | null; communeName: string | null };
  year: number;
  cropNames: ReadonlyMap<string, Localised>;
  communeNames: ReadonlyMap<string, string>;
  /** The ecological zone of a commune (its own, else its province's), or null. */
  zoneOf: (communeCode: string) => Localised | null;
  factorSets: ReadonlyMap<string, { methodVersion: string; factorTableVersion: string; factors: readonly StoredFactorUse[] }>;
  generatedAt: Date;
}

const UNZONED = l('Chưa phân vùng', 'No zone assigned');

function dimension(group: EmissionGroup, row: ReportRollupRow, ctx: EmissionContext): Localised {
  switch (group) {
    case 'crop':
      return ctx.cropNames.get(row.cropCode) ?? l(row.cropCode, row.cropCode);
    case 'zone':
      return ctx.zoneOf(row.communeCode) ?? UNZONED;
    case 'technique': {
      const w = WATER_REGIMES[row.waterRegime] ?? l(row.waterRegime, row.waterRegime);
      const s = STRAW_PRACTICES[row.strawPractice] ?? l(row.strawPractice, row.strawPractice);
      return l(`${w.vi}; ${s.vi.toLocaleLowerCase('vi')}`, `${w.en}; ${s.en.toLocaleLowerCase('en')}`);
    }
    case 'season':
      return SEASON_NAMES[row.seasonName] ?? l(row.seasonName, row.seasonName);
    case 'commune': {
      const name = ctx.communeNames.get(row.communeCode) ?? row.communeCode;
      return l(name, name);
    }
  }
}

const GROUP_LABELS: Record<EmissionGroup, Localised> = {
  crop: l('Cây trồng', 'Crop'),
  zone: l('Vùng sinh thái', 'Ecological zone'),
  technique: l('Biện pháp kỹ thuật (nước; rơm rạ)', 'Technique (water; straw)'),
  season: l('Chu kỳ canh tác (vụ)', 'Crop cycle (season)'),
  commune: l('Xã, phường', 'Commune'),
};

function scopeMeta(ctx: EmissionContext, sums: Sums, methodVersions: readonly string[]) {
  return [
    { label: l('Tỉnh, thành phố', 'Province'), value: `${ctx.scope.provinceName} (${ctx.scope.provinceCode})` },
    ...(ctx.scope.communeCode ? [{ label: l('Xã, phường', 'Commune'), value: `${ctx.scope.communeName} (${ctx.scope.communeCode})` }] : []),
    { label: l('Năm', 'Year'), value: String(ctx.year) },
    { label: l('Số vụ có kết quả phát thải', 'Seasons with emission results'), value: sums.emSeasonCount },
    { label: l('Số vụ trong cơ sở dữ liệu', 'Seasons on record'), value: sums.seasonCount },
    { label: l('Phương pháp', 'Method'), value: methodVersions.join(', ') || '—' },
    { label: l('Lập ngày', 'Generated on'), value: { date: ctx.generatedAt.toISOString().slice(0, 10) } },
  ];
}

function methodVersionsOf(rows: readonly ReportRollupRow[], ctx: EmissionContext): string[] {
  const versions = new Set<string>();
  for (const key of new Set(rows.flatMap((r) => r.factorSetKeys))) {
    const set = ctx.factorSets.get(key);
    if (set) versions.add(`${set.methodVersion}, ${set.factorTableVersion}`);
  }
  return [...versions];
}

export function buildEmissionDatabase(rows: readonly ReportRollupRow[], groups: readonly EmissionGroup[], ctx: EmissionContext): ReportDocument {
  const grouped = new Map<string, { dims: Localised[]; sums: Sums }>();
  const total = zero();
  for (const row of rows) {
    const dims = groups.map((g) => dimension(g, row, ctx));
    const key = dims.map((d) => d.vi).join('|');
    const entry = grouped.get(key) ?? grouped.set(key, { dims, sums: zero() }).get(key)!;
    add(entry.sums, row);
    add(total, row);
  }
  const table: ReportTable = {
    id: 'emissions',
    title: l(`Phát thải khí nhà kính trồng trọt năm ${ctx.year}`, `Crop-production GHG emissions in ${ctx.year}`),
    note: l(
      'Khí nhà kính theo kết quả MRV của từng vụ (IPCC 2019, bậc 1; hệ số ghi ở bảng kiểm kê); giảm phát thải so với cùng vụ ngập liên tục (canh tác truyền thống).',
      'Greenhouse gases from each season\'s MRV result (IPCC 2019 Tier 1; factors in the inventory tables); reduction against the same season continuously flooded (traditional practice).',
    ),
    columns: [
      ...groups.map((g, i) => ({ key: `d${i}`, label: GROUP_LABELS[g], kind: 'text' as const })),
      { key: 'seasons', label: l('Số vụ', 'Seasons'), kind: 'integer' },
      { key: 'area', label: l('Diện tích (ha)', 'Area (ha)'), kind: 'number', digits: 1 },
      { key: 'ch4', label: l('CH4 (t)', 'CH4 (t)'), kind: 'number', digits: 3 },
      { key: 'n2o', label: l('N2O (t)', 'N2O (t)'), kind: 'number', digits: 4 },
      { key: 'co2', label: l('CO2 (t)', 'CO2 (t)'), kind: 'number', digits: 3 },
      { key: 'co2e', label: l('Tổng (t CO2tđ)', 'Total (t CO2e)'), kind: 'number', digits: 2 },
      { key: 'intensity', label: l('Cường độ (t CO2tđ/ha)', 'Intensity (t CO2e/ha)'), kind: 'number', digits: 2 },
      { key: 'baseline', label: l('Canh tác truyền thống (t CO2tđ)', 'Traditional practice (t CO2e)'), kind: 'number', digits: 2 },
      { key: 'reduction', label: l('Giảm phát thải', 'Reduction'), kind: 'percent', digits: 1 },
    ],
    rows: [...grouped.values()]
      .sort((a, b) => a.dims.map((d) => d.vi).join('|').localeCompare(b.dims.map((d) => d.vi).join('|'), 'vi'))
      .map(({ dims, sums }) => ({ ...Object.fromEntries(dims.map((d, i) => [`d${i}`, d])), ...figures(sums) })),
  };
  if (rows.length) table.rows.push({ ...Object.fromEntries(groups.map((_, i) => [`d${i}`, i === 0 ? l('Tổng cộng', 'Total') : null])), ...figures(total) });
  return {
    kind: 'emission_database',
    title: l('Cơ sở dữ liệu phát thải trong trồng trọt', 'Crop-production emission database'),
    subtitle: l(`Theo ${groups.map((g) => GROUP_LABELS[g].vi.toLocaleLowerCase('vi')).join(', ')} — ${ctx.scope.communeName ?? ctx.scope.provinceName}, năm ${ctx.year}`, `By ${groups.map((g) => GROUP_LABELS[g].en.toLocaleLowerCase('en')).join(', ')} — ${ctx.scope.communeName ?? ctx.scope.provinceName}, ${ctx.year}`),
    meta: scopeMeta(ctx, total, methodVersionsOf(rows, ctx)),
    sections: [table],
    generatedAt: ctx.generatedAt.toISOString(),
  };
}

function figures(s: Sums) {
  return {
    seasons: s.seasonCount,
    area: s.areaHa,
    ch4: (s.ch4RiceKg + s.ch4BurningKg) / 1000,
    n2o: (s.n2oDirectKg + s.n2oIndirectKg + s.n2oBurningKg) / 1000,
    co2: (s.co2UreaKg + s.co2LimeKg) / 1000,
    co2e: s.projectCo2eT,
    intensity: ratio(s.projectCo2eT, s.emAreaHa),
    baseline: s.baselineCo2eT,
    reduction: s.baselineCo2eT > 0 ? (100 * (s.baselineCo2eT - s.projectCo2eT)) / s.baselineCo2eT : null,
  };
}

// ------------------------------------------------------------------ inventory (IPCC 3.C)

const FACTOR_CATEGORY: Array<[RegExp, string]> = [
  [/^(efc\.|sfw\.|sfp\.|cfoa\.|sfo_exponent|cultivation_days_default)/, '3.C.7'],
  [/^(ef1\.|ef1fr\.)/, '3.C.4'],
  [/^(ef4\.|ef5|frac_)/, '3.C.5'],
  [/^urea_ef/, '3.C.3'],
  [/^(limestone_ef|dolomite_ef)/, '3.C.2'],
  [/^(combustion_factor|gef_)/, '3.C.1'],
  [/^gwp_/, 'GWP'],
];
const categoryOf = (id: string) => FACTOR_CATEGORY.find(([re]) => re.test(id))?.[1] ?? '—';
const UNIT_OF_FACTOR = new Map(listFactors().map((f) => [f.id, f.unit]));

export function buildInventory(rows: readonly ReportRollupRow[], ctx: EmissionContext): ReportDocument {
  const total = zero();
  for (const r of rows) add(total, r);
  const used = new Map<string, StoredFactorUse>();
  for (const key of new Set(rows.flatMap((r) => r.factorSetKeys))) for (const f of ctx.factorSets.get(key)?.factors ?? []) used.set(`${f.id}|${f.value}`, f);
  const factors = [...used.values()].sort((a, b) => categoryOf(a.id).localeCompare(categoryOf(b.id)) || a.id.localeCompare(b.id));
  const gwpCh4 = factors.find((f) => /^gwp_[a-z0-9]+\.ch4$/.test(f.id))?.value ?? 28;
  const gwpN2o = factors.find((f) => /^gwp_[a-z0-9]+\.n2o$/.test(f.id))?.value ?? 265;
  const factorList = (category: string) => factors.filter((f) => categoryOf(f.id) === category).map((f) => `${f.id} = ${f.value}`).join('; ') || '—';

  // 3.C.7 by water regime (rice only).
  const byRegime = new Map<string, Sums>();
  for (const r of rows.filter((x) => x.cropKind === 'rice')) add(byRegime.get(r.waterRegime) ?? byRegime.set(r.waterRegime, zero()).get(r.waterRegime)!, r);
  const rice: ReportTable = {
    id: '3C7',
    title: l('3.C.7 Canh tác lúa (CH4)', '3.C.7 Rice cultivation (CH4)'),
    note: l(`IPCC 2019 Tập 4 Ch.5 PT 5.1–5.3. Hệ số: ${factorList('3.C.7')}`, `IPCC 2019 Vol 4 Ch 5 Eq 5.1–5.3. Factors: ${factorList('3.C.7')}`),
    columns: [
      { key: 'regime', label: l('Chế độ nước', 'Water regime'), kind: 'text' },
      { key: 'area', label: l('Diện tích thu hoạch (ha)', 'Harvested area (ha)'), kind: 'number', digits: 2 },
      { key: 'days', label: l('Số ngày canh tác bình quân', 'Mean cultivation days'), kind: 'number', digits: 1 },
      { key: 'ef', label: l('Hệ số phát thải (kg CH4/ha/ngày)', 'Emission factor (kg CH4/ha/day)'), kind: 'number', digits: 3 },
      { key: 'ch4', label: l('CH4 (t)', 'CH4 (t)'), kind: 'number', digits: 3 },
      { key: 'co2e', label: l('CO2tđ (t)', 'CO2e (t)'), kind: 'number', digits: 2 },
    ],
    rows: [...byRegime.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([regime, s]) => ({
      regime: WATER_REGIMES[regime] ?? l(regime, regime), area: s.emAreaHa, days: ratio(s.emHaDays, s.emAreaHa), ef: ratio(s.ch4RiceKg, s.emHaDays), ch4: s.ch4RiceKg / 1000, co2e: (s.ch4RiceKg * gwpCh4) / 1000,
    })),
  };

  const riceN = rows.filter((x) => x.cropKind === 'rice' && x.waterRegime !== '');
  const otherN = rows.filter((x) => !(x.cropKind === 'rice' && x.waterRegime !== ''));
  const nGroup = (label: Localised, list: readonly ReportRollupRow[]) => {
    const s = zero();
    for (const r of list) add(s, r);
    const n = s.emNitrogenSyntheticKg + s.emNitrogenOrganicKg;
    return { group: label, nSynthetic: s.emNitrogenSyntheticKg / 1000, nOrganic: s.emNitrogenOrganicKg / 1000, ef: ratio((s.n2oDirectKg * 28) / 44, n), n2o: s.n2oDirectKg / 1000, co2e: (s.n2oDirectKg * gwpN2o) / 1000, indirect: s.n2oIndirectKg / 1000 };
  };
  const nRows = [nGroup(l('Lúa nước (EF1FR)', 'Flooded rice (EF1FR)'), riceN), nGroup(l('Cây trồng khác (EF1)', 'Other crops (EF1)'), otherN)];
  const direct: ReportTable = {
    id: '3C4',
    title: l('3.C.4 N2O trực tiếp từ đất canh tác', '3.C.4 Direct N2O from managed soils'),
    note: l(`IPCC 2019 Tập 4 Ch.11 PT 11.1, Bảng 11.1. Hệ số: ${factorList('3.C.4')}. EF = N2O-N ÷ N bón.`, `IPCC 2019 Vol 4 Ch 11 Eq 11.1, Table 11.1. Factors: ${factorList('3.C.4')}. EF = N2O-N ÷ N applied.`),
    columns: [
      { key: 'group', label: l('Nhóm', 'Group'), kind: 'text' },
      { key: 'nSynthetic', label: l('N vô cơ (t N)', 'Synthetic N (t N)'), kind: 'number', digits: 3 },
      { key: 'nOrganic', label: l('N hữu cơ (t N)', 'Organic N (t N)'), kind: 'number', digits: 3 },
      { key: 'ef', label: l('Hệ số (kg N2O-N/kg N)', 'Factor (kg N2O-N/kg N)'), kind: 'number', digits: 4 },
      { key: 'n2o', label: l('N2O (t)', 'N2O (t)'), kind: 'number', digits: 4 },
      { key: 'co2e', label: l('CO2tđ (t)', 'CO2e (t)'), kind: 'number', digits: 2 },
    ],
    rows: nRows.map(({ indirect: _i, ...r }) => r),
  };
  const indirect: ReportTable = {
    id: '3C5',
    title: l('3.C.5 N2O gián tiếp từ đất canh tác', '3.C.5 Indirect N2O from managed soils'),
    note: l(
      `IPCC 2019 Tập 4 Ch.11 PT 11.9, 11.10. Mặc định không tính (methodology.md §9 mục 5); chỉ có khi lần tính bật include_indirect. Hệ số: ${factorList('3.C.5')}`,
      `IPCC 2019 Vol 4 Ch 11 Eq 11.9, 11.10. Off by default (methodology.md §9 item 5); present only where a calculation switched include_indirect on. Factors: ${factorList('3.C.5')}`,
    ),
    columns: [
      { key: 'group', label: l('Nhóm', 'Group'), kind: 'text' },
      { key: 'n', label: l('N bón (t N)', 'N applied (t N)'), kind: 'number', digits: 3 },
      { key: 'n2o', label: l('N2O (t)', 'N2O (t)'), kind: 'number', digits: 4 },
      { key: 'co2e', label: l('CO2tđ (t)', 'CO2e (t)'), kind: 'number', digits: 2 },
    ],
    rows: nRows.map((r) => ({ group: r.group, n: r.nSynthetic + r.nOrganic, n2o: r.indirect, co2e: r.indirect * gwpN2o })),
  };
  const urea: ReportTable = {
    id: '3C3',
    title: l('3.C.3 Bón phân urê (CO2)', '3.C.3 Urea application (CO2)'),
    note: l(`IPCC 2006/2019 Tập 4 Ch.11 PT 11.13. Hệ số: ${factorList('3.C.3')} (t C/t urê)`, `IPCC 2006/2019 Vol 4 Ch 11 Eq 11.13. Factor: ${factorList('3.C.3')} (t C/t urea)`),
    columns: [
      { key: 'urea', label: l('Urê bón (t)', 'Urea applied (t)'), kind: 'number', digits: 3 },
      { key: 'ef', label: l('Hệ số (t CO2/t urê)', 'Factor (t CO2/t urea)'), kind: 'number', digits: 4 },
      { key: 'co2', label: l('CO2 (t)', 'CO2 (t)'), kind: 'number', digits: 3 },
    ],
    rows: [{ urea: total.emUreaKg / 1000, ef: ratio(total.co2UreaKg, total.emUreaKg), co2: total.co2UreaKg / 1000 }],
  };
  const lime: ReportTable = {
    id: '3C2',
    title: l('3.C.2 Bón vôi (CO2)', '3.C.2 Liming (CO2)'),
    note: l(`IPCC 2006/2019 Tập 4 Ch.11 PT 11.12. Hệ số: ${factorList('3.C.2')} (t C/t)`, `IPCC 2006/2019 Vol 4 Ch 11 Eq 11.12. Factors: ${factorList('3.C.2')} (t C/t)`),
    columns: [
      { key: 'limestone', label: l('Đá vôi CaCO3 (t)', 'Limestone CaCO3 (t)'), kind: 'number', digits: 3 },
      { key: 'dolomite', label: l('Dolomit (t)', 'Dolomite (t)'), kind: 'number', digits: 3 },
      { key: 'co2', label: l('CO2 (t)', 'CO2 (t)'), kind: 'number', digits: 3 },
    ],
    rows: [{ limestone: total.emLimestoneKg / 1000, dolomite: total.emDolomiteKg / 1000, co2: total.co2LimeKg / 1000 }],
  };
  const burning: ReportTable = {
    id: '3C1',
    title: l('3.C.1 Đốt phụ phẩm cây trồng (rơm rạ)', '3.C.1 Biomass burning (crop residues)'),
    note: l(`IPCC 2006 Tập 4 Ch.2 PT 2.27, Bảng 2.5, 2.6; CO2 từ đốt sinh khối không tính. Hệ số: ${factorList('3.C.1')}`, `IPCC 2006 Vol 4 Ch 2 Eq 2.27, Tables 2.5, 2.6; burning CO2 not counted. Factors: ${factorList('3.C.1')}`),
    columns: [
      { key: 'dm', label: l('Chất khô bị đốt (t)', 'Dry matter burnt (t)'), kind: 'number', digits: 2 },
      { key: 'ch4', label: l('CH4 (t)', 'CH4 (t)'), kind: 'number', digits: 4 },
      { key: 'n2o', label: l('N2O (t)', 'N2O (t)'), kind: 'number', digits: 5 },
      { key: 'co2e', label: l('CO2tđ (t)', 'CO2e (t)'), kind: 'number', digits: 2 },
    ],
    rows: [{ dm: total.emBurntDmT, ch4: total.ch4BurningKg / 1000, n2o: total.n2oBurningKg / 1000, co2e: (total.ch4BurningKg * gwpCh4 + total.n2oBurningKg * gwpN2o) / 1000 }],
  };
  const summary: ReportTable = {
    id: 'summary',
    title: l('Tổng hợp theo danh mục kiểm kê', 'Summary by inventory category'),
    note: l(`CO2tđ với GWP: CH4 ${gwpCh4}, N2O ${gwpN2o}.`, `CO2e with GWP: CH4 ${gwpCh4}, N2O ${gwpN2o}.`),
    columns: [
      { key: 'category', label: l('Mã', 'Category'), kind: 'text' },
      { key: 'name', label: l('Nguồn', 'Source'), kind: 'text' },
      { key: 'gas', label: l('Khí', 'Gas'), kind: 'text' },
      { key: 'tonnes', label: l('Lượng khí (t)', 'Gas (t)'), kind: 'number', digits: 4 },
      { key: 'co2e', label: l('CO2tđ (t)', 'CO2e (t)'), kind: 'number', digits: 2 },
    ],
    rows: [
      { category: '3.C.1', name: l('Đốt phụ phẩm', 'Biomass burning'), gas: 'CH4', tonnes: total.ch4BurningKg / 1000, co2e: (total.ch4BurningKg * gwpCh4) / 1000 },
      { category: '3.C.1', name: l('Đốt phụ phẩm', 'Biomass burning'), gas: 'N2O', tonnes: total.n2oBurningKg / 1000, co2e: (total.n2oBurningKg * gwpN2o) / 1000 },
      { category: '3.C.2', name: l('Bón vôi', 'Liming'), gas: 'CO2', tonnes: total.co2LimeKg / 1000, co2e: total.co2LimeKg / 1000 },
      { category: '3.C.3', name: l('Bón urê', 'Urea application'), gas: 'CO2', tonnes: total.co2UreaKg / 1000, co2e: total.co2UreaKg / 1000 },
      { category: '3.C.4', name: l('N2O trực tiếp', 'Direct N2O'), gas: 'N2O', tonnes: total.n2oDirectKg / 1000, co2e: (total.n2oDirectKg * gwpN2o) / 1000 },
      { category: '3.C.5', name: l('N2O gián tiếp', 'Indirect N2O'), gas: 'N2O', tonnes: total.n2oIndirectKg / 1000, co2e: (total.n2oIndirectKg * gwpN2o) / 1000 },
      { category: '3.C.7', name: l('Canh tác lúa', 'Rice cultivation'), gas: 'CH4', tonnes: total.ch4RiceKg / 1000, co2e: (total.ch4RiceKg * gwpCh4) / 1000 },
    ],
  };
  const factorTable: ReportTable = {
    id: 'factors',
    title: l('Hệ số phát thải đã dùng', 'Emission factors used'),
    note: l('Các hệ số mà các lần tính MRV thực sự đã dùng (factors_used), kèm nguồn bảng IPCC.', 'The factors the MRV calculations actually used (factors_used), with their IPCC table.'),
    columns: [
      { key: 'category', label: l('Danh mục', 'Category'), kind: 'text' },
      { key: 'id', label: l('Hệ số', 'Factor'), kind: 'text' },
      { key: 'value', label: l('Giá trị', 'Value'), kind: 'number', digits: 4 },
      { key: 'unit', label: l('Đơn vị', 'Unit'), kind: 'text' },
      { key: 'source', label: l('Nguồn', 'Source'), kind: 'text' },
    ],
    rows: factors.map((f) => ({ category: categoryOf(f.id), id: f.id, value: f.value, unit: UNIT_OF_FACTOR.get(f.id) ?? null, source: f.source })),
  };
  return {
    kind: 'inventory',
    title: l('Bảng kiểm kê khí nhà kính quốc gia — lĩnh vực 3.C (trồng trọt)', 'National GHG inventory tables — category 3.C (crop production)'),
    subtitle: l(`${ctx.scope.communeName ?? ctx.scope.provinceName}, năm ${ctx.year}: số liệu hoạt động, hệ số phát thải và lượng phát thải`, `${ctx.scope.communeName ?? ctx.scope.provinceName}, ${ctx.year}: activity data, emission factors and emissions`),
    meta: scopeMeta(ctx, total, methodVersionsOf(rows, ctx)),
    sections: [summary, rice, direct, indirect, urea, lime, burning, factorTable],
    generatedAt: ctx.generatedAt.toISOString(),
  };
}
