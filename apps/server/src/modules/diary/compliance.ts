/**
 * Compliance rules on the diary (capability 9), as pure functions: the pre-harvest interval, vegetable
 * crop rotation, photo evidence (distance and time) and the records a growing area needs each season.
 * Banned pesticides are in compliance-pesticides.ts. Each finding becomes a compliance flag for the
 * reviewer (compliance.repository.ts); none of them silently changes a record.
 */
import { addDays, daysBetween, maxDate, vietnamDateOf } from './calendar.ts';

// ------------------------------------------------------------------ pre-harvest interval (PHI)

export interface SprayRecord {
  activityId: string;
  sprayedOn: string;
  phiDays: number;
  productName: string;
}
export interface HarvestRecord {
  activityId: string;
  harvestedOn: string;
  lotCode: string | null;
}
export interface PhiViolation {
  harvestActivityId: string;
  sprayActivityId: string;
  productName: string;
  sprayedOn: string;
  phiDays: number;
  earliestHarvestOn: string;
  harvestedOn: string;
  daysShort: number;
  lotCode: string | null;
}

/**
 * The PHI is "the minimum period from the last application of a pesticide to harvest" (Law on Plant
 * Protection and Quarantine 41/2013/QH13, Art. 3; vn-standards.md §4.4): a harvest on or after
 * spray date + PHI is allowed; one before it is a violation. Sprays after the harvest do not apply to it.
 */
export function checkPreHarvestIntervals(sprays: readonly SprayRecord[], harvests: readonly HarvestRecord[]): PhiViolation[] {
  const violations: PhiViolation[] = [];
  for (const harvest of harvests) {
    for (const spray of sprays) {
      if (spray.sprayedOn > harvest.harvestedOn) continue;
      const earliestHarvestOn = addDays(spray.sprayedOn, spray.phiDays);
      if (harvest.harvestedOn < earliestHarvestOn) {
        violations.push({
          harvestActivityId: harvest.activityId, sprayActivityId: spray.activityId, productName: spray.productName, sprayedOn: spray.sprayedOn,
          phiDays: spray.phiDays, earliestHarvestOn, harvestedOn: harvest.harvestedOn, daysShort: daysBetween(harvest.harvestedOn, earliestHarvestOn), lotCode: harvest.lotCode,
        });
      }
    }
  }
  return violations;
}

/** vn-standards.md §4.4 app rule: the earliest allowed harvest = max over applications of (date + PHI). */
export const earliestHarvestOn = (sprays: readonly SprayRecord[]) => maxDate(sprays.map((s) => addDays(s.sprayedOn, s.phiDays)));

// ------------------------------------------------------------------ vegetable crop rotation

export interface RotationSeason {
  seasonId: string;
  cropCode: string;
  cropKind: string;
  family: string;
}
export interface RotationFinding {
  previousSeasonId: string;
  previousCropCode: string;
  family: string;
}

/**
 * Capability 9 (product.md): "vegetable crop rotation rules (no same family twice running)". Only
 * vegetable crops are checked: rice after rice is the Mekong's normal double or triple cropping.
 */
export function checkRotation(previous: RotationSeason | null, current: RotationSeason): RotationFinding | null {
  if (!previous || previous.cropKind !== 'vegetable' || current.cropKind !== 'vegetable') return null;
  if (previous.family !== current.family) return null;
  return { previousSeasonId: previous.seasonId, previousCropCode: previous.cropCode, family: current.family };
}

// ------------------------------------------------------------------ photo evidence

/**
 * A photo is evidence for its record only if it was taken there and then. Thresholds:
 * - more than 200 m from the plot boundary (PostGIS distance, 0 inside): phone GPS is good to 5–50 m
 *   in open fields, so 200 m is well beyond error but still catches a photo taken at home or in the
 *   next hamlet;
 * - captured more than 3 days before or after the activity date (Vietnam local date): diaries are
 *   often written up a day or two later, weeks-late evidence is what makes AWD records unverifiable
 *   (peers.md §4.12, "water-level readings collected weeks late, impossible to verify");
 * - no GPS position at all: flagged too, since nothing ties the photo to the plot.
 */
export const PHOTO_RULES = { maxDistanceM: 200, maxDaysFromActivity: 3 } as const;
export type PhotoFlagKind = 'photo_far' | 'photo_stale' | 'photo_unlocated';

