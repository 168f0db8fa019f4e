/**
 * Rules a growing area (vùng trồng) must meet before a code is recorded for it, as data with their
 * sources (vn-standards.md §1). Pure: the caller passes the area computed by PostGIS.
 *
 * Minimum size of a growing area — vn-standards.md §1.2: Decision 3156/QĐ-BNN-TT (19/08/2022), the
 * ministry's temporary guidance on issuing and managing growing-area codes, which implements
 * Article 64 of the Law on Crop Production (Luật Trồng trọt, 19/11/2018): perennial crops at least
 * 1 ha, annual crops at least 0.1 ha. These bind domestic codes and are enforced.
 *
 * Export codes (PUC) — vn-standards.md §1.3: no official minimum was found. A consultancy page
 * (clv.vn) gives fruit ≥ 5 ha and vegetables ≥ 500 m²; the note lists this as UNCONFIRMED (item 6),
 * so these rows are reported as advisory and never block.
 */
import type { GrowingAreaCodeKind, LandUse } from '../../db/schema.ts';
import { formatHectares } from './hectares.ts';

export type CropCycle = 'annual' | 'perennial';
export type CropGroup = 'cereal' | 'vegetable' | 'fruit' | 'industrial' | 'other';
export interface CropClass {
  cycle: CropCycle;
  group: CropGroup;
  /** How the class was found: from the crop name, from the plots' land use, or the strict default. */
  from: 'crop' | 'land_use' | 'default';
}

/**
 * Crop names (English and Vietnamese, compared without diacritics) and their cycle, following the
 * annual / perennial split of the General Statistics Office's crop tables (cây hằng năm / cây lâu năm).
 * Vietnamese words that lose their meaning without diacritics (dừa, dưa, dứa → "dua") are left out.
 */
const CROP_CATALOGUE: ReadonlyArray<{ names: readonly string[]; cycle: CropCycle; group: CropGroup }> = [
  { names: ['rice', 'paddy', 'lua', 'lua gao'], cycle: 'annual', group: 'cereal' },
  { names: ['maize', 'corn', 'ngo', 'bap'], cycle: 'annual', group: 'cereal' },
  {
    names: ['vegetables', 'vegetable', 'rau', 'rau mau', 'cai', 'bap cai', 'ca chua', 'tomato', 'cabbage', 'dua leo', 'cucumber', 'hanh', 'onion', 'ot', 'chilli', 'bi', 'muop', 'xa lach', 'lettuce', 'khoai tay', 'potato'],
    cycle: 'annual',
    group: 'vegetable',
  },
  { names: ['sweet potato', 'khoai lang', 'cassava', 'san', 'khoai mi', 'peanut', 'groundnut', 'lac', 'dau phong', 'soybean', 'dau tuong', 'dau nanh', 'sugarcane', 'mia'], cycle: 'annual', group: 'other' },
  {
    names: ['fruit', 'fruit trees', 'cay an qua', 'durian', 'sau rieng', 'mango', 'xoai', 'longan', 'nhan', 'lychee', 'vai', 'vai thieu', 'rambutan', 'chom chom', 'dragon fruit', 'thanh long', 'pomelo', 'buoi', 'orange', 'cam', 'tangerine', 'quyt', 'lime', 'chanh', 'passion fruit', 'chanh day', 'banana', 'chuoi', 'jackfruit', 'mit', 'mangosteen', 'mang cut', 'avocado', 'coconut', 'custard apple', 'mang cau', 'guava', 'oi', 'plum', 'man', 'mac coc'],
    cycle: 'perennial',
    group: 'fruit',
  },
  { names: ['coffee', 'ca phe', 'tea', 'che', 'tra', 'pepper', 'ho tieu', 'tieu', 'cashew', 'dieu', 'cocoa', 'cacao', 'ca cao', 'rubber', 'cao su', 'macadamia', 'mac ca'], cycle: 'perennial', group: 'industrial' },
];

const LAND_USE_CLASS: Record<LandUse, Omit<CropClass, 'from'> | null> = {
  rice: { cycle: 'annual', group: 'cereal' },
  vegetables: { cycle: 'annual', group: 'vegetable' },
  fruit: { cycle: 'perennial', group: 'fruit' },
  tea: { cycle: 'perennial', group: 'industrial' },
  coffee: { cycle: 'perennial', group: 'industrial' },
  other: null,
};

