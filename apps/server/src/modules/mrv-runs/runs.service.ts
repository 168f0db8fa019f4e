/**
 * MRV runs per plot-season (capability 4, the stored part): build the engine's input from the diary's
 * derived facts and the project's baseline, compute, and store the run with its input snapshot, input
 * hash, method and factor-table versions and result; recompute any stored run from its snapshot; the
 * crediting projects that group cooperatives with their methodology, GWP set and baseline.
 *
 * A season whose facts are incomplete gets no run: the answer is a 422 naming the missing facts
 * (`missing`), e.g. a season with no water-regime evidence cannot be computed as AWD.
 */
import type { CreateProjectBody, SeasonFactsResponse } from '@dongxanh/contracts';
import { CREDITING_METHODOLOGY, FACTOR_TABLE_VERSION, METHOD_VERSION } from '@dongxanh/methodology';
import type { Database, Executor } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, fieldError, invalidInput, notFound } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { canonicalHash, canonicalJson } from '../audit/index.ts';
import type { DiaryService } from '../diary/diary.service.ts';
import { BLOCKING_FACTS, buildRunDocument, type Missing, type ProjectTerms } from './build-inputs.ts';
import { computeRun, jsonDifferences, type ComputedRun } from './run-calculation.ts';
import { presentProject, presentRun, presentRunSummary } from './runs.presenter.ts';
import {
  earlierSeasonsOfPlot, findRun, insertProject, insertRuns, listProjects, makeCurrent, projectOfOrganisation, runsOfSeason, seasonsForRuns, termsOf,
  type NewRun, type SeasonForRun,
} from './runs.repository.ts';

export type RunsDeps = { db: Database; clock: Clock; diary: Pick<DiaryService, 'getFacts'> };

export const missingFacts = (plot: string, missing: Missing[]) =>
  new DomainError('rule_violated', message('runs.missingFacts', { plot, facts: missing.map((m) => m.fact).join(', ') }), {
    missing,
    errors: missing.map((m) => ({ path: m.fact, message: m.reason })),
  });

export function runRow(season: SeasonForRun, projectId: string | null, computed: ComputedRun, createdBy: string | null, jobId: string | null): NewRun {
  return {
    seasonId: season.id, plotId: season.plotId, provinceCode: season.provinceCode, communeCode: season.communeCode, organisationId: season.organisationId,
    householdId: season.householdId, projectId, kind: computed.kind, inputSnapshot: JSON.stringify(computed.snapshot), inputHash: computed.inputHash,
    methodVersion: computed.methodVersion, factorTableVersion: computed.factorTableVersion, result: JSON.stringify(computed.result), areaHa: season.areaHa,
    co2eTotalT: computed.co2eTotalT, baselineCo2eT: computed.baselineCo2eT, reductionTco2e: computed.reductionTco2e,
    reductionTco2ePerHa: computed.reductionTco2e === null ? null : computed.reductionTco2e / season.areaHa, netErTco2e: computed.netErTco2e, jobId, createdBy,
  };
}

