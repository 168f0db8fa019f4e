/**
 * The "add activity" forms as data: for each activity type, its fields with their units, ranges and
 * choices (mirroring the contract's schemas in packages/contracts/src/diary.ts, which the server
 * enforces), how typed text becomes the `details` the API takes, and how stored details become the
 * form again for editing. Pure (activity-form.test.ts): the page only renders what this says.
 *
 * Numbers are typed as text and read with the person's language (i18n/format.ts: "2,5" and "2.5");
 * shares are typed in % and sent as fractions, as the calculator does.
 */
import type { ActivityType, FertiliserProduct, PesticideProduct } from './types.ts';

/** `radio`: a choice of two or three shown as big buttons side by side (quicker than a list on a phone). */
export type FieldKind = 'select' | 'radio' | 'number' | 'text' | 'textarea' | 'checkbox';
export type UnitKey = 'kgPerHa' | 'kg' | 'cm' | 'pct' | 'tPerHa' | 'litre' | 'ha' | 'hour' | 'day';
export type FormValues = Record<string, string | boolean>;

export interface FieldSpec {
  /** The details key, or a form-only key starting with "_" that the type's build step reads. */
  key: string;
  kind: FieldKind;
  /** The label's message key suffix (diary.field.<label>); defaults to the key. */
  label?: string;
  required?: boolean;
  /** select: the contract's enum values (labels: diary.opt.<optionsOf>.<value>). */
  options?: readonly string[];
  /** Whose option labels these are (defaults to the key). */
  optionsOf?: string;
  /** select filled from a catalogue instead of `options`. */
  catalogue?: 'fertilisers' | 'pesticides';
  min?: number;
  max?: number;
  /** The contract says positive: 0 is refused. */
  positive?: boolean;
  integer?: boolean;
  unit?: UnitKey;
  /** Typed in %, sent as a fraction. */
  percent?: boolean;
  maxLength?: number;
  /** A hint under the field (diary.hint.<hint>). */
  hint?: string;
  /** Shown (and read) only when true. */
  when?: (values: FormValues) => boolean;
}

export const CUSTOM_PRODUCT = '_custom';
/** The error key of the straw shares' total (burnt + incorporated + removed + left = 100 %). */
export const STRAW_SUM = '_strawSum';
export const STRAW_SHARES = ['burntFraction', 'incorporatedFraction', 'removedFraction', 'leftOnSurfaceFraction'] as const;
export const MANUAL_PESTICIDE = '_manual';

const notes: FieldSpec = { key: 'notes', kind: 'textarea', maxLength: 1000 };

export const LAND_OPERATIONS = ['ploughing', 'harrowing', 'rotavating', 'puddling', 'levelling', 'laser_levelling', 'other'] as const;
export const SOWING_METHODS = ['direct_seeding_drum', 'direct_seeding_broadcast', 'direct_seeding_machine', 'direct_seeding_drone', 'transplanting_manual', 'transplanting_machine'] as const;
export const MECH_OPERATIONS = [
  'ploughing', 'harrowing', 'levelling', 'seeding', 'transplanting', 'spraying', 'drone_spraying', 'fertiliser_spreading', 'harvesting', 'straw_baling', 'drying', 'transport', 'other',
] as const;

const isCustom = (v: FormValues) => v.productCode === CUSTOM_PRODUCT;
const isManual = (v: FormValues) => v.productCode === MANUAL_PESTICIDE;

