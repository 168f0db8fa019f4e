/**
 * One season's row for the dashboards, from its derived diary facts (modules/diary/season-facts.ts)
 * and its own activities. Pure. What the indicators of the plans need, and nothing else: the
 * practices (water regime, AWD, straw fate, mechanisation), the inputs per hectare, yield and losses.
 * Emissions are added by an emission source (emission-sources.ts).
 *
 * Definitions, where the diary leaves room:
 * - straw: only this season's own straw records count (a record is one lot of straw and its fate);
 *   facts.strawIncorporatedTPerHa also counts the previous season's straw as this season's organic
 *   amendment, which is right for CH4 but would count the same straw twice across seasons here;
 * - straw practice, for the emission database's "technique": burnt if any is burnt (what the
 *   inventory's 3.C.1 needs to see), else the largest of removed, incorporated, left on the surface;
 * - synchronous mechanisation: land preparation, sowing/transplanting and harvest all by machine.
 *   A hand-pulled drum seeder is a tool, not a machine, and does not count;
 * - biological pesticides (Bacillus, Trichoderma, Beauveria, Metarhizium: living organisms, the
 *   "biện pháp sinh học" the plans encourage) are not chemical sprays.
 */
import type { SeasonFacts, TypedActivityDetails } from '@dongxanh/contracts';

type Activity = TypedActivityDetails & { id: string; occurredOn: string };

export interface SummarySeason {
  id: string;
  provinceCode: string;
  communeCode: string;
  plotId: string;
  organisationId: string | null;
  householdId: string | null;
  cropCode: string;
  cropKind: string;
  seasonName: string;
  year: number;
  areaHa: number;
  status: string;
  standard: string | null;
}

export type StrawPractice = 'burnt' | 'removed' | 'incorporated' | 'left' | 'none';

export interface SeasonSummaryValues {
  activityCount: number;
  waterRegime: string | null;
  awd: boolean;
  lowEmission: boolean;
  sustainable: boolean;
  seedRateKgPerHa: number | null;
  nSyntheticKgPerHa: number;
  nOrganicKgPerHa: number;
  ureaKgPerHa: number;
  limestoneKgPerHa: number;
  dolomiteKgPerHa: number;
  strawDmPerHaT: number;
  strawRemovedPerHaT: number;
  strawBurntPerHaT: number;
  strawIncorporatedPerHaT: number;
  strawPractice: StrawPractice;
  yieldKgPerHa: number | null;
  postHarvestLossPct: number | null;
  mechanisedSynchronous: boolean;
  mechanisedOperations: number;
  pesticideApplications: number;
  cultivationDays: number | null;
}

const CERTIFIED_STANDARDS = new Set(['vietgap', 'globalgap', 'organic']);
const MACHINE_SOWING = new Set(['transplanting_machine', 'direct_seeding_machine', 'direct_seeding_drone']);
const MACHINE_PREPARATION_OPS = new Set(['ploughing', 'harrowing', 'levelling']);
const MACHINE_SOWING_OPS = new Set(['seeding', 'transplanting']);
const BIOLOGICAL_INGREDIENTS = /bacillus|trichoderma|beauveria|metarhizium/i;

function ofType<T extends Activity['type']>(list: readonly Activity[], type: T) {
  return list.filter((a): a is Extract<Activity, { type: T }> => a.type === type);
}

const strawDm = (d: Extract<TypedActivityDetails, { type: 'straw' }>['details']) => d.dryMatterTPerHa ?? (d.freshMassTPerHa ?? 0) * (d.dryMatterFraction ?? 0);

export function strawPracticeOf(t: { burnt: number; removed: number; incorporated: number; left: number; records: number }): StrawPractice {
  if (t.records === 0) return 'none';
  if (t.burnt > 0) return 'burnt';
  const ranked = ([['removed', t.removed], ['incorporated', t.incorporated], ['left', t.left]] as const).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
  return ranked[0]?.[0] ?? 'none';
}

export function summariseSeason(season: SummarySeason, facts: SeasonFacts, activities: readonly Activity[]): SeasonSummaryValues {
  const isRice = season.cropKind === 'rice';
  const regime = isRice ? facts.waterRegime.value : null;
  const drained = regime === 'single_drainage' || regime === 'multiple_drainage';

  const straw = ofType(activities, 'straw');
  const fate = { burnt: 0, removed: 0, incorporated: 0, left: 0, dm: 0, records: straw.length };
  for (const s of straw) {
    const dm = strawDm(s.details);
    fate.dm += dm;
    fate.burnt += dm * s.details.burntFraction;
    fate.removed += dm * s.details.removedFraction;
    fate.incorporated += dm * s.details.incorporatedFraction;
    fate.left += dm * s.details.leftOnSurfaceFraction;
  }
  const strawPractice = strawPracticeOf(fate);

  const standard = season.standard ?? '';
  const lowEmission = isRice ? drained || standard === 'low_emission_rice' : CERTIFIED_STANDARDS.has(standard) && fate.burnt === 0;
  const sustainable = lowEmission || CERTIFIED_STANDARDS.has(standard);

  const mechanisedOps = ofType(activities, 'mechanised_operation');
  const preparationByMachine = ofType(activities, 'land_preparation').some((a) => a.details.mechanised === true) || mechanisedOps.some((a) => MACHINE_PREPARATION_OPS.has(a.details.operation));
  const sowingByMachine = ofType(activities, 'sowing').some((a) => MACHINE_SOWING.has(a.details.method)) || mechanisedOps.some((a) => MACHINE_SOWING_OPS.has(a.details.operation));
  const harvestByMachine = ofType(activities, 'harvest').some((a) => a.details.method === 'combine') || mechanisedOps.some((a) => a.details.operation === 'harvesting');

  const chemicalSprays = ofType(activities, 'pesticide').filter((a) => {
    const names = [a.details.productName ?? '', ...(a.details.activeIngredients ?? []).map((i) => i.name)].join(' ');
    return !BIOLOGICAL_INGREDIENTS.test(names);
  });

  return {
    activityCount: activities.length,
    waterRegime: regime,
    awd: isRice && facts.waterRegime.awd,
    lowEmission,
    sustainable,
    seedRateKgPerHa: facts.seedRateKgPerHa.value,
    nSyntheticKgPerHa: facts.nSyntheticKgPerHa.value ?? 0,
    nOrganicKgPerHa: facts.nOrganicKgPerHa.value ?? 0,
    ureaKgPerHa: facts.ureaKgPerHa.value ?? 0,
    limestoneKgPerHa: facts.limestoneKgPerHa.value ?? 0,
    dolomiteKgPerHa: facts.dolomiteKgPerHa.value ?? 0,
    strawDmPerHaT: fate.dm,
    strawRemovedPerHaT: fate.removed,
    strawBurntPerHaT: fate.burnt,
    strawIncorporatedPerHaT: fate.incorporated,
    strawPractice,
    yieldKgPerHa: facts.yieldKgPerHa.value,
    postHarvestLossPct: facts.postHarvestLossPct.value,
    mechanisedSynchronous: preparationByMachine && sowingByMachine && harvestByMachine,
    mechanisedOperations: facts.mechanisedOperations.value ?? 0,
    pesticideApplications: chemicalSprays.length,
    cultivationDays: facts.cultivationDays.value,
  };
}
