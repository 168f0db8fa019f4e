/**
 * The practices a season applied, as the public page and the label criteria read them, derived from
 * the diary's season facts (modules/diary/season-facts.ts) — never typed in separately.
 *
 * - AWD: the water regime was classified as alternate wetting and drying from the tube readings;
 * - straw not burnt: no straw of the season (or of the previous crop handled before it) was burnt;
 * - reduced fertiliser: total N at or below REDUCED_N_REFERENCE_KG_PER_HA.
 */
import type { SeasonFactsResponse } from '@dongxanh/contracts';
import type { StoredSeasonPractices } from '../../db/schema.ts';

/**
 * kg N/ha at or below which a rice season counts as "reduced fertiliser". Decision 1490/QĐ-TTg asks
 * for −30 % chemical fertiliser by 2030 against traditional practice (vn-standards.md §6.1) but gives
 * no per-hectare figure; 120 kg N/ha is the platform's working reference for Mekong Delta rice and is
 * UNCONFIRMED — a label scheme that needs a stricter figure should carry its own criterion.
 */
export const REDUCED_N_REFERENCE_KG_PER_HA = 120;

export function practicesOf(facts: SeasonFactsResponse, variety: string | null): StoredSeasonPractices {
  const f = facts.facts;
  return {
    awd: f.waterRegime.awd,
    waterRegime: f.waterRegime.value,
    strawBurnt: (f.strawBurntTPerHa.value ?? 0) > 0,
    nKgPerHa: f.nTotalKgPerHa.value,
    seedRateKgPerHa: f.seedRateKgPerHa.value,
    variety,
  };
}

export const reducedFertiliser = (p: StoredSeasonPractices) => p.nKgPerHa !== null && p.nKgPerHa <= REDUCED_N_REFERENCE_KG_PER_HA;