/** The fields of each type, in the order a person fills them in the field. */
export const ACTIVITY_FIELDS: Record<ActivityType, readonly FieldSpec[]> = {
  land_preparation: [
    { key: 'operation', kind: 'select', required: true, options: LAND_OPERATIONS, label: 'landOperation' },
    { key: 'mechanised', kind: 'checkbox' },
    notes,
  ],
  sowing: [
    { key: 'method', kind: 'select', required: true, options: SOWING_METHODS, optionsOf: 'sowingMethod', label: 'sowingMethod' },
    { key: 'seedRateKgPerHa', kind: 'number', required: true, positive: true, max: 400, unit: 'kgPerHa', hint: 'seedRate' },
    { key: 'variety', kind: 'text', maxLength: 80 },
    { key: 'seedSource', kind: 'select', options: ['certified', 'purchased_uncertified', 'saved'] },
    { key: 'seedLot', kind: 'text', maxLength: 80 },
    notes,
  ],
  fertiliser: [
    { key: 'productCode', kind: 'select', required: true, catalogue: 'fertilisers', label: 'fertiliserProduct' },
    { key: '_customName', kind: 'text', required: true, maxLength: 120, when: isCustom, label: 'customName' },
    { key: '_customN', kind: 'number', required: true, min: 0, max: 100, unit: 'pct', when: isCustom, label: 'customN' },
    { key: '_customP', kind: 'number', min: 0, max: 100, unit: 'pct', when: isCustom, label: 'customP' },
    { key: '_customK', kind: 'number', min: 0, max: 100, unit: 'pct', when: isCustom, label: 'customK' },
    { key: '_customUrea', kind: 'checkbox', when: isCustom, label: 'customUrea' },
    { key: 'amount', kind: 'number', required: true, positive: true, max: 1_000_000, label: 'fertiliserAmount' },
    { key: 'amountUnit', kind: 'radio', required: true, options: ['kg_per_ha', 'kg_per_plot'] },
    { key: 'method', kind: 'select', options: ['broadcast', 'deep_placement', 'band', 'foliar', 'fertigation'], optionsOf: 'fertiliserMethod', label: 'fertiliserMethod' },
    { key: 'growthStage', kind: 'text', maxLength: 60, hint: 'growthStage' },
    notes,
  ],
  pesticide: [
    { key: 'productCode', kind: 'select', required: true, catalogue: 'pesticides', label: 'pesticideProduct' },
    { key: '_productName', kind: 'text', required: true, maxLength: 120, when: isManual, label: 'productName' },
    { key: '_ingredients', kind: 'text', required: true, maxLength: 600, when: isManual, label: 'activeIngredients', hint: 'activeIngredients' },
    { key: 'dose', kind: 'number', required: true, positive: true, max: 100_000 },
    { key: 'doseUnit', kind: 'select', required: true, options: ['l_per_ha', 'ml_per_ha', 'kg_per_ha', 'g_per_ha', 'ml_per_16l_tank', 'g_per_16l_tank'] },
    { key: 'phiDays', kind: 'number', min: 0, max: 365, integer: true, unit: 'day', hint: 'phiDays' },
    { key: 'target', kind: 'text', maxLength: 120 },
    { key: 'sprayer', kind: 'select', options: ['knapsack', 'motorised', 'drone'] },
    notes,
  ],
  irrigation: [
    { key: 'waterDepthCm', kind: 'number', min: 0, max: 60, unit: 'cm' },
    { key: 'source', kind: 'select', options: ['canal', 'pump', 'rain', 'other'], optionsOf: 'waterSource' },
    { key: 'durationHours', kind: 'number', positive: true, max: 240, unit: 'hour' },
    notes,
  ],
  drainage: [{ key: 'purpose', kind: 'select', options: ['mid_season', 'awd', 'end_of_season', 'other'], hint: 'drainagePurpose' }, notes],
  water_level: [
    { key: 'tubeId', kind: 'text', required: true, maxLength: 40 },
    // Phone number pads often have no minus key: the side of the surface is chosen, the depth typed.
    { key: '_levelSide', kind: 'radio', required: true, options: ['below', 'above'], label: 'levelSide' },
    { key: '_levelCm', kind: 'number', required: true, min: 0, max: 60, unit: 'cm', label: 'levelCm', hint: 'levelCm' },
    notes,
  ],
  straw: [
    { key: 'residueOf', kind: 'radio', required: true, options: ['previous_crop', 'this_crop'] },
    { key: 'dryMatterTPerHa', kind: 'number', required: true, min: 0, max: 20, unit: 'tPerHa', hint: 'dryMatter' },
    { key: 'burntFraction', kind: 'number', required: true, min: 0, max: 100, unit: 'pct', percent: true },
    { key: 'incorporatedFraction', kind: 'number', required: true, min: 0, max: 100, unit: 'pct', percent: true },
    { key: 'removedFraction', kind: 'number', required: true, min: 0, max: 100, unit: 'pct', percent: true },
    { key: 'leftOnSurfaceFraction', kind: 'number', required: true, min: 0, max: 100, unit: 'pct', percent: true },
    { key: 'incorporationTiming', kind: 'select', options: ['shortly_before_next_crop', 'long_before_next_crop'], hint: 'incorporationTiming' },
    notes,
  ],
  mechanised_operation: [
    { key: 'operation', kind: 'select', required: true, options: MECH_OPERATIONS, optionsOf: 'mechOperation', label: 'mechOperation' },
    { key: 'machine', kind: 'text', maxLength: 120 },
    { key: 'fuelLitres', kind: 'number', min: 0, max: 10_000, unit: 'litre' },
    { key: 'workedAreaHa', kind: 'number', positive: true, max: 10_000, unit: 'ha' },
    { key: 'serviceProvider', kind: 'text', maxLength: 200 },
    notes,
  ],
  harvest: [
    { key: '_yieldMode', kind: 'radio', required: true, options: ['per_ha', 'total'], label: 'yieldMode' },
    { key: '_yield', kind: 'number', required: true, positive: true, max: 20_000, unit: 'kgPerHa', when: (v) => v._yieldMode !== 'total', label: 'yieldKgPerHa' },
    { key: '_total', kind: 'number', required: true, positive: true, max: 10_000_000, unit: 'kg', when: (v) => v._yieldMode === 'total', label: 'totalKg' },
    { key: 'moisturePct', kind: 'number', min: 5, max: 40, unit: 'pct' },
    { key: 'method', kind: 'select', options: ['combine', 'manual'], optionsOf: 'harvestMethod', label: 'harvestMethod' },
    { key: 'lotCode', kind: 'text', maxLength: 80 },
    { key: 'buyer', kind: 'text', maxLength: 200 },
    notes,
  ],
  post_harvest_loss: [
    { key: 'stage', kind: 'select', required: true, options: ['harvesting', 'threshing', 'drying', 'storage', 'transport', 'milling'], optionsOf: 'lossStage', label: 'lossStage' },
    { key: '_lossMode', kind: 'radio', required: true, options: ['pct', 'kg'], label: 'lossMode' },
    { key: '_lossPct', kind: 'number', required: true, min: 0, max: 100, unit: 'pct', when: (v) => v._lossMode !== 'kg', label: 'lossPct' },
    { key: '_lossKg', kind: 'number', required: true, min: 0, max: 10_000_000, unit: 'kg', when: (v) => v._lossMode === 'kg', label: 'lossKg' },
    notes,
  ],
};

