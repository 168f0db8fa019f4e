/**
 * MRV runs (capability 4, the stored per plot-season part): run documents built from the diary's
 * derived facts and the project's baseline, computed by packages/methodology, stored with their input
 * snapshot and hash; crediting projects; background recalculation of a commune or province. It owns
 * no maths (packages/methodology) and no diary (modules/diary, read through its service).
 */
export { createRunsService, type RunsService } from './runs.service.ts';
export { createRecalculations, type Recalculations, RECALC_BATCH } from './recalculation.ts';
export { currentRunsOf, runsByIds, seasonsForRuns, listProjects, projectOfOrganisation, termsOf, type SeasonForRun } from './runs.repository.ts';
export { presentRun } from './runs.presenter.ts';
export { computeRun, headlineOf } from './run-calculation.ts';