/** Lower case, without diacritics (đ → d), single spaces: "Lúa  ST25" → "lua st25". */
export function normaliseCropName(name: string) {
  return name.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

const catalogueByName = CROP_CATALOGUE.flatMap((entry) => entry.names.map((name) => ({ name, entry }))).sort((a, b) => b.name.length - a.name.length);

/**
 * The crop's cycle: from its name ("Lúa ST25" is rice, "Sầu riêng Ri6" durian), else from the plots'
 * land use when they all agree, else perennial — the stricter minimum, so an unknown crop never
 * passes on the smaller annual threshold.
 */
export function classifyCrop(crop: string, plotLandUses: readonly LandUse[]): CropClass {
  const name = normaliseCropName(crop);
  const match = catalogueByName.find((c) => name === c.name || name.startsWith(`${c.name} `));
  if (match) return { cycle: match.entry.cycle, group: match.entry.group, from: 'crop' };
  const classes = [...new Set(plotLandUses)].map((use) => LAND_USE_CLASS[use]);
  const first = classes[0];
  if (first && classes.every((c) => c && c.cycle === first.cycle && c.group === first.group)) return { ...first, from: 'land_use' };
  return { cycle: 'perennial', group: 'other', from: 'default' };
}

export interface MinimumAreaRow {
  rule: 'minimum_area' | 'minimum_area_export';
  codeKind: GrowingAreaCodeKind;
  applies: { cycle?: CropCycle; group?: CropGroup };
  minimumHa: number;
  enforced: boolean;
  basis: string;
  describes: string;
}

const DECISION_3156 = 'Decision 3156/QĐ-BNN-TT of 19/08/2022 under Article 64 of the Law on Crop Production';
const EXPORT_UNCONFIRMED = 'advisory only: consultancy source, UNCONFIRMED in vn-standards.md §1.3';

export const MINIMUM_AREA_ROWS: readonly MinimumAreaRow[] = [
  { rule: 'minimum_area', codeKind: 'domestic', applies: { cycle: 'perennial' }, minimumHa: 1, enforced: true, basis: DECISION_3156, describes: 'perennial crops' },
  { rule: 'minimum_area', codeKind: 'domestic', applies: { cycle: 'annual' }, minimumHa: 0.1, enforced: true, basis: DECISION_3156, describes: 'annual crops' },
  { rule: 'minimum_area_export', codeKind: 'export', applies: { cycle: 'perennial', group: 'fruit' }, minimumHa: 5, enforced: false, basis: EXPORT_UNCONFIRMED, describes: 'fruit for export' },
  { rule: 'minimum_area_export', codeKind: 'export', applies: { group: 'vegetable' }, minimumHa: 0.05, enforced: false, basis: EXPORT_UNCONFIRMED, describes: 'vegetables for export' },
];

export interface RuleResult {
  rule: string;
  passed: boolean;
  enforced: boolean;
  detail: string;
  codeKind: GrowingAreaCodeKind;
}

const cycleWords: Record<CropClass['from'], string> = {
  crop: 'from the crop',
  land_use: "from the plots' land use",
  default: 'crop not recognised, so the stricter perennial minimum applies',
};

/** Every minimum-area row that applies to this crop, evaluated on the area's PostGIS area. */
export function evaluateMinimumArea(areaHa: number, crop: CropClass, rows: readonly MinimumAreaRow[] = MINIMUM_AREA_ROWS): RuleResult[] {
  return rows
    .filter((row) => (!row.applies.cycle || row.applies.cycle === crop.cycle) && (!row.applies.group || row.applies.group === crop.group))
    .map((row) => {
      const passed = areaHa >= row.minimumHa;
      const minimum = formatHectares(row.minimumHa, { min: 0, max: 4 });
      return {
        rule: row.rule,
        codeKind: row.codeKind,
        passed,
        enforced: row.enforced,
        detail: `${formatHectares(areaHa)} ${passed ? '≥' : '<'} ${minimum}, the minimum for ${row.describes} (${cycleWords[crop.from]}; ${row.basis})`,
      };
    });
}

/** The enforced rule that stops a code of this kind from being recorded, if any fails. */
export const blockingRule = (results: readonly RuleResult[], kind: GrowingAreaCodeKind) => results.find((r) => r.codeKind === kind && r.enforced && !r.passed);