/** The order of the type picker: the season's course in a Mekong rice field. */
export const ACTIVITY_TYPES: readonly ActivityType[] = [
  'land_preparation', 'sowing', 'fertiliser', 'water_level', 'irrigation', 'drainage', 'pesticide', 'mechanised_operation', 'harvest', 'straw', 'post_harvest_loss',
];

export type FieldError =
  | { code: 'required' }
  | { code: 'number' }
  | { code: 'positive' }
  | { code: 'integer' }
  | { code: 'min'; min: number }
  | { code: 'max'; max: number }
  | { code: 'tooLong'; max: number }
  | { code: 'sum100'; sum: number }
  | { code: 'npkOver100' };

export interface FormContext {
  /** Reads typed text as a number in the person's language: undefined when empty, NaN when not a number. */
  parse: (text: string) => number | undefined;
  /** Formats a stored number back for the form. */
  format: (value: number) => string;
  fertilisers: readonly FertiliserProduct[];
  pesticides: readonly PesticideProduct[];
}

export const visibleFields = (type: ActivityType, values: FormValues) => ACTIVITY_FIELDS[type].filter((f) => !f.when || f.when(values));

/** A new form: the units and modes most entries use, nothing a person must notice to undo. */
export function emptyValues(type: ActivityType, hints: { variety?: string | null; tubeId?: string | null } = {}): FormValues {
  const values: FormValues = {};
  for (const f of ACTIVITY_FIELDS[type]) values[f.key] = f.kind === 'checkbox' ? false : '';
  if (type === 'fertiliser') values.amountUnit = 'kg_per_ha';
  if (type === 'pesticide') values.doseUnit = 'l_per_ha';
  if (type === 'sowing' && hints.variety) values.variety = hints.variety;
  if (type === 'water_level') values.tubeId = hints.tubeId ?? 'ONG-1';
  if (type === 'straw') {
    values.residueOf = 'previous_crop';
    for (const k of ['burntFraction', 'incorporatedFraction', 'removedFraction', 'leftOnSurfaceFraction']) values[k] = '0';
  }
  if (type === 'harvest') values._yieldMode = 'per_ha';
  if (type === 'post_harvest_loss') values._lossMode = 'pct';
  return values;
}

