/**
 * The farming diary (capabilities 2, 3 and 9): crop and product catalogues, seasons per plot, typed
 * activities with photo evidence, idempotent offline sync with visible conflicts, the derived season
 * facts (water regime, pre-season, N, urea, straw, …) with the MRV engine's season input, and the
 * compliance rules (banned pesticides, pre-harvest interval, vegetable rotation, photo evidence, the
 * growing-area record checklist). It does not own plots (registry) or emissions (packages/methodology,
 * modules that call getFacts); other modules use it through this file.
 */
export { createDiaryService, type DiaryService } from './diary.service.ts';
export { deriveSeasonFacts, type FactActivity, type SeasonFactsInput } from './season-facts.ts';
export { classifyWaterRegime, WATER_REGIME_RULES } from './water-regime.ts';
export { PHOTO_RULES } from './compliance.ts';
