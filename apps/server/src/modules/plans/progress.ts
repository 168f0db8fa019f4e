/**
 * Progress of an indicator against its target for a year. Pure.
 *
 * Plans set targets for a few milestone years (Cần Thơ: 2025 and 2030; Lào Cai: 2035). For the years
 * between, the target is the straight line between the milestones around it (a report for 2027 is
 * judged against two fifths of the way from 2025 to 2030), marked 'interpolated' so nobody mistakes
 * it for the plan's own figure. Before the first milestone the first applies ('next'); after the
 * last, the last ('carried').
 */
export type Comparator = 'gte' | 'gt' | 'lte' | 'lt' | 'eq';

export interface TargetRow {
  year: number;
  breakdown: string;
  comparator: Comparator;
  value: number;
  asWritten: string | null;
}

export interface YearTarget {
  year: number;
  comparator: Comparator;
  value: number;
  asWritten: string | null;
  kind: 'explicit' | 'interpolated' | 'next' | 'carried';
  towards: { year: number; value: number } | null;
}

export type ProgressStatus = 'met' | 'not_met' | 'no_data' | 'no_target';

export function targetForYear(targets: readonly TargetRow[], year: number, breakdown = ''): YearTarget | null {
  const own = targets.filter((t) => t.breakdown === breakdown).sort((a, b) => a.year - b.year);
  const exact = own.find((t) => t.year === year);
  if (exact) return { year, comparator: exact.comparator, value: exact.value, asWritten: exact.asWritten, kind: 'explicit', towards: null };
  const before = [...own].reverse().find((t) => t.year < year);
  const after = own.find((t) => t.year > year);
  if (before && after) {
    const value = before.value + ((after.value - before.value) * (year - before.year)) / (after.year - before.year);
    return { year, comparator: after.comparator, value, asWritten: null, kind: 'interpolated', towards: { year: after.year, value: after.value } };
  }
  if (after) return { year, comparator: after.comparator, value: after.value, asWritten: after.asWritten, kind: 'next', towards: { year: after.year, value: after.value } };
  if (before) return { year, comparator: before.comparator, value: before.value, asWritten: before.asWritten, kind: 'carried', towards: { year: before.year, value: before.value } };
  return null;
}

const EPSILON = 1e-9;

export function meets(actual: number, comparator: Comparator, value: number): boolean {
  switch (comparator) {
    case 'gte':
      return actual >= value - EPSILON;
    case 'gt':
      return actual > value + EPSILON;
    case 'lte':
      return actual <= value + EPSILON;
    case 'lt':
      return actual < value - EPSILON;
    case 'eq':
      return Math.abs(actual - value) <= EPSILON * Math.max(1, Math.abs(value));
  }
}

/**
 * met/not_met, and how far along the way: for "more is better", actual ÷ target; for "less is
 * better", the share of the way from the baseline down to the target when the baseline is in the
 * indicator's own unit, else target ÷ actual. Capped to 0–999 % so a tiny target cannot blow it up.
 */
export function evaluate(actual: number | null, target: YearTarget | null, direction: 'increase' | 'decrease', baselineInUnit: number | null): { status: ProgressStatus; progressPct: number | null } {
  if (!target) return { status: 'no_target', progressPct: null };
  if (actual === null) return { status: 'no_data', progressPct: null };
  const status = meets(actual, target.comparator, target.value) ? 'met' : 'not_met';
  let pct: number | null;
  if (direction === 'increase') {
    const start = baselineInUnit ?? 0;
    pct = target.value - start > 0 ? (100 * (actual - start)) / (target.value - start) : null;
  } else if (baselineInUnit !== null && baselineInUnit > target.value) {
    pct = (100 * (baselineInUnit - actual)) / (baselineInUnit - target.value);
  } else {
    // Without a baseline in the unit, "how far" is target ÷ actual, which is 100 % once the target is met.
    pct = actual > 0 ? Math.min(100, (100 * target.value) / actual) : null;
  }
  return { status, progressPct: pct === null ? null : Math.min(999, Math.max(0, pct)) };
}