const text = (v: string | boolean | undefined) => (typeof v === 'string' ? v.trim() : '');

/** The ingredients as typed: one per line, or separated by "," ";" or "+" (as labels print mixtures). */
export const splitIngredients = (typed: string) =>
  typed
    .split(/[\n;+]|,(?!\d)/)
    .map((s) => s.trim())
    .filter(Boolean);

export type BuildResult = { ok: true; details: Record<string, unknown> } | { ok: false; errors: Record<string, FieldError> };

/** Typed values → the activity's `details`, or the errors to show next to each field. */
export function buildDetails(type: ActivityType, values: FormValues, ctx: FormContext): BuildResult {
  const errors: Record<string, FieldError> = {};
  const read: Record<string, unknown> = {};
  for (const f of visibleFields(type, values)) {
    const raw = values[f.key];
    if (f.kind === 'checkbox') {
      read[f.key] = raw === true;
      continue;
    }
    const typed = text(raw);
    if (typed === '') {
      if (f.required) errors[f.key] = { code: 'required' };
      continue;
    }
    if (f.kind === 'number') {
      const n = ctx.parse(typed);
      if (n === undefined || Number.isNaN(n)) errors[f.key] = { code: 'number' };
      else if (f.positive && n <= 0) errors[f.key] = { code: 'positive' };
      else if (f.min !== undefined && n < f.min) errors[f.key] = { code: 'min', min: f.min };
      else if (f.max !== undefined && n > f.max) errors[f.key] = { code: 'max', max: f.max };
      else if (f.integer && !Number.isInteger(n)) errors[f.key] = { code: 'integer' };
      else read[f.key] = n;
      continue;
    }
    if (f.maxLength !== undefined && typed.length > f.maxLength) {
      errors[f.key] = { code: 'tooLong', max: f.maxLength };
      continue;
    }
    read[f.key] = typed;
  }

  const details: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(read)) if (!k.startsWith('_')) details[k] = v;
  const num = (k: string) => (typeof read[k] === 'number' ? (read[k] as number) : undefined);

  switch (type) {
    case 'land_preparation':
    case 'mechanised_operation':
      break;
    case 'fertiliser': {
      if (isCustom(values)) {
        delete details.productCode;
        const [n, p, k] = [num('_customN'), num('_customP') ?? 0, num('_customK') ?? 0];
        if (n !== undefined && n + p + k > 100) errors._customN = { code: 'npkOver100' };
        details.customProduct = {
          name: read._customName,
          nFraction: (n ?? 0) / 100,
          ...(p ? { p2o5Fraction: p / 100 } : {}),
          ...(k ? { k2oFraction: k / 100 } : {}),
          ...(read._customUrea === true ? { isUrea: true } : {}),
        };
      }
      const amount = num('amount');
      if (amount !== undefined && values.amountUnit === 'kg_per_ha' && amount > 50_000) errors.amount = { code: 'max', max: 50_000 };
      break;
    }
    case 'pesticide': {
      if (isManual(values)) {
        delete details.productCode;
        details.productName = read._productName;
        const names = splitIngredients(text(values._ingredients));
        if (names.length > 6) errors._ingredients = { code: 'max', max: 6 };
        else if (names.some((nm) => nm.length < 2)) errors._ingredients = { code: 'required' };
        details.activeIngredients = names.map((name) => ({ name }));
        if (details.phiDays === undefined && !errors.phiDays) errors.phiDays = { code: 'required' };
      } else {
        // Written as the server stores a catalogue product (name, ingredients, PHI filled in), so a
        // later comparison with the server's version shows only what the person changed.
        const product = ctx.pesticides.find((p) => p.code === details.productCode);
        if (product) {
          details.productName = product.name;
          details.activeIngredients = product.activeIngredients;
          details.phiDays ??= product.defaultPhiDays;
        }
      }
      break;
    }
    case 'straw': {
      const keys = STRAW_SHARES;
      const parts = keys.map(num);
      if (parts.every((p) => p !== undefined)) {
        const sum = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
        // Shown under the four shares (STRAW_SUM), not on one of them: any of them may be the wrong one.
        if (Math.abs(sum - 100) > 0.1) errors[STRAW_SUM] = { code: 'sum100', sum };
      }
      for (const k of keys) if (num(k) !== undefined) details[k] = Math.round((num(k) ?? 0) * 1000) / 100_000;
      break;
    }
    case 'water_level': {
      const depth = num('_levelCm');
      if (depth !== undefined) details.levelCm = values._levelSide === 'above' ? depth : depth === 0 ? 0 : -depth;
      break;
    }
    case 'harvest':
      if (values._yieldMode === 'total') details.totalKg = num('_total');
      else details.yieldKgPerHa = num('_yield');
      break;
    case 'post_harvest_loss':
      if (values._lossMode === 'kg') details.lossKg = num('_lossKg');
      else details.lossPct = num('_lossPct');
      break;
    default:
      break;
  }
  for (const [k, v] of Object.entries(details)) if (v === undefined) delete details[k];
  if (type === 'land_preparation' && details.mechanised === false) delete details.mechanised;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, details };
}

