/**
 * The season's water regime, classified from the diary's AWD field-tube readings and its irrigation
 * and drainage events, for IPCC 2019 Table 5.12 (SFw) and Table 11.1 (EF1FR).
 *
 * Definitions (methodology.md §2.3, quoting Table 5.12 footnote b, VM0051 and AG04.002; §6.6):
 * - continuously flooded: standing water throughout, drained only shortly before maturity / harvest;
 * - single drainage: one drainage and dry period in the season, in addition to the end-of-season drainage;
 * - multiple drainage: more than one, "including alternate wetting and drying (AWD)";
 * - a dry (aeration) period counts only when the field is without standing water for MORE than 3 days,
 *   excluding the end-of-season drainage (AG04.002 via S1; §6.6 "> 3 days without standing water").
 *
 * The rules this classifier adds, where the sources leave room (all in WATER_REGIME_RULES):
 * 1. Standing water: a tube reading ≥ 0 cm is wet, < 0 cm is dry (the tube level is negative below the
 *    surface, §6.6). Several tubes read on one day count as the wettest of them, so a day is dry only
 *    when every tube is below the surface. An irrigation event makes the field wet, a drainage event dry.
 * 2. A dry period starts at the first dry evidence after the field had been wet (dry soil before the
 *    first flooding, e.g. after direct seeding, drains nothing) and ends at the irrigation that re-floods
 *    it, or — when only a wet reading shows it was re-flooded — at the last dry reading. Between two
 *    pieces of evidence the field is assumed to keep the state of the earlier one. Both choices can only
 *    shorten a dry period, never lengthen it: the diary never claims more drainage than it shows.
 * 3. End of season: dry time in the last 15 days before harvest is the end-of-season drainage and does
 *    not count ("drained only shortly before maturity/for harvest"; Mekong practice drains 7–10 days
 *    before harvest, 15 leaves a margin). A dry period running into that window counts only its days
 *    before the window.
 * 4. Missing readings: two consecutive pieces of evidence more than 7 days apart leave a gap, unless the
 *    earlier one is an irrigation or drainage event (a logbook entry fixes the state until the next
 *    record). A gap before the end-of-season window makes the regime unknown: the diary cannot show
 *    what happened in it. Gaps inside the window do not matter.
 * 5. AWD: the regime is multiple drainage; it is also shown as AWD when the tube reached the safe-AWD
 *    depth of −15 cm (§6.6: re-flood when the water falls to 15 cm below the surface) in at least two
 *    counted dry periods.
 * 6. Without a harvest date the planned end is used and the result is marked provisional; without any
 *    end date the end-of-season window cannot be placed and the regime so far is provisional.
 */
import { dayNumber, isoDateOfDay } from './calendar.ts';

export const WATER_REGIME_RULES = {
  /** A dry period counts when it lasts more than this many days. */
  minDryDaysExclusive: 3,
  endOfSeasonWindowDays: 15,
  maxEvidenceGapDays: 7,
  safeAwdDepthCm: -15,
  minAwdCycles: 2,
} as const;

export type WaterEvidenceKind = 'reading' | 'irrigation' | 'drainage';
export interface WaterEvidence {
  activityId: string;
  on: string;
  kind: WaterEvidenceKind;
  /** Readings only: cm, negative below the soil surface. */
  levelCm?: number;
}

export interface WaterRegimeInput {
  evidence: readonly WaterEvidence[];
  /** Sowing or transplanting date; evidence before it belongs to the pre-season. */
  establishedOn: string | null;
  /** Harvest date; evidence after it is ignored. */
  harvestOn: string | null;
  /** True when harvestOn is only the planned date (the result is then provisional). */
  harvestIsPlanned?: boolean;
}

export type ClassifiedRegime = 'continuously_flooded' | 'single_drainage' | 'multiple_drainage' | 'unknown';

export interface DrainagePeriod {
  startOn: string;
  endOn: string;
  days: number;
  countedDays: number;
  counted: boolean;
  why: string;
  minLevelCm: number | null;
  reachedSafeAwdDepth: boolean;
  sourceIds: string[];
}

export interface WaterRegimeResult {
  regime: ClassifiedRegime;
  awd: boolean;
  safeAwdCycles: number;
  provisional: boolean;
  drainagePeriods: DrainagePeriod[];
  endOfSeasonDrainage: { startOn: string; days: number } | null;
  gaps: Array<{ fromOn: string; toOn: string; days: number }>;
  reason: string;
  /** Every piece of evidence the classification read. */
  sourceIds: string[];
}

interface Point {
  day: number;
  kind: WaterEvidenceKind;
  levelCm: number | null;
  sourceIds: string[];
}

