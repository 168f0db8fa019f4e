/**
 * Credits (capability 6). Verified reductions of a project's monitoring period are issued as one
 * serial range per submission, project and vintage:
 *
 *   quantity = floor( Σ net ER of the submission's plot-seasons )   (t CO2e; one unit = 1 t)
 *
 * where each plot-season's net ER is the crediting calculation of its pinned run (packages/methodology
 * calculateCrediting: VM0051 QA3 subset, uncertainty deduction and PE_Red-Irri included). Rounding
 * down happens once, at the issuance: rounding each plot down first would lose up to a tonne per
 * plot. Vintage = the year the monitoring period ends.
 *
 * No double counting, enforced by the database under concurrency:
 * - a plot-season is credited at most once per monitoring period (credited_seasons primary key: a
 *   second, concurrent issuance waits for the first and then fails on it → 409);
 * - serials come from one counter row per project and vintage, updated atomically (never twice);
 * - moving or retiring units locks their blocks (FOR UPDATE) and only 'active' blocks qualify, so a
 *   concurrent second retirement of the same units finds none left → 409;
 * - balances are sums of live blocks, which partition what was issued (tests check the sums).
 */
import type { CreateAccountBody, IssueCreditsBody, MovementResponse, RegistryAcknowledgementBody, RegistryExport, RetireBody, TransferBody } from '@dongxanh/contracts';
import type { Database, Executor } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, fieldError, forbidden, invalidInput, notFound, type ErrorText } from '../../shared/errors.ts';
import { message, word } from '../../shared/messages.ts';
import { appendAudit } from '../audit/index.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { listProjects } from '../mrv-runs/index.ts';
import { findSubmission, itemsOf } from '../verification/index.ts';
import { accountOfOrganisation, allocateSerials, balancesOf, listAccounts, lockActiveBlocks, movementsOfProject } from './credits.repository.ts';
import { registryCsv } from './registry-export.ts';
import { remaindersOf, selectSerials, serialRange, type Take } from './serials.ts';

export type CreditsDeps = { db: Database; clock: Clock };

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const UNIQUE_VIOLATION = '23505';
const isUniqueViolation = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === UNIQUE_VIOLATION;