export function createRunsService({ db, clock, diary }: RunsDeps) {
  /**
   * The run document of one season, from its facts (read with the caller's scope: 404 outside it).
   * Returns the missing facts instead when the season cannot be computed.
   */
  async function prepare(actor: Actor, season: SeasonForRun): Promise<{ ok: true; project: ProjectTerms | null; computed: ComputedRun } | { ok: false; missing: Missing[] }> {
    const facts = await diary.getFacts(actor, season.id);
    const projectRow = await projectOfOrganisation(db, season.organisationId);
    const project = projectRow ? termsOf(projectRow) : null;
    let earlier: SeasonFactsResponse | null = null;
    if (project?.baseline.kind === 'look_back') {
      for (const e of await earlierSeasonsOfPlot(db, season)) {
        const f = await diary.getFacts(actor, e.id);
        if (!f.missing.some((m) => BLOCKING_FACTS.has(m.fact))) { earlier = f; break; }
      }
    }
    const outcome = buildRunDocument(facts, project, earlier);
    if (!outcome.ok) return outcome;
    return { ok: true, project, computed: computeRun(outcome.run.kind, outcome.run.document) };
  }

  async function seasonOf(actor: Actor, seasonId: string) {
    assertCan(actor, 'registry:read');
    const [season] = await seasonsForRuns(db, actor, [seasonId]);
    if (!season) throw notFound('Season', seasonId);
    return season;
  }

  async function storeCurrent(tx: Executor, row: NewRun) {
    const [stored] = await insertRuns(tx, [row]);
    await makeCurrent(tx, stored!);
    return stored!;
  }

  const service = {
    prepare,

    /** Computes and stores a season's run, which becomes its current run. */
    async computeSeason(actor: Actor, seasonId: string) {
      const season = await seasonOf(actor, seasonId);
      assertCan(actor, 'mrv:run');
      const prepared = await prepare(actor, season);
      if (!prepared.ok) throw missingFacts(season.plotCode, prepared.missing);
      const stored = await db.transaction().execute((tx) => storeCurrent(tx, runRow(season, prepared.project?.id ?? null, prepared.computed, actor.userId, null)));
      return presentRun((await findRun(db, actor, stored.id))!);
    },

    /**
     * Computes the seasons that have no current run yet (used when a submission is sent). Returns the
     * seasons that could not be computed, with their missing facts; computes nothing if any cannot be.
     */
    async computeMissing(actor: Actor, seasons: readonly SeasonForRun[], hasRun: ReadonlySet<string>) {
      const todo = seasons.filter((s) => !hasRun.has(s.id));
      const prepared: Array<{ season: SeasonForRun; project: ProjectTerms | null; computed: ComputedRun }> = [];
      const failures: Array<{ plotCode: string; missing: Missing[] }> = [];
      for (const s of todo) {
        const p = await prepare(actor, s);
        if (p.ok) prepared.push({ season: s, ...p });
        else failures.push({ plotCode: s.plotCode, missing: p.missing });
      }
      if (failures.length) return { failures };
      await db.transaction().execute(async (tx) => {
        for (const p of prepared) await storeCurrent(tx, runRow(p.season, p.project?.id ?? null, p.computed, actor.userId, null));
      });
      return { failures };
    },

    async listSeasonRuns(actor: Actor, seasonId: string) {
      await seasonOf(actor, seasonId);
      const runs = await runsOfSeason(db, actor, seasonId);
      const current = runs.find((r) => r.isCurrent);
      return { seasonId, current: current ? presentRun((await findRun(db, actor, current.id))!) : null, runs: runs.map(presentRunSummary) };
    },

    async getRun(actor: Actor, runId: string) {
      assertCan(actor, 'registry:read');
      const run = await findRun(db, actor, runId);
      if (!run) throw notFound('Run', runId);
      return presentRun(run);
    },

    /** Recomputes a stored run from its snapshot with the engine and compares, value for value. */
    async recompute(actor: Actor, runId: string) {
      assertCan(actor, 'registry:read');
      const run = await findRun(db, actor, runId);
      if (!run) throw notFound('Run', runId);
      const again = computeRun(run.kind, run.inputSnapshot);
      const differences = jsonDifferences(run.result, again.result);
      return {
        runId, identical: canonicalJson(run.result) === canonicalJson(again.result), inputHashMatches: canonicalHash(run.inputSnapshot) === run.inputHash,
        storedInputHash: run.inputHash, recomputedInputHash: again.inputHash, storedCo2eTotalT: run.co2eTotalT, recomputedCo2eTotalT: again.co2eTotalT,
        methodVersion: run.methodVersion, engineMethodVersion: METHOD_VERSION, differences,
      };
    },

    // ------------------------------------------------------------ projects
    async createProject(actor: Actor, body: CreateProjectBody) {
      assertCan(actor, 'mrv:manage');
      if (actor.role !== 'admin' && actor.adminUnitCode !== body.provinceCode) throw new DomainError('forbidden', message('runs.provinceOfficersOnly', { province: body.provinceCode }));
      return db.transaction().execute(async (tx) => {
        const orgs = await tx.selectFrom('organisations').select(['id', 'provinceCode']).where('id', 'in', body.organisationIds).execute();
        const errors = body.organisationIds.flatMap((id, i) => {
          const org = orgs.find((o) => o.id === id);
          if (!org) return [fieldError(`organisationIds[${i}]`, message('credits.noOrganisation', { id }))];
          if (org.provinceCode !== body.provinceCode) return [fieldError(`organisationIds[${i}]`, message('runs.organisationOtherProvince', { id, province: body.provinceCode }))];
          return [];
        });
        if (errors.length) throw invalidInput(errors, message('runs.organisationsRefused'));
        const taken = await tx.selectFrom('mrvProjectOrganisations as po').innerJoin('mrvProjects as pr', 'pr.id', 'po.projectId').select(['po.organisationId', 'pr.code']).where('po.organisationId', 'in', body.organisationIds).execute();
        if (taken.length) throw new DomainError('conflict', message('runs.organisationsInProject', { organisations: taken.map((t) => `${t.organisationId} (${t.code})`).join(', ') }));
        const existing = await tx.selectFrom('mrvProjects').select('id').where('code', '=', body.code).executeTakeFirst();
        if (existing) throw new DomainError('conflict', message('runs.projectCodeTaken', { code: body.code }), { errors: [fieldError('code', message('field.alreadyUsed'))] });
        const id = await insertProject(tx, actor, {
          code: body.code, name: body.name, provinceCode: body.provinceCode, methodology: body.methodology ?? CREDITING_METHODOLOGY, gwpSet: body.gwpSet,
          uncertainty: body.uncertainty ?? null, baselineKind: body.baseline.kind, baselinePractice: body.baseline.kind === 'fixed_practice' ? body.baseline.practice : null,
          organisationIds: body.organisationIds,
        });
        const [project] = await listProjects(tx, actor, [id]);
        return presentProject(project!);
      });
    },

    async listProjects(actor: Actor) {
      assertCan(actor, 'registry:read');
      return { items: (await listProjects(db, actor)).map(presentProject) };
    },

    async getProject(actor: Actor, id: string) {
      assertCan(actor, 'registry:read');
      const [project] = await listProjects(db, actor, [id]);
      if (!project) throw notFound('Project', id);
      return presentProject(project);
    },

    engineVersions: () => ({ methodVersion: METHOD_VERSION, factorTableVersion: FACTOR_TABLE_VERSION }),
    now: () => clock.now(),
  };
  return service;
}
export type RunsService = ReturnType<typeof createRunsService>;