interface OpenPeriod {
  startDay: number;
  lastDryDay: number;
  endDay: number;
  runsToHarvest: boolean;
  minLevelCm: number | null;
  sourceIds: string[];
}

const KIND_ORDER: Record<WaterEvidenceKind, number> = { reading: 0, drainage: 1, irrigation: 2 };

/** Readings of one day become one point holding the wettest level (rule 1); events stay separate. */
function toPoints(evidence: readonly WaterEvidence[]): Point[] {
  const readingsByDay = new Map<number, Point>();
  const points: Point[] = [];
  for (const e of evidence) {
    const day = dayNumber(e.on);
    if (e.kind !== 'reading') {
      points.push({ day, kind: e.kind, levelCm: null, sourceIds: [e.activityId] });
      continue;
    }
    const level = e.levelCm ?? 0;
    const existing = readingsByDay.get(day);
    if (existing) {
      existing.levelCm = Math.max(existing.levelCm ?? level, level);
      existing.sourceIds.push(e.activityId);
    } else {
      const point: Point = { day, kind: 'reading', levelCm: level, sourceIds: [e.activityId] };
      readingsByDay.set(day, point);
      points.push(point);
    }
  }
  return points.sort((a, b) => a.day - b.day || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

const isDry = (p: Point) => (p.kind === 'reading' ? (p.levelCm ?? 0) < 0 : p.kind === 'drainage');

export function classifyWaterRegime(input: WaterRegimeInput): WaterRegimeResult {
  const rules = WATER_REGIME_RULES;
  const harvestDay = input.harvestOn ? dayNumber(input.harvestOn) : null;
  const fromDay = input.establishedOn ? dayNumber(input.establishedOn) : Number.NEGATIVE_INFINITY;
  const windowStart = harvestDay === null ? Number.POSITIVE_INFINITY : harvestDay - rules.endOfSeasonWindowDays;
  const provisional = harvestDay === null || input.harvestIsPlanned === true;
  const points = toPoints(input.evidence.filter((e) => {
    const day = dayNumber(e.on);
    return day >= fromDay && (harvestDay === null || day <= harvestDay);
  }));
  const sourceIds = points.flatMap((p) => p.sourceIds);
  const result = (regime: ClassifiedRegime, reason: string, extra: Partial<WaterRegimeResult> = {}): WaterRegimeResult => ({
    regime, awd: false, safeAwdCycles: 0, provisional, drainagePeriods: [], endOfSeasonDrainage: null, gaps: [], reason, sourceIds, ...extra,
  });
  if (points.length === 0) return result('unknown', 'No water-level reading, irrigation or drainage record in the season');

  const closed: OpenPeriod[] = [];
  const gaps: WaterRegimeResult['gaps'] = [];
  let open: OpenPeriod | null = null;
  let everWet = false;
  let fixedByEvent = false;
  let previousDay: number | null = null;
  const noteGap = (fromDay: number, toDay: number) => {
    const end = Math.min(toDay, windowStart);
    if (end - fromDay > rules.maxEvidenceGapDays) gaps.push({ fromOn: isoDateOfDay(fromDay), toOn: isoDateOfDay(toDay), days: toDay - fromDay });
  };

  for (const p of points) {
    if (previousDay !== null && everWet && !fixedByEvent) noteGap(previousDay, p.day);
    if (isDry(p)) {
      if (everWet) {
        open ??= { startDay: p.day, lastDryDay: p.day, endDay: p.day, runsToHarvest: false, minLevelCm: null, sourceIds: [] };
        open.lastDryDay = p.day;
        open.sourceIds.push(...p.sourceIds);
        if (p.levelCm !== null) open.minLevelCm = open.minLevelCm === null ? p.levelCm : Math.min(open.minLevelCm, p.levelCm);
      }
    } else {
      if (open) {
        open.endDay = p.kind === 'irrigation' ? p.day : open.lastDryDay;
        open.sourceIds.push(...p.sourceIds);
        closed.push(open);
        open = null;
      }
      everWet = true;
    }
    fixedByEvent = p.kind !== 'reading';
    previousDay = p.day;
  }
  if (!everWet) return result('unknown', 'No standing water recorded in the season (no irrigation event and no reading of 0 cm or more)');
  if (previousDay !== null && harvestDay !== null && !fixedByEvent) noteGap(previousDay, harvestDay);
  if (open) {
    // Still dry at the end: nothing re-flooded the field before harvest.
    open.endDay = harvestDay ?? open.lastDryDay;
    open.runsToHarvest = harvestDay !== null;
    closed.push(open);
  }

  let endOfSeasonDrainage: WaterRegimeResult['endOfSeasonDrainage'] = null;
  const drainagePeriods: DrainagePeriod[] = closed.map((period) => {
    const days = period.endDay - period.startDay;
    const countedDays = Math.max(0, Math.min(period.endDay, windowStart) - period.startDay);
    if (period.runsToHarvest && harvestDay !== null) {
      const eosStart = Math.max(period.startDay, windowStart);
      endOfSeasonDrainage = { startOn: isoDateOfDay(eosStart), days: harvestDay - eosStart };
    }
    let why: string;
    let counted = false;
    if (period.startDay >= windowStart) why = `Starts in the last ${rules.endOfSeasonWindowDays} days before harvest: end-of-season drainage, not counted`;
    else if (countedDays > rules.minDryDaysExclusive) {
      counted = true;
      why = countedDays < days
        ? `${countedDays} days without standing water before the end-of-season window (the rest is the end-of-season drainage)`
        : `${countedDays} days without standing water (more than ${rules.minDryDaysExclusive})`;
    } else why = `${countedDays} day(s) without standing water: ${rules.minDryDaysExclusive} days or fewer do not count`;
    const reachedSafeAwdDepth = period.minLevelCm !== null && period.minLevelCm <= rules.safeAwdDepthCm;
    return {
      startOn: isoDateOfDay(period.startDay), endOn: isoDateOfDay(period.endDay), days, countedDays, counted, why,
      minLevelCm: period.minLevelCm, reachedSafeAwdDepth, sourceIds: period.sourceIds,
    };
  });

  if (gaps.length) {
    const first = gaps[0]!;
    return result('unknown', `No record for ${first.days} days (${first.fromOn} → ${first.toOn}) and no irrigation or drainage event fixing the water status in between: the regime cannot be shown (readings at most ${rules.maxEvidenceGapDays} days apart are needed)`, {
      drainagePeriods, gaps, endOfSeasonDrainage,
    });
  }
  const counted = drainagePeriods.filter((d) => d.counted);
  const safeAwdCycles = counted.filter((d) => d.reachedSafeAwdDepth).length;
  const regime: ClassifiedRegime = counted.length === 0 ? 'continuously_flooded' : counted.length === 1 ? 'single_drainage' : 'multiple_drainage';
  const awd = regime === 'multiple_drainage' && safeAwdCycles >= rules.minAwdCycles;
  const reason = counted.length === 0
    ? 'Standing water throughout, apart from dry spells of 3 days or fewer and the end-of-season drainage'
    : `${counted.length} dry period(s) of more than ${rules.minDryDaysExclusive} days before the end-of-season drainage${awd ? `; the tube reached ${rules.safeAwdDepthCm} cm in ${safeAwdCycles} of them (AWD)` : ''}`;
  return result(regime, provisional ? `${reason} (provisional: no harvest recorded yet)` : reason, { awd, safeAwdCycles, drainagePeriods, endOfSeasonDrainage });
}

/**
 * Days the field stood flooded between two dates (for the pre-season status, Table 5.13: flooded
 * pre-season means more than 30 days). An irrigation event floods it until the next drainage or dry
 * reading; a wet reading alone counts until the next record if that is at most 7 days later, else one day.
 */
export function floodedDaysBetween(evidence: readonly WaterEvidence[], fromOn: string, toOn: string): { days: number; sourceIds: string[] } {
  const from = dayNumber(fromOn);
  const to = dayNumber(toOn);
  const points = toPoints(evidence.filter((e) => dayNumber(e.on) >= from && dayNumber(e.on) < to));
  const wet: Array<[number, number]> = [];
  const sourceIds: string[] = [];
  points.forEach((p, i) => {
    if (isDry(p)) return;
    const later = points.slice(i + 1);
    let until: number;
    if (p.kind === 'irrigation') until = later.find(isDry)?.day ?? to;
    else {
      const next = later.find((q) => q.day > p.day);
      until = next && next.day - p.day <= WATER_REGIME_RULES.maxEvidenceGapDays && !isDry(next) ? next.day : p.day + 1;
    }
    wet.push([p.day, Math.min(until, to)]);
    sourceIds.push(...p.sourceIds);
  });
  // The union of the wet intervals, so overlapping evidence is not counted twice.
  let days = 0;
  let reach = Number.NEGATIVE_INFINITY;
  for (const [start, end] of wet.sort((a, b) => a[0] - b[0])) {
    const s0 = Math.max(start, reach);
    if (end > s0) days += end - s0;
    reach = Math.max(reach, end);
  }
  return { days, sourceIds };
}