export function createCreditsService({ db, clock }: CreditsDeps) {
  async function projectFor(actor: Actor, projectId: string) {
    const [project] = await listProjects(db, actor, [projectId]);
    if (!project) throw notFound('Project', projectId);
    return project;
  }

  async function accountFor(tx: Executor, actor: Actor, accountId: string, field: string) {
    const [account] = await listAccounts(tx, actor, [accountId]);
    if (!account) throw invalidInput([fieldError(field, message('credits.noAccountVisible', { id: accountId }))]);
    return account;
  }

  function assertHolder(actor: Actor, account: { organisationId: string }) {
    if (actor.role !== 'admin' && account.organisationId !== actor.organisationId) throw forbidden('move units of another organisation\'s account');
  }

  /** Takes serials out of their blocks: the taken part becomes a new block (`status`, `accountId`), the rest stays. */
  async function carve(tx: Executor, takes: readonly Take[], blockMeta: ReadonlyMap<string, string>, to: { accountId: string; status: 'active' | 'retired' }, fromAccountId: string, project: { id: string }, vintage: number) {
    const carved: Array<{ id: string; start: number; end: number }> = [];
    for (const take of takes) {
      const issuanceId = blockMeta.get(take.block.id)!;
      const parent = await tx.updateTable('creditBlocks').set({ status: 'split' }).where('id', '=', take.block.id).where('status', '=', 'active').executeTakeFirst();
      if (Number(parent.numUpdatedRows) !== 1) throw new DomainError('conflict', message('credits.unitsChanged'));
      const rest = remaindersOf(take).map((r) => ({ issuanceId, projectId: project.id, vintage, accountId: fromAccountId, serialStart: r.start, serialEnd: r.end, status: 'active' as const, parentBlockId: take.block.id }));
      if (rest.length) await tx.insertInto('creditBlocks').values(rest).execute();
      const moved = await tx
        .insertInto('creditBlocks')
        .values({ issuanceId, projectId: project.id, vintage, accountId: to.accountId, serialStart: take.start, serialEnd: take.end, status: to.status, parentBlockId: take.block.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      carved.push({ id: moved.id, start: take.start, end: take.end });
    }
    return carved;
  }

  async function select(tx: Executor, accountId: string, body: { projectId: string; vintage: number; quantity: number; serialStart?: number | undefined }) {
    const blocks = await lockActiveBlocks(tx, accountId, body.projectId, body.vintage);
    const selection = selectSerials(blocks, body.quantity, body.serialStart);
    if (!selection.ok) {
      throw new DomainError('conflict', body.serialStart === undefined
        ? message('credits.notEnoughUnits', { available: selection.available, quantity: body.quantity, vintage: String(body.vintage) })
        : message('credits.serialsNotActive', { from: String(body.serialStart), to: String(body.serialStart + body.quantity - 1) }), { available: selection.available });
    }
    return { takes: selection.takes, meta: new Map(blocks.map((b) => [b.id, b.issuanceId])) };
  }

  async function withUniqueAsConflict<T>(run: () => Promise<T>, refusal: ErrorText): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError('conflict', refusal);
      throw err;
    }
  }

  return {
    async listAccounts(actor: Actor) {
      assertCan(actor, 'registry:read');
      const accounts = await listAccounts(db, actor);
      const balances = await balancesOf(db, accounts.map((a) => a.id));
      return {
        items: accounts.map((a) => ({
          id: a.id, organisationId: a.organisationId, organisationName: a.organisationName, name: a.name,
          balances: balances.filter((b) => b.accountId === a.id).map((b) => ({ projectId: b.projectId, projectCode: b.projectCode, vintage: b.vintage, active: Number(b.active), retired: Number(b.retired) })),
        })),
      };
    },

    async createAccount(actor: Actor, body: CreateAccountBody) {
      assertCan(actor, 'credits:trade');
      if (actor.role !== 'admin' && actor.role !== 'province_officer' && body.organisationId !== actor.organisationId) throw forbidden('open an account for another organisation');
      const org = await db.selectFrom('organisations').select(['id', 'provinceCode']).where('id', '=', body.organisationId).executeTakeFirst();
      if (!org) throw invalidInput([fieldError('organisationId', message('credits.noOrganisation', { id: body.organisationId }))]);
      if (actor.role === 'province_officer' && org.provinceCode !== actor.adminUnitCode) throw forbidden('open accounts outside your province');
      const { id } = await db.insertInto('creditAccounts').values({ organisationId: org.id, name: body.name, provinceCode: org.provinceCode, createdBy: actor.userId }).returning('id').executeTakeFirstOrThrow();
      return (await this.listAccounts(actor)).items.find((a) => a.id === id) ?? { id, organisationId: org.id, organisationName: '', name: body.name, balances: [] };
    },

    async issue(actor: Actor, body: IssueCreditsBody) {
      assertCan(actor, 'registry:read');
      const s = await findSubmission(db, actor, body.submissionId);
      if (!s) throw notFound('Submission', body.submissionId);
      assertCan(actor, 'credits:issue');
      if (s.state !== 'verified' || s.supersededBy) throw new DomainError('conflict', message('credits.onlyLatestVerified', { state: word(s.supersededBy ? 'superseded' : s.state) }));
      if (!s.projectId) throw new DomainError('rule_violated', message('credits.noProject'));
      const project = await projectFor(actor, s.projectId);
      const items = await itemsOf(db, s.id);
      const notCrediting = items.filter((i) => i.runKind !== 'crediting' || i.netErTco2e === null);
      if (notCrediting.length) throw new DomainError('rule_violated', message('credits.noCreditingRun', { plots: { list: notCrediting.map((i) => i.plotCode), separator: ', ' } }));
      const netEr = items.reduce((n, i) => n + i.netErTco2e!, 0);
      const quantity = Math.floor(netEr);
      if (quantity < 1) throw new DomainError('rule_violated', message('credits.lessThanOneUnit', { netEr: { number: netEr, minDigits: 3, maxDigits: 3 } }));
      const vintage = Number(s.periodEnd.slice(0, 4));
      const alreadyCredited = message('credits.alreadyCredited');
      const issued = await withUniqueAsConflict(() => db.transaction().execute(async (tx) => {
        const now = clock.now();
        const taken = await tx.selectFrom('creditedSeasons').select('seasonId').where('seasonId', 'in', items.map((i) => i.seasonId)).where('periodStart', '=', s.periodStart).where('periodEnd', '=', s.periodEnd).execute();
        if (taken.length) throw new DomainError('conflict', alreadyCredited);
        const holder = (await accountOfOrganisation(tx, s.organisationId)) ?? (await tx
          .insertInto('creditAccounts')
          .values({ organisationId: s.organisationId, name: `Tài khoản ${s.organisationName}`, provinceCode: s.provinceCode, createdBy: actor.userId })
          .returning(['id', 'name'])
          .executeTakeFirstOrThrow());
        const serials = await allocateSerials(tx, project.id, vintage, quantity);
        const issuance = await tx
          .insertInto('creditIssuances')
          .values({
            projectId: project.id, vintage, submissionId: s.id, accountId: holder.id, serialStart: serials.start, serialEnd: serials.end, quantity, netErTco2e: netEr,
            methodology: project.methodology, verifierOrganisationId: s.verifierOrganisationId, verifiedBy: s.verifiedBy, createdBy: actor.userId, createdAt: now,
          })
          .returning(['id', 'createdAt'])
          .executeTakeFirstOrThrow();
        // Credited seasons first: a concurrent issuance of the same seasons stops here (primary key).
        await tx.insertInto('creditedSeasons').values(items.map((i) => ({ seasonId: i.seasonId, periodStart: s.periodStart, periodEnd: s.periodEnd, issuanceId: issuance.id, netErTco2e: i.netErTco2e! }))).execute();
        await tx.insertInto('creditBlocks').values({ issuanceId: issuance.id, projectId: project.id, vintage, accountId: holder.id, serialStart: serials.start, serialEnd: serials.end, status: 'active', parentBlockId: null }).execute();
        const range = serialRange(project.code, vintage, serials.start, serials.end);
        await appendAudit(tx, now, { actor: actor.userId, action: 'credits.issued', entity: 'credit_issuance', entityId: issuance.id, provinceCode: s.provinceCode, payload: { submissionId: s.id, projectCode: project.code, vintage, serialRange: range, quantity, netErTco2e: netEr, accountId: holder.id } });
        return { id: issuance.id, createdAt: issuance.createdAt, accountId: holder.id, serials, range };
      }), alreadyCredited);
      return {
        id: issued.id, projectId: project.id, projectCode: project.code, vintage, submissionId: s.id, accountId: issued.accountId, serialStart: issued.serials.start, serialEnd: issued.serials.end,
        serialRange: issued.range, quantity, netErTCo2e: netEr, plotSeasons: items.length, methodology: project.methodology, createdAt: iso(issued.createdAt)!,
      };
    },

    async transfer(actor: Actor, body: TransferBody): Promise<{ movements: MovementResponse[] }> {
      assertCan(actor, 'credits:trade');
      if (body.fromAccountId === body.toAccountId) throw invalidInput([fieldError('toAccountId', message('credits.transferElsewhere'))]);
      const project = await projectFor(actor, body.projectId).catch(() => db.selectFrom('mrvProjects').select(['id', 'code']).where('id', '=', body.projectId).executeTakeFirst());
      if (!project) throw invalidInput([fieldError('projectId', message('credits.noProjectId', { id: body.projectId }))]);
      return db.transaction().execute(async (tx) => {
        const from = await accountFor(tx, actor, body.fromAccountId, 'fromAccountId');
        assertHolder(actor, from);
        const to = await tx.selectFrom('creditAccounts').select(['id', 'name']).where('id', '=', body.toAccountId).executeTakeFirst();
        if (!to) throw invalidInput([fieldError('toAccountId', message('credits.noAccount', { id: body.toAccountId }))]);
        const { takes, meta } = await select(tx, from.id, body);
        const carved = await carve(tx, takes, meta, { accountId: to.id, status: 'active' }, from.id, project, body.vintage);
        const now = clock.now();
        const movements: MovementResponse[] = [];
        for (const c of carved) {
          const t = await tx.insertInto('creditTransfers').values({ projectId: project.id, vintage: body.vintage, fromAccountId: from.id, toAccountId: to.id, serialStart: c.start, serialEnd: c.end, quantity: c.end - c.start + 1, createdBy: actor.userId, createdAt: now }).returning('id').executeTakeFirstOrThrow();
          const range = serialRange(project.code, body.vintage, c.start, c.end);
          await appendAudit(tx, now, { actor: actor.userId, action: 'credits.transferred', entity: 'credit_transfer', entityId: t.id, provinceCode: from.provinceCode, payload: { serialRange: range, quantity: c.end - c.start + 1, from: from.id, to: to.id } });
          movements.push({ kind: 'transfer', id: t.id, projectCode: project.code, vintage: body.vintage, serialRange: range, quantity: c.end - c.start + 1, fromAccountId: from.id, toAccountId: to.id, beneficiary: null, reason: null, registryStatus: null, at: now.toISOString() });
        }
        return { movements };
      });
    },

    async retire(actor: Actor, body: RetireBody): Promise<{ movements: MovementResponse[] }> {
      assertCan(actor, 'credits:trade');
      const project = await projectFor(actor, body.projectId).catch(() => db.selectFrom('mrvProjects').select(['id', 'code']).where('id', '=', body.projectId).executeTakeFirst());
      if (!project) throw invalidInput([fieldError('projectId', message('credits.noProjectId', { id: body.projectId }))]);
      return withUniqueAsConflict(() => db.transaction().execute(async (tx) => {
        const account = await accountFor(tx, actor, body.accountId, 'accountId');
        assertHolder(actor, account);
        const { takes, meta } = await select(tx, account.id, body);
        const carved = await carve(tx, takes, meta, { accountId: account.id, status: 'retired' }, account.id, project, body.vintage);
        const now = clock.now();
        const movements: MovementResponse[] = [];
        for (const c of carved) {
          const r = await tx.insertInto('creditRetirements').values({ projectId: project.id, vintage: body.vintage, accountId: account.id, blockId: c.id, serialStart: c.start, serialEnd: c.end, quantity: c.end - c.start + 1, beneficiary: body.beneficiary, reason: body.reason, createdBy: actor.userId, createdAt: now }).returning('id').executeTakeFirstOrThrow();
          const range = serialRange(project.code, body.vintage, c.start, c.end);
          await appendAudit(tx, now, { actor: actor.userId, action: 'credits.retired', entity: 'credit_retirement', entityId: r.id, provinceCode: account.provinceCode, payload: { serialRange: range, quantity: c.end - c.start + 1, account: account.id, beneficiary: body.beneficiary, reason: body.reason } });
          movements.push({ kind: 'retirement', id: r.id, projectCode: project.code, vintage: body.vintage, serialRange: range, quantity: c.end - c.start + 1, fromAccountId: account.id, toAccountId: null, beneficiary: body.beneficiary, reason: body.reason, registryStatus: null, at: now.toISOString() });
        }
        return { movements };
      }), 'These units were retired meanwhile');
    },

    async projectCredits(actor: Actor, projectId: string) {
      assertCan(actor, 'registry:read');
      const project = await projectFor(actor, projectId);
      const m = await movementsOfProject(db, project.id);
      const movements: MovementResponse[] = [
        ...m.issuances.map((i) => ({ kind: 'issuance' as const, id: i.id, projectCode: project.code, vintage: i.vintage, serialRange: serialRange(project.code, i.vintage, i.serialStart, i.serialEnd), quantity: Number(i.quantity), fromAccountId: null, toAccountId: i.accountId, beneficiary: null, reason: null, registryStatus: i.registryStatus, at: iso(i.createdAt)! })),
        ...m.transfers.map((t) => ({ kind: 'transfer' as const, id: t.id, projectCode: project.code, vintage: t.vintage, serialRange: serialRange(project.code, t.vintage, t.serialStart, t.serialEnd), quantity: Number(t.quantity), fromAccountId: t.fromAccountId, toAccountId: t.toAccountId, beneficiary: null, reason: null, registryStatus: t.registryStatus, at: iso(t.createdAt)! })),
        ...m.retirements.map((r) => ({ kind: 'retirement' as const, id: r.id, projectCode: project.code, vintage: r.vintage, serialRange: serialRange(project.code, r.vintage, r.serialStart, r.serialEnd), quantity: Number(r.quantity), fromAccountId: r.accountId, toAccountId: null, beneficiary: r.beneficiary, reason: r.reason, registryStatus: r.registryStatus, at: iso(r.createdAt)! })),
      ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      const issued = m.issuances.reduce((n, i) => n + Number(i.quantity), 0);
      const retired = m.retirements.reduce((n, r) => n + Number(r.quantity), 0);
      return { projectId: project.id, projectCode: project.code, issued, active: issued - retired, retired, movements };
    },

    async registryExport(actor: Actor, projectId: string): Promise<RegistryExport> {
      assertCan(actor, 'registry:read');
      const project = await projectFor(actor, projectId);
      const m = await movementsOfProject(db, project.id);
      const base = { project_code: project.code, project_name: project.name, methodology: project.methodology };
      const range = (v: number, a: number, b: number) => ({ vintage: v, serial_range: serialRange(project.code, v, a, b), serial_start: Number(a), serial_end: Number(b), quantity: Number(b) - Number(a) + 1 });
      const records: RegistryExport['records'] = [
        ...m.issuances.map((i) => ({ record_kind: 'issuance' as const, record_id: i.id, ...base, ...range(i.vintage, i.serialStart, i.serialEnd), from_account: null, to_account: i.accountName, beneficiary: null, reason: null, verifier: i.verifierName ?? null, verified_on: i.verifiedAt ? iso(i.verifiedAt)!.slice(0, 10) : null, occurred_at: iso(i.createdAt)! })),
        ...m.transfers.map((t) => ({ record_kind: 'transfer' as const, record_id: t.id, ...base, ...range(t.vintage, t.serialStart, t.serialEnd), from_account: t.fromName, to_account: t.toName, beneficiary: null, reason: null, verifier: null, verified_on: null, occurred_at: iso(t.createdAt)! })),
        ...m.retirements.map((r) => ({ record_kind: 'retirement' as const, record_id: r.id, ...base, ...range(r.vintage, r.serialStart, r.serialEnd), from_account: r.accountName, to_account: null, beneficiary: r.beneficiary, reason: r.reason, verifier: null, verified_on: null, occurred_at: iso(r.createdAt)! })),
      ].sort((a, b) => (a.occurred_at < b.occurred_at ? -1 : a.occurred_at > b.occurred_at ? 1 : a.record_kind.localeCompare(b.record_kind)));
      return {
        format: 'dongxanh-registry-export/1', exported_at: clock.now().toISOString(),
        project: { code: project.code, name: project.name, province_code: project.provinceCode, methodology: project.methodology, gwp_set: project.gwpSet },
        records,
      };
    },

    registryCsv,

    async importAcknowledgement(actor: Actor, body: RegistryAcknowledgementBody) {
      assertCan(actor, 'credits:issue');
      const projectRow = await db.selectFrom('mrvProjects').select('id').where('code', '=', body.project_code).executeTakeFirst();
      const project = projectRow ? await projectFor(actor, projectRow.id).catch(() => null) : null;
      if (!project) throw invalidInput([fieldError('project_code', message('credits.noProjectVisible', { code: body.project_code }))]);
      const exported = await this.registryExport(actor, project.id);
      const byId = new Map(exported.records.map((r) => [r.record_id, r]));
      const errors = body.records.flatMap((r, i) => {
        const ours = byId.get(r.record_id);
        if (!ours) return [fieldError(`records[${i}].record_id`, message('credits.noMovement', { id: r.record_id, project: project.code }))];
        if (ours.serial_range !== r.serial_range) return [fieldError(`records[${i}].serial_range`, message('credits.rangeMismatch', { id: r.record_id, ours: ours.serial_range, theirs: r.serial_range }))];
        return [];
      });
      if (errors.length) throw invalidInput(errors, message('credits.ackMismatch'));
      const acknowledgedAt = new Date(body.acknowledged_at);
      await db.transaction().execute(async (tx) => {
        await tx.insertInto('registryAcknowledgements').values(body.records.map((r) => ({
          projectId: project.id, recordKind: byId.get(r.record_id)!.record_kind, recordId: r.record_id, serialRange: r.serial_range, status: r.status,
          registryReference: r.registry_reference ?? null, message: r.message ?? null, acknowledgedAt, importedBy: actor.userId,
        }))).execute();
        await appendAudit(tx, clock.now(), { actor: actor.userId, action: 'credits.registry_acknowledged', entity: 'mrv_project', entityId: project.id, provinceCode: project.provinceCode, payload: { acknowledgedAt: acknowledgedAt.toISOString(), records: body.records.map((r) => ({ id: r.record_id, status: r.status })) } });
      });
      const count = (s: string) => body.records.filter((r) => r.status === s).length;
      return { imported: body.records.length, accepted: count('accepted'), rejected: count('rejected'), pending: count('pending') };
    },
  };
}
export type CreditsService = ReturnType<typeof createCreditsService>;
