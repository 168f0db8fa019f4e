/**
 * Activity details in words: a one-line summary for the timeline, and each field's label and value
 * for the conflict comparison. Numbers and dates go through i18n/format.ts (1.234,5; dd/mm/yyyy).
 */
import type { Formatters, Lang, Translate } from '../i18n/index.tsx';
import { ACTIVITY_FIELDS, type FieldSpec, type UnitKey } from './activity-form.ts';
import { fieldLabel, optionLabel, productName, unitLabel } from './labels.ts';
import type { ActivityType, FertiliserProduct, PesticideProduct } from './types.ts';

export interface Words {
  t: Translate;
  fmt: Formatters;
  lang: Lang;
  fertilisers: readonly FertiliserProduct[];
  pesticides: readonly PesticideProduct[];
}

type PathSpec = Pick<FieldSpec, 'key' | 'label' | 'kind' | 'options' | 'optionsOf' | 'unit' | 'percent' | 'catalogue'>;

/** Details keys that the form fills through its own fields (details → form field label and unit). */
const STORED_ONLY: Record<string, PathSpec> = {
  levelCm: { key: 'levelCm', kind: 'number', unit: 'cm' },
  yieldKgPerHa: { key: 'yieldKgPerHa', kind: 'number', unit: 'kgPerHa' },
  totalKg: { key: 'totalKg', kind: 'number', unit: 'kg' },
  lossPct: { key: 'lossPct', kind: 'number', unit: 'pct' },
  lossKg: { key: 'lossKg', kind: 'number', unit: 'kg' },
  productName: { key: 'productName', kind: 'text' },
  activeIngredients: { key: 'activeIngredients', kind: 'text' },
  'customProduct.name': { key: 'customName', kind: 'text' },
  'customProduct.nFraction': { key: 'customN', kind: 'number', percent: true },
  'customProduct.p2o5Fraction': { key: 'customP', kind: 'number', percent: true },
  'customProduct.k2oFraction': { key: 'customK', kind: 'number', percent: true },
  'customProduct.isUrea': { key: 'customUrea', kind: 'checkbox' },
};

/** The field a details path belongs to (null for a key this app does not know, e.g. from a CSV import). */
export function specForPath(type: ActivityType, path: string): PathSpec | null {
  if (path === 'occurredOn') return { key: 'occurredOn', kind: 'text' };
  const direct = ACTIVITY_FIELDS[type].find((f) => f.key === path && !f.key.startsWith('_'));
  if (direct) return direct;
  const bare = path.replace(/\[\d+\]\.name$/, '').replace(/\[\d+\]$/, '');
  return STORED_ONLY[path] ?? STORED_ONLY[bare] ?? null;
}

export const pathLabel = (w: Words, type: ActivityType, path: string) => {
  const spec = specForPath(type, path);
  return spec ? fieldLabel(w.t, spec) : path;
};

/** Where a form-only field's value is stored in details. */
const STORED_AS: Record<string, string> = {
  _levelCm: 'levelCm', _yield: 'yieldKgPerHa', _total: 'totalKg', _lossPct: 'lossPct', _lossKg: 'lossKg', _productName: 'productName', _ingredients: 'activeIngredients',
  _customName: 'customProduct.name', _customN: 'customProduct.nFraction', _customP: 'customProduct.p2o5Fraction', _customK: 'customProduct.k2oFraction', _customUrea: 'customProduct.isUrea',
};

/**
 * Rows in the order the form shows their fields (the server's JSON keeps its own key order), the
 * date first and unknown keys just before the notes.
 */
export function inFormOrder<R extends { path: string }>(type: ActivityType, rows: readonly R[]): R[] {
  const order = ACTIVITY_FIELDS[type].map((f) => STORED_AS[f.key] ?? f.key);
  const rank = (path: string) => {
    if (path === 'occurredOn') return -1;
    const bare = path.replace(/\[\d+\].*$/, '');
    const i = order.indexOf(path) >= 0 ? order.indexOf(path) : order.indexOf(bare);
    if (path === 'notes') return order.length + 1;
    return i >= 0 ? i : order.length;
  };
  return [...rows].sort((a, b) => rank(a.path) - rank(b.path));
}

const numberWithUnit = (w: Words, value: number, unit: UnitKey | undefined) => {
  const n = w.fmt.number(value, { max: 2 });
  if (!unit) return n;
  return unit === 'pct' ? (w.lang === 'vi' ? `${n} %` : `${n}%`) : `${n} ${unitLabel(w.t, unit)}`;
};

/**
 * A stored value in words. `details` (the version the value belongs to) lets an amount carry its unit:
 * a fertiliser amount is in kg/ha or kg for the plot, a pesticide dose in its dose unit.
 */
