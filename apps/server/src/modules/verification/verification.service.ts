/**
 * Review and independent verification (capability 5). Every state change runs in one transaction that
 * re-checks the state it started from, writes the submission's event and appends to the audit log;
 * verifying also writes the lock of its seasons, and a correction writes the new revision and the
 * unlock. The server enforces separation of duties (workflow.ts): roles by permission, people by who
 * submitted, recorded and reviewed.
 */
import { randomInt } from 'node:crypto';
import type { CreateSubmissionBody, FindingBody, SubmissionDetail, SubmissionSummary } from '@dongxanh/contracts';
import type { Database, Executor } from '../../db/database.ts';
import type { SubmissionState } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, fieldError, forbidden, invalidInput, notFound } from '../../shared/errors.ts';
import { message, word } from '../../shared/messages.ts';
import { appendAudit } from '../audit/index.ts';
import { assertCan, can, type Actor } from '../auth/permissions.ts';
import type { DiaryService } from '../diary/diary.service.ts';
import { currentRunsOf, presentRun, projectOfOrganisation, runsByIds, seasonsForRuns, type RunsService } from '../mrv-runs/index.ts';
import { drawSample, SAMPLE_RULE } from './sampling.ts';
import {
  eventsOf, findingsOf, findSubmission, heldSeasons, insertEvent, itemsOf, listSubmissions, recordersOf, revisionsOf, sampleOf, seasonsInLiveSubmissions, upsertFinding,
  type ItemRow, type SubmissionRow,
} from './verification.repository.ts';
import { canTransition, dutyConflict, dutyConflictMessage, nextState, permissionFor, type WorkflowAction } from './workflow.ts';

export type VerificationDeps = { db: Database; clock: Clock; runs: Pick<RunsService, 'computeMissing'>; diary: Pick<DiaryService, 'getSeason'> };

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function presentSummary(s: SubmissionRow, items?: readonly ItemRow[]): SubmissionSummary {
  return {
    id: s.id, rootId: s.rootId, revision: s.revision, previousRevisionId: s.previousRevisionId, supersededBy: s.supersededBy, title: s.title, state: s.state,
    organisationId: s.organisationId, organisationName: s.organisationName, provinceCode: s.provinceCode, communeCode: s.communeCode, projectId: s.projectId,
    projectCode: s.projectCode ?? null, periodStart: s.periodStart, periodEnd: s.periodEnd, plotCount: Number(s.plotCount), areaHa: Number(s.areaHa),
    reductionTCo2e: items ? sum(items.map((i) => i.reductionTco2e ?? 0)) : 0, netErTCo2e: items ? sum(items.map((i) => i.netErTco2e ?? 0)) : 0,
    returnReason: s.returnReason, correctionReason: s.correctionReason, submittedAt: iso(s.submittedAt), reviewedAt: iso(s.reviewedAt), verifiedAt: iso(s.verifiedAt),
    locked: s.supersededBy === null && (s.state === 'verified' || s.state === 'submitted' || s.state === 'reviewed'), creditsIssued: Boolean(s.creditsIssued),
    createdAt: iso(s.createdAt)!,
  };
}

