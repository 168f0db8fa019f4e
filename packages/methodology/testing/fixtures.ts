/** Small builders shared by the methodology tests (not part of the library). */
import assert from 'node:assert/strict';
import type { SeasonInput } from '../src/types.ts';

/** Numbers agree within max(1e-9, 1e-9 × |expected|): hand-computed values, not rounded ones. */
export function assertClose(actual: number | null | undefined, expected: number, what: string): void {
  if (typeof actual !== 'number') assert.fail(`${what}: expected the number ${expected}, got ${String(actual)}`);
  const tolerance = Math.max(1e-9, 1e-9 * Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: expected ${expected}, got ${actual} (difference ${actual - expected})`);
}

/** A reference rice season: 100 d, continuous flooding, non-flooded pre-season < 180 d, no amendment. */
export const riceSeason = (over: Partial<SeasonInput> = {}): SeasonInput => ({
  name: 'season',
  crop: 'rice',
  cultivation_days: 100,
  water_regime: 'continuously_flooded',
  pre_season: 'non_flooded_lt_180d',
  ...over,
});