export function describeValue(w: Words, type: ActivityType, path: string, value: unknown, details?: Record<string, unknown>): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'number' && details && ((type === 'fertiliser' && path === 'amount') || (type === 'pesticide' && path === 'dose'))) {
    const unitPath = path === 'amount' ? 'amountUnit' : 'doseUnit';
    const unit = details[unitPath];
    return typeof unit === 'string' ? `${w.fmt.number(value, { max: 3 })} ${describeValue(w, type, unitPath, unit)}` : w.fmt.number(value, { max: 3 });
  }
  if (path === 'occurredOn' && typeof value === 'string') return w.fmt.date(value);
  const spec = specForPath(type, path);
  if (typeof value === 'boolean') return w.t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') {
    if (spec?.percent) return numberWithUnit(w, value * 100, 'pct');
    return numberWithUnit(w, value, spec?.unit);
  }
  if (typeof value === 'string' && spec?.catalogue === 'fertilisers') {
    const p = w.fertilisers.find((f) => f.code === value);
    return p ? productName(p, w.lang) : value;
  }
  if (typeof value === 'string' && spec?.catalogue === 'pesticides') return w.pesticides.find((p) => p.code === value)?.name ?? value;
  if (typeof value === 'string' && spec?.options?.includes(value)) return optionLabel(w.t, spec, value);
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

const num = (d: Record<string, unknown>, k: string) => (typeof d[k] === 'number' ? (d[k] as number) : undefined);
const str = (d: Record<string, unknown>, k: string) => (typeof d[k] === 'string' && d[k] !== '' ? (d[k] as string) : undefined);

/** One line for the timeline: what, how much, with which unit. */
export function summarise(w: Words, type: ActivityType, details: Record<string, unknown>): string {
  const { t } = w;
  const v = (path: string) => describeValue(w, type, path, details[path]);
  const parts: Array<string | undefined> = [];
  const labelled = (path: string) => (details[path] === undefined ? undefined : `${pathLabel(w, type, path).toLocaleLowerCase(w.lang)} ${v(path)}`);
  switch (type) {
    case 'land_preparation':
      parts.push(v('operation'), details.mechanised === true ? t('diary.summary.mechanised') : undefined);
      break;
    case 'sowing':
      parts.push(v('method'), v('seedRateKgPerHa'), str(details, 'variety'));
      break;
    case 'fertiliser': {
      const custom = details.customProduct as { name?: string } | undefined;
      const amount = num(details, 'amount');
      parts.push(
        custom?.name ?? v('productCode'),
        amount === undefined ? undefined : `${w.fmt.number(amount, { max: 2 })} ${describeValue(w, type, 'amountUnit', details.amountUnit)}`,
        str(details, 'growthStage'),
      );
      break;
    }
    case 'pesticide': {
      const unit = str(details, 'doseUnit');
      const dose = num(details, 'dose');
      const phi = num(details, 'phiDays');
      parts.push(
        str(details, 'productName') ?? v('productCode'),
        dose === undefined ? undefined : `${w.fmt.number(dose, { max: 3 })} ${unit ? describeValue(w, type, 'doseUnit', unit) : ''}`.trim(),
        phi === undefined ? undefined : t('diary.summary.phi', { days: phi }),
      );
      break;
    }
    case 'irrigation':
      parts.push(details.waterDepthCm === undefined ? undefined : t('diary.summary.depth', { cm: w.fmt.number(num(details, 'waterDepthCm') ?? 0, { max: 1 }) }), details.source ? v('source') : undefined, labelled('durationHours'));
      break;
    case 'drainage':
      parts.push(details.purpose ? v('purpose') : undefined);
      break;
    case 'water_level': {
      const level = num(details, 'levelCm');
      parts.push(
        t('diary.summary.tube', { id: str(details, 'tubeId') ?? '?' }),
        level === undefined ? undefined : t(level < 0 ? 'diary.summary.below' : 'diary.summary.above', { cm: w.fmt.number(Math.abs(level), { max: 1 }) }),
      );
      break;
    }
    case 'straw': {
      parts.push(v('residueOf'), details.dryMatterTPerHa === undefined ? undefined : v('dryMatterTPerHa'));
      for (const k of ['incorporatedFraction', 'burntFraction', 'removedFraction', 'leftOnSurfaceFraction']) if ((num(details, k) ?? 0) > 0) parts.push(labelled(k));
      break;
    }
    case 'mechanised_operation':
      parts.push(v('operation'), str(details, 'machine'), labelled('fuelLitres'), labelled('workedAreaHa'));
      break;
    case 'harvest':
      parts.push(details.yieldKgPerHa !== undefined ? v('yieldKgPerHa') : labelled('totalKg'), labelled('moisturePct'), details.method ? v('method') : undefined);
      break;
    case 'post_harvest_loss':
      parts.push(v('stage'), details.lossPct !== undefined ? v('lossPct') : v('lossKg'));
      break;
  }
  return parts.filter((p): p is string => Boolean(p) && p !== '—').join(' · ');
}
