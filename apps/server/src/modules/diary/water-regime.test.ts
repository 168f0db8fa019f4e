import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from './calendar.ts';
import { classifyWaterRegime, floodedDaysBetween, type WaterEvidence } from './water-regime.ts';

// Day 0 is transplanting; harvest on day 105 unless a case says otherwise.
const DAY0 = '2025-12-01';
const on = (day: number) => addDays(DAY0, day);
let counter = 0;
const id = (label: string) => `${label}-${counter++}`;
const reading = (day: number, levelCm: number, tube = 'T1'): WaterEvidence => ({ activityId: id(`r${day}${tube}`), on: on(day), kind: 'reading', levelCm });
const irrigation = (day: number): WaterEvidence => ({ activityId: id(`i${day}`), on: on(day), kind: 'irrigation' });
const drainage = (day: number): WaterEvidence => ({ activityId: id(`d${day}`), on: on(day), kind: 'drainage' });
/** A reading every `step` days from `from` to `to` (inclusive) at `levelCm`. */
const readings = (from: number, to: number, step: number, levelCm: number) => {
  const out: WaterEvidence[] = [];
  for (let d = from; d <= to; d += step) out.push(reading(d, levelCm));
  return out;
};
/** One AWD cycle: flooded at `start`, the tube falls through −5, −10 to `bottom`, re-irrigated. */
const awdCycle = (start: number, bottom = -16) => [reading(start, 5), reading(start + 3, -5), reading(start + 6, -10), reading(start + 8, bottom), irrigation(start + 8)];

interface Case {
  name: string;
  evidence: WaterEvidence[];
  harvestDay?: number | null;
  harvestIsPlanned?: boolean;
  regime: string;
  awd?: boolean;
  counted?: number[];
  endOfSeason?: { startDay: number; days: number } | null;
  provisional?: boolean;
  reason?: RegExp;
}

const cases: Case[] = [
  {
    name: 'continuous flooding: water above the surface all season, final drainage 10 days before harvest',
    evidence: [irrigation(0), ...readings(2, 92, 5, 5), drainage(95), reading(98, -3), reading(102, -8)],
    regime: 'continuously_flooded',
    counted: [],
    endOfSeason: { startDay: 95, days: 10 },
  },
  {
    name: 'continuous flooding from a logbook alone: irrigation at the start, final drainage, no readings',
    evidence: [irrigation(0), drainage(94)],
    regime: 'continuously_flooded',
    endOfSeason: { startDay: 94, days: 11 },
  },
  {
    name: 'one mid-season drainage of 7 days (drained on day 40, re-irrigated on day 47)',
    evidence: [irrigation(0), ...readings(2, 37, 5, 4), drainage(40), reading(42, -5), reading(45, -8), irrigation(47), ...readings(49, 89, 5, 5), drainage(93)],
    regime: 'single_drainage',
    counted: [7],
  },
  {
    name: 'AWD: three cycles reaching −16 cm in the tube',
    evidence: [irrigation(0), ...readings(3, 18, 5, 5), ...awdCycle(20), ...awdCycle(32), ...awdCycle(44), ...readings(55, 85, 5, 5), drainage(92)],
    regime: 'multiple_drainage',
    awd: true,
    counted: [5, 5, 5],
  },
  {
    name: 'multiple drainage that never reaches −15 cm is not shown as AWD',
    evidence: [irrigation(0), ...readings(3, 18, 5, 5), ...awdCycle(20, -9), ...awdCycle(32, -12), ...readings(43, 88, 5, 5), drainage(92)],
    regime: 'multiple_drainage',
    awd: false,
    counted: [5, 5],
  },
  {
    name: 'missing readings: nothing between day 30 and day 60 makes the regime unknown',
    evidence: [irrigation(0), ...readings(5, 30, 5, 4), reading(60, 5), reading(65, 5), ...readings(70, 88, 5, 5), drainage(92)],
    regime: 'unknown',
    reason: /30 days \(2025-12-31 → 2026-01-30\)/,
  },
  {
    name: 'a reading gap covered by an irrigation event is not missing data (the logbook fixes the state)',
    evidence: [irrigation(0), reading(5, 5), irrigation(10), reading(40, 5), reading(45, 5), irrigation(50), drainage(93)],
    regime: 'continuously_flooded',
  },
  {
    name: 'missing readings at the end (last reading 40 days before harvest) make the regime unknown',
    evidence: [reading(2, 5), reading(8, 5), reading(14, 5), reading(20, 5), reading(26, 5), reading(32, 5), reading(38, 5), reading(44, 5), reading(50, 5), reading(56, 5), reading(65, 5)],
    regime: 'unknown',
  },
  {
    name: 'end-of-season drainage 13 days before harvest does not count',
    evidence: [irrigation(0), ...readings(2, 87, 5, 5), drainage(92), reading(95, -10)],
    regime: 'continuously_flooded',
    endOfSeason: { startDay: 92, days: 13 },
  },
  {
    name: 'a drainage 25 days before harvest that never re-floods counts its 10 days before the end-of-season window',
    evidence: [irrigation(0), ...readings(2, 77, 5, 5), drainage(80), reading(84, -6), reading(88, -12)],
    regime: 'single_drainage',
    counted: [10],
    endOfSeason: { startDay: 90, days: 15 },
  },
  {
    name: 'dry spells of 3 days or fewer do not count (drained day 30, re-irrigated day 33)',
    evidence: [irrigation(0), ...readings(2, 27, 5, 5), drainage(30), irrigation(33), ...readings(35, 90, 5, 5), drainage(93)],
    regime: 'continuously_flooded',
  },
  {
    name: 'a wet reading closes a dry period at the last dry reading (conservative): 3 days, not counted',
    evidence: [irrigation(0), ...readings(2, 27, 5, 5), reading(30, -5), reading(33, -10), reading(36, 3), ...readings(40, 88, 5, 5), drainage(93)],
    regime: 'continuously_flooded',
  },
  {
    name: 'dry soil before the first flooding (direct seeding) is not a drainage',
    evidence: [reading(1, -2), reading(4, -3), reading(7, -2), irrigation(10), ...readings(12, 87, 5, 5), drainage(92)],
    regime: 'continuously_flooded',
  },
  {
    name: 'two tubes on one day: the day is dry only when every tube is below the surface',
    evidence: [irrigation(0), ...readings(2, 27, 5, 5), reading(30, -8, 'T1'), reading(30, 2, 'T2'), reading(33, -9, 'T1'), reading(33, 1, 'T2'), ...readings(36, 88, 5, 5), drainage(93)],
    regime: 'continuously_flooded',
  },
  {
    name: 'no evidence at all',
    evidence: [],
    regime: 'unknown',
    reason: /No water-level reading/,
  },
  {
    name: 'only dry readings: the field was never seen flooded',
    evidence: readings(5, 90, 5, -4),
    regime: 'unknown',
    reason: /No standing water/,
  },
  {
    name: 'no harvest yet: classified on the planned end date, marked provisional',
    evidence: [irrigation(0), ...readings(2, 37, 5, 4), drainage(40), irrigation(47), ...readings(49, 70, 5, 5)],
    harvestDay: 105,
    harvestIsPlanned: true,
    regime: 'unknown',
  },
  {
    name: 'no end date at all: the season so far, provisional',
    evidence: [irrigation(0), ...readings(2, 37, 5, 4), drainage(40), irrigation(47), ...readings(49, 70, 5, 5)],
    harvestDay: null,
    regime: 'single_drainage',
    provisional: true,
  },
  {
    name: 'evidence after harvest and before transplanting is ignored',
    evidence: [drainage(-10), reading(-5, -20), irrigation(0), ...readings(2, 92, 5, 5), drainage(94), drainage(110), reading(112, -30)],
    regime: 'continuously_flooded',
  },
];