export function assessPhoto(photo: { capturedAt: Date; distanceToPlotM: number | null; activityOn: string }) {
  const capturedOn = vietnamDateOf(photo.capturedAt);
  const daysFromActivity = daysBetween(photo.activityOn, capturedOn);
  const flags: PhotoFlagKind[] = [];
  if (photo.distanceToPlotM === null) flags.push('photo_unlocated');
  else if (photo.distanceToPlotM > PHOTO_RULES.maxDistanceM) flags.push('photo_far');
  if (Math.abs(daysFromActivity) > PHOTO_RULES.maxDaysFromActivity) flags.push('photo_stale');
  return { flags, capturedOn, daysFromActivity };
}

// ------------------------------------------------------------------ required records per season

export interface SeasonRecordFacts {
  cropCode: string;
  variety: string | null;
  areaHa: number | null;
  standard: string | null;
  expectedYieldKgPerHa: number | null;
  plannedEndOn: string | null;
  expectedMarket: string | null;
  status: string;
  /** Live (not deleted) activities per type. */
  activityCounts: Readonly<Record<string, number>>;
  /** Harvest records that give a quantity. */
  harvestsWithOutput: number;
  openPhiViolations: number;
}
export interface RequiredRecordResult {
  key: string;
  basis: string;
  present: boolean;
  detail: string;
}

const S12 = 'vn-standards.md §1.2 (Decision 3156/QĐ-BNN-TT, Appendix 2: updated every season)';
const VIETGAP = (group: number, name: string) => `vn-standards.md §3.1 (TCVN 11892-1:2017 VietGAP) group ${group}: ${name}`;

/**
 * The records a growing area must hold for each season: the traceability information of Decision
 * 3156/QĐ-BNN-TT Appendix 2 (crop, variety, area, applied standard or process, expected output,
 * expected harvest time, expected market at the start of the season, actual output at the end), and
 * the VietGAP diary groups an inspector asks for (seed, fertiliser, plant protection with PHI respected,
 * harvest). Actual output is due only once the season is harvested or closed.
 */
export function assessSeasonRecords(s: SeasonRecordFacts): RequiredRecordResult[] {
  const count = (type: string) => s.activityCounts[type] ?? 0;
  const ended = s.status === 'harvested' || s.status === 'closed';
  const item = (key: string, basis: string, present: boolean, detail: string): RequiredRecordResult => ({ key, basis, present, detail });
  return [
    item('crop', S12, Boolean(s.cropCode), s.cropCode ? `crop ${s.cropCode}` : 'no crop'),
    item('variety', S12, Boolean(s.variety), s.variety ? `variety ${s.variety}` : 'the season has no variety'),
    item('area', S12, s.areaHa !== null && s.areaHa > 0, s.areaHa ? `${s.areaHa} ha` : 'no area'),
    item('standard', S12, Boolean(s.standard), s.standard ? `standard ${s.standard}` : 'the applied standard or process is not given'),
    item('expected_output', S12, s.expectedYieldKgPerHa !== null, s.expectedYieldKgPerHa !== null ? `${s.expectedYieldKgPerHa} kg/ha expected` : 'the expected output is not given'),
    item('expected_harvest_time', S12, Boolean(s.plannedEndOn), s.plannedEndOn ? `harvest expected on ${s.plannedEndOn}` : 'the expected harvest date is not given'),
    item('expected_market', S12, Boolean(s.expectedMarket), s.expectedMarket ? `market: ${s.expectedMarket}` : 'the expected market is not given'),
    item('actual_output', S12, s.harvestsWithOutput > 0, s.harvestsWithOutput > 0 ? `${s.harvestsWithOutput} harvest record(s) with the quantity` : ended ? 'the season ended without a harvest quantity' : 'due at harvest'),
    item('seed_record', VIETGAP(4, 'seeds'), count('sowing') > 0, count('sowing') > 0 ? `${count('sowing')} sowing/transplanting record(s)` : 'no sowing or transplanting record'),
    item('fertiliser_records', VIETGAP(5, 'fertilisers'), count('fertiliser') > 0, count('fertiliser') > 0 ? `${count('fertiliser')} fertiliser record(s)` : 'no fertiliser record'),
    item('pesticide_phi_respected', VIETGAP(6, 'plant protection, PHI respected'), s.openPhiViolations === 0, s.openPhiViolations === 0 ? `${count('pesticide')} pesticide record(s), no harvest inside a PHI` : `${s.openPhiViolations} harvest(s) inside a pre-harvest interval`),
    item('harvest_record', VIETGAP(7, 'harvest'), count('harvest') > 0, count('harvest') > 0 ? `${count('harvest')} harvest record(s)` : ended ? 'the season ended without a harvest record' : 'due at harvest'),
  ];
}