export function createVerificationService({ db, clock, runs, diary }: VerificationDeps) {
  async function load(tx: Executor, actor: Actor, id: string) {
    assertCan(actor, 'registry:read');
    const s = await findSubmission(tx, actor, id);
    if (!s) throw notFound('Submission', id);
    return s;
  }

  /** Moves the submission from `from` to `to` if nobody moved it meanwhile; records the event and the audit entry. */
  async function move(tx: Executor, actor: Actor, s: SubmissionRow, action: string, to: SubmissionState, reason: string | null, set: Record<string, unknown>, payload: Record<string, unknown> = {}) {
    const now = clock.now();
    const done = await tx
      .updateTable('submissions')
      .set({ ...set, state: to, version: s.version + 1, updatedBy: actor.userId, updatedAt: now })
      .where('id', '=', s.id)
      .where('version', '=', s.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new DomainError('conflict', message('verification.changedMeanwhile', { id: s.id }));
    await insertEvent(tx, { submissionId: s.id, action, fromState: s.state, toState: to, reason, actorId: actor.userId, at: now });
    await appendAudit(tx, now, {
      actor: actor.userId, action: `submission.${action}`, entity: 'submission', entityId: s.id, provinceCode: s.provinceCode,
      payload: { rootId: s.rootId, revision: s.revision, from: s.state, to, ...(reason ? { reason } : {}), ...payload },
    });
  }

  async function dutiesOf(tx: Executor, s: SubmissionRow, items: readonly ItemRow[]) {
    return { submittedBy: s.submittedBy, reviewedBy: s.reviewedBy, recorders: await recordersOf(tx, items) };
  }

  async function detail(actor: Actor, s: SubmissionRow): Promise<SubmissionDetail> {
    const [items, events, sample, findings, revisions] = await Promise.all([itemsOf(db, s.id), eventsOf(db, [s.id]), sampleOf(db, s.id), findingsOf(db, s.id), revisionsOf(db, s.rootId)]);
    const sampled = new Set(sample.map((x) => x.seasonId));
    const findingBySeason = new Map(findings.map((f) => [f.seasonId, { ...f, recordedAt: iso(f.recordedAt)! }]));
    const duties = await dutiesOf(db, s, items);
    const live = s.supersededBy === null;
    const allowed: SubmissionDetail['allowedActions'] = [];
    for (const action of ['submit', 'review', 'verify', 'return'] as const) {
      if (live && canTransition(s.state, action) && can(actor, permissionFor(action, s.state)) && !dutyConflict(actor.userId, action, s.state, duties)) allowed.push(action);
    }
    const verifierMayAct = live && s.state === 'reviewed' && can(actor, 'submissions:verify') && !dutyConflict(actor.userId, 'verify', s.state, duties);
    if (verifierMayAct && s.sampleSeed === null) allowed.push('sample');
    if (verifierMayAct && s.sampleSeed !== null) allowed.push('record_finding');
    if (live && s.state === 'verified' && can(actor, 'submissions:submit')) allowed.push('correct');
    if (live && s.state === 'verified' && s.projectId && !s.creditsIssued && can(actor, 'credits:issue')) allowed.push('issue_credits');
    return {
      ...presentSummary(s, items),
      items: items.map((i) => ({
        seasonId: i.seasonId, plotId: i.plotId, plotCode: i.plotCode, plotName: i.plotName, areaHa: Number(i.areaHa), runId: i.runId ?? null, co2eTotalT: i.co2eTotalT ?? null,
        baselineCo2eT: i.baselineCo2eT ?? null, reductionTCo2e: i.reductionTco2e ?? null, netErTCo2e: i.netErTco2e ?? null, sampled: sampled.has(i.seasonId),
        finding: findingBySeason.get(i.seasonId) ?? null,
      })),
      events: events.map((e) => ({ action: e.action, fromState: e.fromState, toState: e.toState, reason: e.reason, actorId: e.actorId, actorName: e.actorName, at: iso(e.at)! })),
      sample: s.sampleSeed === null ? null : {
        seed: Number(s.sampleSeed), rule: s.sampleRule ?? SAMPLE_RULE, population: items.length, size: sample.length, seasonIds: sample.map((x) => x.seasonId),
        drawnBy: s.sampledBy!, drawnAt: iso(s.sampledAt)!,
      },
      revisions,
      allowedActions: allowed,
    };
  }

  return {
    async create(actor: Actor, body: CreateSubmissionBody) {
      assertCan(actor, 'submissions:submit');
      const organisationId = body.organisationId ?? actor.organisationId;
      if (!organisationId) throw invalidInput([fieldError('organisationId', message('verification.nameCooperative'))]);
      if (actor.role !== 'admin' && organisationId !== actor.organisationId) throw forbidden('submit another organisation\'s seasons');
      if (body.periodEnd < body.periodStart) throw invalidInput([fieldError('periodEnd', message('verification.periodEndsBeforeStart'))]);
      const unique = [...new Set(body.seasonIds)];
      const seasons = await seasonsForRuns(db, actor, unique);
      const errors = unique.flatMap((id) => {
        const i = body.seasonIds.indexOf(id);
        const s = seasons.find((x) => x.id === id);
        if (!s) return [fieldError(`seasonIds[${i}]`, message('verification.seasonNotFound', { id }))];
        if (s.organisationId !== organisationId) return [fieldError(`seasonIds[${i}]`, message('verification.seasonOtherOrganisation', { plot: s.plotCode }))];
        const endsOn = s.actualEndOn ?? s.plannedEndOn ?? s.plannedStartOn;
        if (endsOn < body.periodStart || endsOn > body.periodEnd) return [fieldError(`seasonIds[${i}]`, message('verification.seasonOutsidePeriod', { plot: s.plotCode, end: { date: endsOn }, start: { date: body.periodStart }, until: { date: body.periodEnd } }))];
        return [];
      });
      if (errors.length) throw invalidInput(errors, message('verification.someSeasonsRefused'));
      return db.transaction().execute(async (tx) => {
        const held = await seasonsInLiveSubmissions(tx, unique);
        if (held.length) throw new DomainError('conflict', message('verification.alreadySubmitted', { seasons: { list: held.map((h) => `${h.plotCode} ("${h.title}")`), separator: ', ' } }));
        const org = await tx.selectFrom('organisations').select(['provinceCode', 'communeCode']).where('id', '=', organisationId).executeTakeFirstOrThrow();
        const project = await projectOfOrganisation(tx, organisationId);
        const id = crypto.randomUUID();
        await tx.insertInto('submissions').values({
          id, rootId: id, revision: 1, previousRevisionId: null, supersededBy: null, organisationId, provinceCode: org.provinceCode, communeCode: org.communeCode ?? seasons[0]!.communeCode,
          projectId: project?.id ?? null, periodStart: body.periodStart, periodEnd: body.periodEnd, title: body.title, returnReason: null, correctionReason: null,
          submittedBy: null, submittedAt: null, reviewedBy: null, reviewedAt: null, verifiedBy: null, verifiedAt: null, verifierOrganisationId: null,
          sampleSeed: null, sampleRule: null, sampledBy: null, sampledAt: null, createdBy: actor.userId, updatedBy: null, updatedAt: null,
        }).execute();
        await tx.insertInto('submissionItems').values(seasons.map((s) => ({ submissionId: id, seasonId: s.id, provinceCode: s.provinceCode, plotId: s.plotId, runId: null, areaHa: s.areaHa }))).execute();
        await insertEvent(tx, { submissionId: id, action: 'create', fromState: null, toState: 'draft', reason: null, actorId: actor.userId, at: clock.now() });
        return id;
      }).then(async (id) => detail(actor, (await findSubmission(db, actor, id))!));
    },

    async list(actor: Actor, q: { state?: SubmissionState | undefined; organisationId?: string | undefined; includeSuperseded: 'true' | 'false' }) {
      assertCan(actor, 'registry:read');
      const rows = await listSubmissions(db, actor, { ...q, includeSuperseded: q.includeSuperseded === 'true' });
      const items = await Promise.all(rows.map((r) => itemsOf(db, r.id)));
      return { items: rows.map((r, i) => presentSummary(r, items[i])), total: rows.length };
    },

    async heldSeasons(actor: Actor) {
      assertCan(actor, 'registry:read');
      return { items: await heldSeasons(db, actor) };
    },

    async get(actor: Actor, id: string) {
      return detail(actor, await load(db, actor, id));
    },

    async transition(actor: Actor, id: string, action: WorkflowAction, reason: string | null = null) {
      const s = await load(db, actor, id);
      assertCan(actor, permissionFor(action, s.state));
      if (s.supersededBy) throw new DomainError('conflict', message('verification.superseded', { revision: String(s.revision) }));
      const to = nextState(s.state, action);
      const items = await itemsOf(db, s.id);
      const conflictOfDuty = dutyConflictMessage(actor.userId, action, s.state, await dutiesOf(db, s, items));
      if (conflictOfDuty) throw new DomainError('forbidden', conflictOfDuty);
      if (action === 'return' && !reason) throw invalidInput([fieldError('reason', message('verification.returnReason'))]);

      if (action === 'submit') {
        // Seasons without a current run are computed now; any that cannot be is named with its missing facts.
        const seasons = await seasonsForRuns(db, actor, items.map((i) => i.seasonId));
        const current = await currentRunsOf(db, seasons);
        const { failures } = await runs.computeMissing(actor, seasons, new Set(current.map((r) => r.seasonId)));
        if (failures.length) {
          throw new DomainError('rule_violated', message('verification.cannotCompute', { count: failures.length, seasons: failures.map((f) => `${f.plotCode} (${f.missing.map((m) => m.fact).join(', ')})`).join('; ') }), {
            errors: failures.flatMap((f) => f.missing.map((m) => ({ path: `${f.plotCode}.${m.fact}`, message: m.reason }))),
          });
        }
      }
      if (action === 'verify') {
        const [sample, findings] = await Promise.all([sampleOf(db, s.id), findingsOf(db, s.id)]);
        if (sample.length === 0) throw new DomainError('rule_violated', message('verification.drawSampleFirst'));
        const without = sample.filter((x) => !findings.some((f) => f.seasonId === x.seasonId));
        if (without.length) {
          const codes = items.filter((i) => without.some((w) => w.seasonId === i.seasonId)).map((i) => i.plotCode);
          throw new DomainError('rule_violated', message('verification.findingsOpen', { plots: { list: codes, separator: ', ' } }));
        }
        if (findings.some((f) => f.outcome === 'major_discrepancy')) throw new DomainError('rule_violated', message('verification.majorDiscrepancy'));
      }

      await db.transaction().execute(async (tx) => {
        const now = clock.now();
        if (action === 'submit') {
          const seasons = items.map((i) => ({ id: i.seasonId, provinceCode: i.provinceCode }));
          const current = await currentRunsOf(tx, seasons);
          for (const r of current) await tx.updateTable('submissionItems').set({ runId: r.id }).where('submissionId', '=', s.id).where('seasonId', '=', r.seasonId).execute();
          await move(tx, actor, s, 'submit', to, null, { submittedBy: actor.userId, submittedAt: now, returnReason: null }, { runIds: current.map((r) => r.id).sort() });
        } else if (action === 'review') {
          await move(tx, actor, s, 'review', to, null, { reviewedBy: actor.userId, reviewedAt: now });
        } else if (action === 'return') {
          await move(tx, actor, s, 'return', to, reason, { returnReason: reason, reviewedBy: null, reviewedAt: null });
          // A returned submission draws a new sample when it comes back.
          await tx.deleteFrom('verificationFindings').where('submissionId', '=', s.id).execute();
          await tx.deleteFrom('verificationSamples').where('submissionId', '=', s.id).execute();
          await tx.updateTable('submissions').set({ sampleSeed: null, sampleRule: null, sampledBy: null, sampledAt: null }).where('id', '=', s.id).execute();
        } else {
          await move(tx, actor, s, 'verify', to, null, { verifiedBy: actor.userId, verifiedAt: now, verifierOrganisationId: actor.organisationId });
          await appendAudit(tx, now, {
            actor: actor.userId, action: 'seasons.locked', entity: 'submission', entityId: s.id, provinceCode: s.provinceCode,
            payload: { seasonIds: items.map((i) => i.seasonId).sort(), runIds: items.map((i) => i.runId).filter((r): r is string => r !== null).sort() },
          });
        }
      });
      return detail(actor, (await findSubmission(db, actor, id))!);
    },

    /** A correction of verified data: a new draft revision with the same plot-seasons; the verified one stays readable. */
    async correct(actor: Actor, id: string, reason: string) {
      const s = await load(db, actor, id);
      assertCan(actor, 'submissions:submit');
      if (actor.role !== 'admin' && actor.organisationId !== s.organisationId) throw forbidden('correct another organisation\'s submission');
      if (s.state !== 'verified') throw new DomainError('conflict', message('verification.correctOnlyVerified', { state: word(s.state) }));
      if (s.supersededBy) throw new DomainError('conflict', message('verification.alreadyCorrected', { revision: String(s.revision) }));
      const newId = await db.transaction().execute(async (tx) => {
        const now = clock.now();
        const newId = crypto.randomUUID();
        await tx.insertInto('submissions').values({
          id: newId, rootId: s.rootId, revision: s.revision + 1, previousRevisionId: s.id, supersededBy: null, organisationId: s.organisationId, provinceCode: s.provinceCode,
          communeCode: s.communeCode, projectId: s.projectId, periodStart: s.periodStart, periodEnd: s.periodEnd, title: s.title, returnReason: null, correctionReason: reason,
          submittedBy: null, submittedAt: null, reviewedBy: null, reviewedAt: null, verifiedBy: null, verifiedAt: null, verifierOrganisationId: null,
          sampleSeed: null, sampleRule: null, sampledBy: null, sampledAt: null, createdBy: actor.userId, updatedBy: null, updatedAt: null,
        }).execute();
        const items = await tx.selectFrom('submissionItems').select(['seasonId', 'provinceCode', 'plotId', 'areaHa']).where('submissionId', '=', s.id).execute();
        await tx.insertInto('submissionItems').values(items.map((i) => ({ ...i, submissionId: newId, runId: null }))).execute();
        const done = await tx.updateTable('submissions').set({ supersededBy: newId, updatedBy: actor.userId, updatedAt: now }).where('id', '=', s.id).where('supersededBy', 'is', null).executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw new DomainError('conflict', message('verification.alreadyCorrected', { revision: String(s.revision) }));
        await insertEvent(tx, { submissionId: newId, action: 'correct', fromState: null, toState: 'draft', reason, actorId: actor.userId, at: now });
        await appendAudit(tx, now, {
          actor: actor.userId, action: 'submission.correction_opened', entity: 'submission', entityId: newId, provinceCode: s.provinceCode,
          payload: { rootId: s.rootId, revision: s.revision + 1, corrects: s.id, reason },
        });
        await appendAudit(tx, now, {
          actor: actor.userId, action: 'seasons.unlocked', entity: 'submission', entityId: s.id, provinceCode: s.provinceCode,
          payload: { seasonIds: items.map((i) => i.seasonId).sort(), supersededBy: newId },
        });
        return newId;
      });
      return detail(actor, (await findSubmission(db, actor, newId))!);
    },

    /** Draws the field-check sample once (random seed, stored); drawing again returns the same sample. */
    async drawSample(actor: Actor, id: string, seed: number = randomInt(1, 2 ** 31 - 1)) {
      const s = await load(db, actor, id);
      assertCan(actor, 'submissions:verify');
      if (s.supersededBy || s.state !== 'reviewed') throw new DomainError('conflict', message('verification.sampleWhenReviewed', { state: word(s.state) }));
      const items = await itemsOf(db, s.id);
      const conflictOfDuty = dutyConflictMessage(actor.userId, 'verify', s.state, await dutiesOf(db, s, items));
      if (conflictOfDuty) throw new DomainError('forbidden', conflictOfDuty);
      if (s.sampleSeed === null) {
        await db.transaction().execute(async (tx) => {
          const drawn = drawSample(items.map((i) => i.seasonId), seed);
          const now = clock.now();
          const done = await tx.updateTable('submissions').set({ sampleSeed: seed, sampleRule: SAMPLE_RULE, sampledBy: actor.userId, sampledAt: now }).where('id', '=', s.id).where('sampleSeed', 'is', null).executeTakeFirst();
          if (Number(done.numUpdatedRows) !== 1) return; // drawn meanwhile by someone else: theirs stands
          await tx.insertInto('verificationSamples').values(drawn.map((seasonId, position) => ({ submissionId: s.id, seasonId, position }))).execute();
          await appendAudit(tx, now, { actor: actor.userId, action: 'submission.sampled', entity: 'submission', entityId: s.id, provinceCode: s.provinceCode, payload: { seed, rule: SAMPLE_RULE, population: items.length, seasonIds: drawn } });
        });
      }
      return detail(actor, (await findSubmission(db, actor, id))!);
    },

    async recordFinding(actor: Actor, id: string, body: FindingBody) {
      const s = await load(db, actor, id);
      assertCan(actor, 'submissions:verify');
      if (s.supersededBy || s.state !== 'reviewed') throw new DomainError('conflict', message('verification.findingsWhenReviewed', { state: word(s.state) }));
      const sample = await sampleOf(db, s.id);
      if (!sample.some((x) => x.seasonId === body.seasonId)) throw invalidInput([fieldError('seasonId', message('verification.notInSample'))]);
      await db.transaction().execute(async (tx) => {
        const now = clock.now();
        await upsertFinding(tx, { submissionId: s.id, seasonId: body.seasonId, outcome: body.outcome, note: body.note, recordedBy: actor.userId, recordedAt: now });
        await appendAudit(tx, now, { actor: actor.userId, action: 'finding.recorded', entity: 'submission', entityId: s.id, provinceCode: s.provinceCode, payload: { seasonId: body.seasonId, outcome: body.outcome, note: body.note } });
      });
      return detail(actor, (await findSubmission(db, actor, id))!);
    },

    /** The evidence pack of one plot-season of the submission: diary, photos with positions, readings, facts, the run. */
    async evidence(actor: Actor, id: string, seasonId: string) {
      const s = await load(db, actor, id);
      const item = (await itemsOf(db, s.id)).find((i) => i.seasonId === seasonId);
      if (!item) throw notFound('Plot-season in this submission', seasonId);
      const [season, runRows, findings] = await Promise.all([
        diary.getSeason(actor, seasonId),
        item.runId ? runsByIds(db, [{ id: item.runId, provinceCode: item.provinceCode }]) : Promise.resolve([]),
        findingsOf(db, s.id),
      ]);
      const finding = findings.find((f) => f.seasonId === seasonId);
      return { ...season, run: runRows[0] ? presentRun(runRows[0]) : null, finding: finding ? { ...finding, recordedAt: iso(finding.recordedAt)! } : null };
    },
  };
}
export type VerificationService = ReturnType<typeof createVerificationService>;
