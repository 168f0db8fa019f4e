/** Engine errors and warnings in the person's language, labelled with the field they concern. */
import type { InvalidInputDocument } from '@dongxanh/methodology';
import type { MessageKey, Translate } from '../i18n/index.tsx';
import { isPercentField, parseEngineRule, type FieldId } from './model.ts';

const LABEL_BY_NAME: Record<string, MessageKey> = {
  areaHa: 'calc.area',
  gwpSet: 'calc.gwp',
  includeIndirect: 'calc.indirect',
  crop: 'calc.crop',
  cultivationDays: 'calc.days',
  waterRegime: 'calc.waterRegime',
  preSeason: 'calc.preSeason',
  strawTPerHa: 'calc.strawT',
  burnedPercent: 'calc.burnedPercent',
  kgPerHa: 'calc.fertKg',
  nPercent: 'calc.fertN',
  limestoneKgPerHa: 'calc.limestone',
  dolomiteKgPerHa: 'calc.dolomite',
  yieldKgPerHa: 'calc.yield',
};

export function fieldLabel(field: FieldId, t: Translate): string {
  const name = field.split('.').pop() ?? field;
  const key = LABEL_BY_NAME[name];
  return key ? t(key) : field;
}

/** "baseline.area_ha must be >= 0 (got -1.0)" → "Diện tích (ha) phải ≥ 0". */
export function engineErrorText(error: InvalidInputDocument, field: FieldId | null, t: Translate): string {
  const label = field ? fieldLabel(field, t) : error.field;
  const rule = parseEngineRule(error.field, error.message);
  if (field && isPercentField(field) && (rule.kind === 'gte' || rule.kind === 'lte' || rule.kind === 'gt')) {
    return t('err.percent', { field: label });
  }
  switch (rule.kind) {
    case 'gte':
      return t('err.gte', { field: label, n: rule.bound });
    case 'gt':
      return t('err.gt', { field: label, n: rule.bound });
    case 'lte':
      return t('err.lte', { field: label, n: rule.bound });
    case 'number':
      return t('err.number', { field: label });
    case 'oneOf':
      return t('err.oneOf', { field: label });
    case 'other':
      return rule.text;
  }
}

/** Known engine warnings translated; anything else is shown as the engine wrote it. */
export function warningText(warning: string, t: Translate): string {
  const long = /^(baseline|project): cultivation period of (\d+(?:\.\d+)?) days is unusually long$/.exec(warning);
  if (long) {
    return t('calc.warnLongSeason', { side: t(long[1] === 'baseline' ? 'calc.baseline' : 'calc.project'), days: Number(long[2]) });
  }
  return warning;
}
