/**
 * Words for the diary's codes (activity types, choices, units, season names), looked up in the
 * message catalogues under `diary.*`. The keys are built from the contract's enum values; the
 * catalogue test (activity-form.test.ts) checks that every one exists in both languages.
 */
import type { Lang, MessageKey, Translate } from '../i18n/index.tsx';
import type { FieldSpec, UnitKey } from './activity-form.ts';
import type { ActivityType, ComplianceFlagKind, Crop, FertiliserProduct, SeasonName, SeasonStatus } from './types.ts';

const key = (k: string) => k as MessageKey;

export const typeLabel = (t: Translate, type: ActivityType) => t(`diary.type.${type}`);
export const fieldLabel = (t: Translate, spec: Pick<FieldSpec, 'key' | 'label'>) => t(key(`diary.field.${spec.label ?? spec.key}`));
export const optionLabel = (t: Translate, spec: Pick<FieldSpec, 'key' | 'optionsOf'>, value: string) => t(key(`diary.opt.${spec.optionsOf ?? spec.key.replace(/^_/, '')}.${value}`));
export const unitLabel = (t: Translate, unit: UnitKey) => t(`diary.unit.${unit}`);
export const hintText = (t: Translate, hint: string) => t(key(`diary.hint.${hint}`));
export const seasonNameLabel = (t: Translate, name: SeasonName) => t(`diary.seasonName.${name}`);
export const seasonStatusLabel = (t: Translate, status: SeasonStatus) => t(`diary.seasonStatus.${status}`);
export const flagLabel = (t: Translate, kind: ComplianceFlagKind) => t(`diary.flag.${kind}`);

export const SEASON_NAMES: readonly SeasonName[] = ['dong_xuan', 'he_thu', 'thu_dong', 'xuan_he', 'mua', 'other'];
export const SEASON_STATUSES: readonly SeasonStatus[] = ['planned', 'in_progress', 'harvested', 'closed'];

export const cropName = (crop: Pick<Crop, 'nameVi' | 'nameEn'>, lang: Lang) => (lang === 'vi' ? crop.nameVi : crop.nameEn);
export const productName = (p: Pick<FertiliserProduct, 'nameVi' | 'nameEn'>, lang: Lang) => (lang === 'vi' ? p.nameVi : p.nameEn);