describe('water-regime classifier (methodology.md §2.3, §6.6)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const harvestDay = c.harvestDay === undefined ? 105 : c.harvestDay;
      const result = classifyWaterRegime({
        evidence: c.evidence,
        establishedOn: DAY0,
        harvestOn: harvestDay === null ? null : on(harvestDay),
        harvestIsPlanned: c.harvestIsPlanned ?? false,
      });
      assert.equal(result.regime, c.regime, result.reason);
      if (c.awd !== undefined) assert.equal(result.awd, c.awd);
      if (c.counted) assert.deepEqual(result.drainagePeriods.filter((p) => p.counted).map((p) => p.countedDays), c.counted);
      if (c.endOfSeason !== undefined) {
        assert.deepEqual(result.endOfSeasonDrainage, c.endOfSeason && { startOn: on(c.endOfSeason.startDay), days: c.endOfSeason.days });
      }
      if (c.provisional !== undefined) assert.equal(result.provisional, c.provisional);
      if (c.reason) assert.match(result.reason, c.reason);
    });
  }

  it('names the records each drainage period came from', () => {
    const d = drainage(40);
    const low = reading(43, -12);
    const back = irrigation(47);
    const result = classifyWaterRegime({ evidence: [irrigation(0), ...readings(2, 37, 5, 4), d, low, back, ...readings(49, 89, 5, 5)], establishedOn: DAY0, harvestOn: on(105) });
    const period = result.drainagePeriods.find((p) => p.counted)!;
    assert.deepEqual(period.sourceIds, [d.activityId, low.activityId, back.activityId]);
    assert.equal(period.minLevelCm, -12);
    assert.equal(period.reachedSafeAwdDepth, false);
    assert.equal(result.sourceIds.length, 1 + 8 + 3 + 9);
  });

  it('the AWD result is the contract\'s multiple drainage (awd is an alias of it, methodology.md §9 item 3)', () => {
    const result = classifyWaterRegime({ evidence: [irrigation(0), ...awdCycle(20), ...awdCycle(32), ...readings(43, 88, 5, 5)], establishedOn: DAY0, harvestOn: on(105) });
    assert.equal(result.regime, 'multiple_drainage');
    assert.equal(result.awd, true);
    assert.equal(result.safeAwdCycles, 2);
  });
});

describe('flooded days before the season (Table 5.13 pre-season status)', () => {
  it('counts a fallow flooded from an irrigation until the drainage', () => {
    assert.equal(floodedDaysBetween([irrigation(-60), drainage(-20)], on(-90), on(0)).days, 40);
  });
  it('counts overlapping evidence once', () => {
    assert.equal(floodedDaysBetween([irrigation(-60), reading(-50, 5), reading(-45, 5), drainage(-20)], on(-90), on(0)).days, 40);
  });
  it('an irrigation without a later drainage floods until the season starts', () => {
    assert.equal(floodedDaysBetween([irrigation(-10)], on(-90), on(0)).days, 10);
  });
  it('a dry fallow has no flooded days', () => {
    assert.equal(floodedDaysBetween([reading(-30, -20)], on(-90), on(0)).days, 0);
  });
});