/** Stored details → the form, for editing. */
export function valuesFromDetails(type: ActivityType, details: Record<string, unknown>, ctx: Pick<FormContext, 'format'>): FormValues {
  const values = emptyValues(type);
  const put = (key: string, v: unknown, percent = false) => {
    if (typeof v === 'number') values[key] = ctx.format(percent ? Math.round(v * 100_000) / 1000 : v);
    else if (typeof v === 'string') values[key] = v;
    else if (typeof v === 'boolean') values[key] = v;
  };
  for (const f of ACTIVITY_FIELDS[type]) if (!f.key.startsWith('_')) put(f.key, details[f.key], f.percent);
  if (type === 'fertiliser' && typeof details.customProduct === 'object' && details.customProduct !== null) {
    const c = details.customProduct as { name?: string; nFraction?: number; p2o5Fraction?: number; k2oFraction?: number; isUrea?: boolean };
    values.productCode = CUSTOM_PRODUCT;
    put('_customName', c.name);
    put('_customN', c.nFraction, true);
    put('_customP', c.p2o5Fraction, true);
    put('_customK', c.k2oFraction, true);
    values._customUrea = c.isUrea === true;
  }
  if (type === 'pesticide' && !details.productCode) {
    values.productCode = MANUAL_PESTICIDE;
    put('_productName', details.productName);
    const list = Array.isArray(details.activeIngredients) ? (details.activeIngredients as Array<{ name?: unknown }>) : [];
    values._ingredients = list.map((i) => (typeof i.name === 'string' ? i.name : '')).filter(Boolean).join('; ');
  }
  if (type === 'water_level' && typeof details.levelCm === 'number') {
    values._levelSide = details.levelCm < 0 ? 'below' : 'above';
    put('_levelCm', Math.abs(details.levelCm));
  }
  if (type === 'harvest') {
    values._yieldMode = details.totalKg !== undefined ? 'total' : 'per_ha';
    put('_yield', details.yieldKgPerHa);
    put('_total', details.totalKg);
  }
  if (type === 'post_harvest_loss') {
    values._lossMode = details.lossKg !== undefined ? 'kg' : 'pct';
    put('_lossPct', details.lossPct);
    put('_lossKg', details.lossKg);
  }
  return values;
}

/** Every select's enum values with the message-key group of their labels (for the catalogue test). */
export function optionGroups(): Array<{ group: string; values: readonly string[] }> {
  const out: Array<{ group: string; values: readonly string[] }> = [];
  for (const fields of Object.values(ACTIVITY_FIELDS)) for (const f of fields) if (f.options) out.push({ group: f.optionsOf ?? f.key.replace(/^_/, ''), values: f.options });
  return out;
}
