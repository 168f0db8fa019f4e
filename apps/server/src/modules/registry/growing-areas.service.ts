/**
 * Growing areas (vùng trồng): a set of plots with a crop and the standard applied, the application
 * workflow (draft → submitted → approved, then suspended or revoked by the province), and the codes
 * issued for the area, each with its own status history (vn-standards.md §1.4). A code is recorded
 * only when the area meets the enforced rules of growing-area-rules.ts, evaluated on PostGIS areas.
 */
import { sql } from 'kysely';
import type { AddGrowingAreaCodeBody, CreateGrowingAreaBody, GrowingAreaDetail, GrowingAreaResponse } from '@dongxanh/contracts';
import type { Executor } from '../../db/database.ts';
import type { GrowingAreaCodeStatus, GrowingAreaStatus } from '../../db/schema.ts';
import { DomainError, fieldError, forbidden, notFound } from '../../shared/errors.ts';
import { message, word } from '../../shared/messages.ts';
import { assertCan, can, type Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';
import { blockingRule, classifyCrop, evaluateMinimumArea } from './growing-area-rules.ts';
import { assertWritableScope, ruleViolated } from './registry-scope.ts';
import type { RegistryDeps } from './registry.service.ts';

/** The application workflow: the co-op submits, only the province approves, suspends or revokes. */
const areaTransitions: Record<GrowingAreaStatus, GrowingAreaStatus[]> = {
  draft: ['submitted'],
  submitted: ['approved', 'draft'],
  approved: ['suspended', 'revoked'],
  suspended: ['approved', 'revoked'],
  revoked: [],
};

/**
 * A code in force may be suspended and reinstated; revocation is final, and a new code is recorded
 * instead (vn-standards.md §1.2–1.3: areas that stop meeting requirements have their codes revoked).
 */
const codeTransitions: Record<GrowingAreaCodeStatus, GrowingAreaCodeStatus[]> = {
  active: ['suspended', 'revoked'],
  suspended: ['active', 'revoked'],
  revoked: [],
};

/** Issue dates are calendar dates in Vietnam (UTC+7), whatever the server's time zone. */
const vietnamDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

/** Area of the union of the plots on geography, so an overlap accepted by override counts once. */
const unionAreaHa = (growingAreaId: ReturnType<typeof sql.ref>) =>
  sql<number>`(select coalesce(ST_Area(ST_Union(p.boundary)::geography) / 10000, 0) from growing_area_plots gp join plots p on p.id = gp.plot_id where gp.growing_area_id = ${growingAreaId})`;
const codeInForce = (kind: 'domestic' | 'export') =>
  sql<string | null>`(select c.code from growing_area_codes c where c.growing_area_id = g.id and c.kind = ${kind} and c.status <> 'revoked' order by c.issued_on desc, c.created_at desc limit 1)`;

function areaSelection(db: Executor, actor: Actor) {
  return db
    .selectFrom('growingAreas as g')
    .where(visibleTo(actor, 'g', null))
    .select(['g.id', 'g.name', 'g.crop', 'g.standard', 'g.status', 'g.organisationId', 'g.provinceCode', 'g.communeCode', 'g.createdAt', 'g.createdBy'])
    .select(sql<number>`(select count(*) from growing_area_plots gp where gp.growing_area_id = g.id)`.as('plotCount'))
    .select(unionAreaHa(sql.ref('g.id')).as('areaHa'))
    .select(codeInForce('domestic').as('domesticCode'))
    .select(codeInForce('export').as('exportCode'));
}

async function statusHistories(db: Executor, areaIds: string[]) {
  if (areaIds.length === 0) return [];
  return db.selectFrom('growingAreaStatusHistory').selectAll().where('growingAreaId', 'in', areaIds).orderBy('id').execute();
}

/** The rules of growing-area-rules.ts for this area: its PostGIS area and its crop's cycle. */
async function rulesOf(db: Executor, growingAreaId: string, crop: string) {
  const { areaHa } = await db.selectNoFrom(unionAreaHa(sql.val(growingAreaId)).as('areaHa')).executeTakeFirstOrThrow();
  const landUses = await db
    .selectFrom('growingAreaPlots as gp')
    .innerJoin('plots as p', 'p.id', 'gp.plotId')
    .where('gp.growingAreaId', '=', growingAreaId)
    .select('p.landUse')
    .distinct()
    .execute();
  return evaluateMinimumArea(Number(areaHa), classifyCrop(crop, landUses.map((l) => l.landUse)));
}

export function createGrowingAreasService({ db, clock }: RegistryDeps) {
  async function findWritableArea(tx: Executor, actor: Actor, id: string) {
    const area = await tx.selectFrom('growingAreas as g').select(['g.id', 'g.status', 'g.crop']).where('g.id', '=', id).where(visibleTo(actor, 'g', null)).forUpdate().executeTakeFirst();
    if (!area) throw notFound('Growing area', id);
    return area;
  }

  return {
    async listGrowingAreas(actor: Actor): Promise<GrowingAreaResponse[]> {
      assertCan(actor, 'registry:read');
      const areas = await areaSelection(db, actor).orderBy('g.name').orderBy('g.id').execute();
      const history = await statusHistories(db, areas.map((a) => a.id));
      return areas.map(({ createdAt: _c, createdBy: _b, ...a }) => ({
        ...a,
        areaHa: Number(a.areaHa),
        history: history.filter((h) => h.growingAreaId === a.id).map((h) => ({ status: h.status, reason: h.reason, changedAt: h.changedAt.toISOString(), changedBy: h.changedBy })),
      }));
    },

    async getGrowingArea(actor: Actor, id: string): Promise<GrowingAreaDetail> {
      assertCan(actor, 'registry:read');
      const area = await areaSelection(db, actor)
        .innerJoin('adminUnits as c', 'c.code', 'g.communeCode')
        .select('c.name as communeName')
        .where('g.id', '=', id)
        .executeTakeFirst();
      if (!area) throw notFound('Growing area', id);
      const plots = await db
        .selectFrom('growingAreaPlots as gp')
        .innerJoin('plots as p', 'p.id', 'gp.plotId')
        .where('gp.growingAreaId', '=', id)
        .where(visibleTo(actor, 'p'))
        .select(['p.id', 'p.code', 'p.name', 'p.areaHa', 'p.landUse'])
        .orderBy('p.code')
        .execute();
      const codes = await db
        .selectFrom('growingAreaCodes')
        .where('growingAreaId', '=', id)
        .select(['id', 'kind', 'code', 'scheme', 'market', 'issuer', 'issuedOn', 'status', 'createdAt', 'createdBy'])
        .orderBy('createdAt')
        .orderBy('id')
        .execute();
      const codeHistory = codes.length
        ? await db.selectFrom('growingAreaCodeHistory').selectAll().where('codeId', 'in', codes.map((c) => c.id)).orderBy('id').execute()
        : [];
      const history = await statusHistories(db, [id]);
      const rules = await rulesOf(db, id, area.crop);
      return {
        ...area,
        areaHa: Number(area.areaHa),
        createdAt: area.createdAt.toISOString(),
        history: history.map((h) => ({ status: h.status, reason: h.reason, changedAt: h.changedAt.toISOString(), changedBy: h.changedBy })),
        plots: plots.map((p) => ({ ...p, areaHa: Number(p.areaHa) })),
        codes: codes.map((c) => ({
          ...c,
          createdAt: c.createdAt.toISOString(),
          history: codeHistory.filter((h) => h.codeId === c.id).map((h) => ({ status: h.status, reason: h.reason, changedAt: h.changedAt.toISOString(), changedBy: h.changedBy })),
        })),
        rules: rules.map(({ rule, passed, enforced, detail }) => ({ rule, passed, enforced, detail })),
      };
    },

    async createGrowingArea(actor: Actor, body: CreateGrowingAreaBody) {
      assertCan(actor, 'growing-areas:edit');
      const plotIds = [...new Set(body.plotIds)];
      return db.transaction().execute(async (tx) => {
        const plots = await tx
          .selectFrom('plots as p')
          .select(['p.id', 'p.organisationId', 'p.provinceCode', 'p.communeCode'])
          .where('p.id', 'in', plotIds)
          .where(visibleTo(actor, 'p'))
          .orderBy('p.code')
          .execute();
        const missing = plotIds.filter((id) => !plots.some((p) => p.id === id));
        if (missing.length) throw notFound('Plot', missing.join(', '));
        const first = plots[0]!;
        // The province code partitions the registry tables; an area spanning provinces has no home.
        if (plots.some((p) => p.provinceCode !== first.provinceCode)) throw ruleViolated('plotIds', message('registry.areaOneProvince'));
        assertWritableScope(actor, { provinceCode: first.provinceCode, communeCode: first.communeCode, organisationId: first.organisationId });
        const now = clock.now();
        const { id } = await tx
          .insertInto('growingAreas')
          .values({ name: body.name, crop: body.crop, standard: body.standard, organisationId: first.organisationId, provinceCode: first.provinceCode, communeCode: first.communeCode, createdBy: actor.userId, createdAt: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx.insertInto('growingAreaPlots').values(plotIds.map((plotId) => ({ growingAreaId: id, plotId }))).execute();
        await tx.insertInto('growingAreaStatusHistory').values({ growingAreaId: id, status: 'draft', reason: null, changedBy: actor.userId, changedAt: now }).execute();
        return { id };
      });
    },

    async changeGrowingAreaStatus(actor: Actor, id: string, status: GrowingAreaStatus, reason: string | undefined) {
      return db.transaction().execute(async (tx) => {
        const area = await findWritableArea(tx, actor, id);
        assertCan(actor, status === 'submitted' || status === 'draft' ? 'growing-areas:edit' : 'growing-areas:approve');
        if (!areaTransitions[area.status].includes(status)) throw new DomainError('conflict', message('registry.areaTransition', { from: word(area.status), to: word(status) }));
        if ((status === 'suspended' || status === 'revoked') && !reason) throw ruleViolated('reason', message('registry.reasonToSuspend'));
        const now = clock.now();
        await tx.updateTable('growingAreas').set({ status, updatedBy: actor.userId, updatedAt: now }).where('id', '=', id).execute();
        await tx.insertInto('growingAreaStatusHistory').values({ growingAreaId: id, status, reason: reason ?? null, changedBy: actor.userId, changedAt: now }).execute();
      });
    },

    /**
     * Records a code as issued. The co-op may transcribe the code it holds (growing-areas:edit) and
     * the province records the codes it issues (growing-areas:approve); only the province changes a
     * code's status.
     */
    async addGrowingAreaCode(actor: Actor, id: string, body: AddGrowingAreaCodeBody) {
      return db.transaction().execute(async (tx) => {
        const area = await findWritableArea(tx, actor, id);
        if (!can(actor, 'growing-areas:edit') && !can(actor, 'growing-areas:approve')) throw forbidden('record growing-area codes');
        if (area.status === 'revoked') throw new DomainError('conflict', message('registry.areaRevoked'));
        const now = clock.now();
        if (body.issuedOn > vietnamDate.format(now)) throw ruleViolated('issuedOn', message('registry.issuedInFuture', { date: { date: body.issuedOn } }));
        const failing = blockingRule(await rulesOf(tx, id, area.crop), body.kind);
        if (failing) {
          throw new DomainError('rule_violated', message('registry.codeRuleFails', { kind: word(body.kind), rule: failing.rule, detail: failing.detail }), {
            rule: failing.rule,
            errors: [{ path: 'kind', message: `rule ${failing.rule}: ${failing.detail}` }],
          });
        }
        const taken = await tx.selectFrom('growingAreaCodes').select('id').where('kind', '=', body.kind).where('code', '=', body.code).executeTakeFirst();
        if (taken) throw codeTaken(body.kind, body.code);
        if (body.kind === 'domestic') {
          const inForce = await tx.selectFrom('growingAreaCodes').select('code').where('growingAreaId', '=', id).where('kind', '=', 'domestic').where('status', '!=', 'revoked').executeTakeFirst();
          if (inForce) throw new DomainError('conflict', message('registry.domesticCodeInForce', { code: inForce.code }), { errors: [fieldError('kind', message('registry.oneDomesticCode'))] });
        }
        try {
          const { id: codeId } = await tx
            .insertInto('growingAreaCodes')
            .values({ growingAreaId: id, kind: body.kind, code: body.code, scheme: body.scheme, market: body.market ?? null, issuer: body.issuer, issuedOn: body.issuedOn, createdBy: actor.userId, createdAt: now, updatedBy: null, updatedAt: null })
            .returning('id')
            .executeTakeFirstOrThrow();
          await tx.insertInto('growingAreaCodeHistory').values({ codeId, status: 'active', reason: null, changedBy: actor.userId, changedAt: now }).execute();
          return { id: codeId };
        } catch (err) {
          if (isUniqueViolation(err)) throw codeTaken(body.kind, body.code);
          throw err;
        }
      });
    },

    async changeGrowingAreaCodeStatus(actor: Actor, id: string, codeId: string, status: GrowingAreaCodeStatus, reason: string | undefined) {
      return db.transaction().execute(async (tx) => {
        await findWritableArea(tx, actor, id);
        const code = await tx.selectFrom('growingAreaCodes').select(['id', 'code', 'status']).where('id', '=', codeId).where('growingAreaId', '=', id).forUpdate().executeTakeFirst();
        if (!code) throw notFound('Growing-area code', codeId);
        assertCan(actor, 'growing-areas:approve');
        if (code.status === status) throw new DomainError('conflict', message('registry.codeAlreadyStatus', { code: code.code, status: word(status) }));
        if (!codeTransitions[code.status].includes(status)) throw new DomainError('conflict', message('registry.codeRevokedFinal', { code: code.code }));
        if (status !== 'active' && !reason) throw ruleViolated('reason', message('registry.reasonToSuspendCode'));
        const now = clock.now();
        await tx.updateTable('growingAreaCodes').set({ status, updatedBy: actor.userId, updatedAt: now }).where('id', '=', codeId).execute();
        await tx.insertInto('growingAreaCodeHistory').values({ codeId, status, reason: reason ?? null, changedBy: actor.userId, changedAt: now }).execute();
      });
    },
  };
}

const codeTaken = (kind: string, code: string) =>
  new DomainError('conflict', message('registry.codeRecorded', { kind: word(kind), code }), { errors: [fieldError('code', message('registry.codeRecordedField', { kind: word(kind), code }))] });
