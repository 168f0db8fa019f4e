/**
 * The registry (capability 1): administrative units, organisations, households, plots with PostGIS
 * boundaries, growing areas with their codes and status history, and plot imports. It owns who may
 * register what where; it does not own seasons or diaries.
 */
import { sql } from 'kysely';
import type { Database, Executor } from '../../db/database.ts';
import type { GrowingAreaStatus, LandUse, OrganisationKind } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, notFound, type FieldError } from '../../shared/errors.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';
import { parseCsvPlots, parseGeoJsonPlots, type PlotCandidate, type Refusal } from './plot-import.ts';
import { findOverlaps, findPlot, geometryProblem, insertPlot, listPlots, plotsAsGeoJson, updatePlot, type PlotFilter } from './plots.repository.ts';

export type RegistryDeps = { db: Database; clock: Clock };

const ruleViolated = (path: string, message: string) => new DomainError('rule_violated', message, { errors: [{ path, message }] });

/** Growing-area status transitions (vn-standards.md §1): only a province officer approves. */
const growingAreaTransitions: Record<GrowingAreaStatus, GrowingAreaStatus[]> = {
  draft: ['submitted'],
  submitted: ['approved', 'draft'],
  approved: ['suspended', 'revoked'],
  suspended: ['approved', 'revoked'],
  revoked: [],
};

async function communeOf(db: Executor, code: string) {
  return db.selectFrom('adminUnits').select(['code', 'parentCode', 'name']).where('code', '=', code).where('level', '=', 'commune').executeTakeFirst();
}

/** May this actor place a record in this commune / organisation? Outside the scope reads as not found. */
function assertWritableScope(actor: Actor, target: { provinceCode: string; communeCode: string; organisationId: string | null; householdId?: string | null }) {
  const ok = (() => {
    switch (actor.role) {
      case 'admin':
        return true;
      case 'province_officer':
      case 'commune_officer':
      case 'verifier':
        return actor.adminUnitCode === target.provinceCode || actor.adminUnitCode === target.communeCode;
      case 'coop_manager':
      case 'coop_recorder':
      case 'enterprise':
        return actor.organisationId !== null && actor.organisationId === target.organisationId;
      case 'farmer':
        return actor.householdId !== null && actor.householdId === target.householdId;
    }
  })();
  if (!ok) throw new DomainError('not_found', 'The organisation, household or commune was not found in your scope');
}

export function createRegistryService({ db, clock }: RegistryDeps) {
  /** Where a new plot goes: its household's or organisation's commune unless one is given. */
  async function placePlot(tx: Executor, actor: Actor, c: { householdId?: string | null; organisationId?: string | null; communeCode?: string | null }) {
    let organisationId = c.organisationId ?? (actor.role.startsWith('coop_') ? actor.organisationId : null);
    let communeCode = c.communeCode ?? null;
    if (c.householdId) {
      const household = await tx.selectFrom('households as h').select(['h.id', 'h.organisationId', 'h.communeCode']).where('h.id', '=', c.householdId).where(visibleTo(actor, 'h', 'id')).executeTakeFirst();
      if (!household) throw notFound('Household', c.householdId);
      organisationId ??= household.organisationId;
      communeCode ??= household.communeCode;
    }
    if (!communeCode && organisationId) {
      const org = await tx.selectFrom('organisations').select('communeCode').where('id', '=', organisationId).executeTakeFirst();
      communeCode = org?.communeCode ?? null;
    }
    if (!communeCode) throw ruleViolated('communeCode', 'communeCode is required when neither the household nor the organisation has a commune');
    const commune = await communeOf(tx, communeCode);
    if (!commune?.parentCode) throw ruleViolated('communeCode', `Unknown commune code ${communeCode}`);
    const target = { provinceCode: commune.parentCode, communeCode, organisationId: organisationId ?? null, householdId: c.householdId ?? null };
    assertWritableScope(actor, target);
    return target;
  }

  async function registerCandidates(tx: Executor, actor: Actor, candidates: PlotCandidate[], defaults: { organisationId?: string | undefined }) {
    const refusals: Refusal[] = [];
    const ids: string[] = [];
    for (const c of candidates) {
      const geoJson = JSON.stringify(c.boundary);
      const problem = await geometryProblem(tx, geoJson);
      if (problem) {
        refusals.push({ row: c.row, field: 'geometry', message: `invalid polygon: ${problem}` });
        continue;
      }
      try {
        const target = await placePlot(tx, actor, { householdId: c.householdId, organisationId: defaults.organisationId ?? null, communeCode: c.communeCode });
        const exists = await tx.selectFrom('plots').select('id').where('provinceCode', '=', target.provinceCode).where('code', '=', c.code).executeTakeFirst();
        if (exists) {
          refusals.push({ row: c.row, field: 'code', message: `a plot with code ${c.code} already exists in this province` });
          continue;
        }
        const { id } = await insertPlot(tx, actor, { ...target, code: c.code, name: c.name, landUse: c.landUse, boundaryGeoJson: geoJson });
        ids.push(id);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        const field = (err.details?.errors as FieldError[] | undefined)?.[0]?.path ?? 'row';
        refusals.push({ row: c.row, field, message: err.message });
      }
    }
    return { ids, refusals };
  }

  return {
    async listAdminUnits(q: { level?: 'province' | 'commune' | undefined; parentCode?: string | undefined; q?: string | undefined; page: number; pageSize: number }) {
      let query = db.selectFrom('adminUnits').where('validTo', 'is', null);
      if (q.level) query = query.where('level', '=', q.level);
      if (q.parentCode) query = query.where('parentCode', '=', q.parentCode);
      if (q.q) query = query.where('name', 'ilike', `%${q.q}%`);
      const [items, count] = await Promise.all([
        query.select(['code', 'name', 'level', 'unitType', 'parentCode']).orderBy('code').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
        query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: count.n, page: q.page, pageSize: q.pageSize };
    },

    /** A 2025 code, or a pre-2025 commune code resolved through the official conversion table. */
    async resolveAdminUnit(code: string) {
      const padded = code.length <= 2 ? code.padStart(2, '0') : code.padStart(5, '0');
      const unit = await db.selectFrom('adminUnits').select(['code', 'name', 'level', 'unitType', 'parentCode']).where('code', '=', padded).executeTakeFirst();
      if (unit) return { ...unit, resolvedFrom: null };
      const old = await db
        .selectFrom('adminUnitPredecessors as p')
        .innerJoin('adminUnits as u', 'u.code', 'p.newCode')
        .select(['u.code', 'u.name', 'u.level', 'u.unitType', 'u.parentCode', 'p.oldCode', 'p.oldName', 'p.oldDistrictName', 'p.oldProvinceName'])
        .where('p.oldCode', '=', padded)
        .orderBy('u.code')
        .executeTakeFirst();
      if (!old) throw notFound('Administrative unit', code);
      const { oldCode, oldName, oldDistrictName, oldProvinceName, ...unit2025 } = old;
      return { ...unit2025, resolvedFrom: { oldCode, oldName, oldDistrictName, oldProvinceName } };
    },

    async listOrganisations(actor: Actor, page: number, pageSize: number) {
      assertCan(actor, 'registry:read');
      // Organisations are visible by their own id for members, by place for officers.
      const scope = actor.role === 'coop_manager' || actor.role === 'coop_recorder' || actor.role === 'enterprise'
        ? sql<boolean>`o.id = ${actor.organisationId}`
        : actor.role === 'farmer'
          ? sql<boolean>`o.id in (select organisation_id from households where id = ${actor.householdId})`
          : visibleTo(actor, 'o', null);
      const base = db.selectFrom('organisations as o').leftJoin('adminUnits as c', 'c.code', 'o.communeCode').where(scope);
      const [rows, count] = await Promise.all([
        base
          .select(['o.id', 'o.name', 'o.kind', 'o.provinceCode', 'o.communeCode', 'c.name as communeName'])
          .select(sql<number>`(select count(*) from households h where h.organisation_id = o.id)`.as('memberCount'))
          .select(sql<number>`(select count(*) from plots p where p.organisation_id = o.id)`.as('plotCount'))
          .orderBy('o.name')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows, total: count.n, page, pageSize };
    },

    async createOrganisation(actor: Actor, body: { name: string; kind: OrganisationKind; communeCode: string; taxCode?: string | undefined; gln?: string | undefined }) {
      assertCan(actor, 'organisations:edit');
      const commune = await communeOf(db, body.communeCode);
      if (!commune?.parentCode) throw ruleViolated('communeCode', `Unknown commune code ${body.communeCode}`);
      assertWritableScope(actor, { provinceCode: commune.parentCode, communeCode: commune.code, organisationId: null });
      return db
        .insertInto('organisations')
        .values({ name: body.name, kind: body.kind, provinceCode: commune.parentCode, communeCode: commune.code, taxCode: body.taxCode ?? null, gln: body.gln ?? null, createdBy: actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    async listHouseholds(actor: Actor, q: { organisationId?: string | undefined; page: number; pageSize: number }) {
      let base = db.selectFrom('households as h').innerJoin('adminUnits as c', 'c.code', 'h.communeCode').where(visibleTo(actor, 'h', 'id'));
      if (q.organisationId) base = base.where('h.organisationId', '=', q.organisationId);
      const [rows, count] = await Promise.all([
        base
          .select(['h.id', 'h.headName', 'h.phone', 'h.organisationId', 'h.communeCode', 'c.name as communeName'])
          .select(sql<number>`(select count(*) from plots p where p.household_id = h.id)`.as('plotCount'))
          .select(sql<number>`coalesce((select sum(area_ha) from plots p where p.household_id = h.id), 0)`.as('areaHa'))
          .orderBy('h.headName')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute(),
        base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows, total: count.n, page: q.page, pageSize: q.pageSize };
    },

    async createHousehold(actor: Actor, body: { headName: string; phone?: string | undefined; address?: string | undefined; organisationId?: string | undefined; communeCode: string }) {
      assertCan(actor, 'households:edit');
      const commune = await communeOf(db, body.communeCode);
      if (!commune?.parentCode) throw ruleViolated('communeCode', `Unknown commune code ${body.communeCode}`);
      const organisationId = body.organisationId ?? (actor.role.startsWith('coop_') ? actor.organisationId : null);
      assertWritableScope(actor, { provinceCode: commune.parentCode, communeCode: commune.code, organisationId });
      return db
        .insertInto('households')
        .values({ headName: body.headName, phone: body.phone ?? null, address: body.address ?? null, organisationId, provinceCode: commune.parentCode, communeCode: commune.code, createdBy: actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    async listPlots(actor: Actor, filter: PlotFilter, page: number, pageSize: number) {
      assertCan(actor, 'registry:read');
      const { rows, total } = await listPlots(db, actor, filter, page, pageSize);
      return { items: rows, total, page, pageSize };
    },

    plotsGeoJson: (actor: Actor, filter: PlotFilter, limit = 5000) => plotsAsGeoJson(db, actor, filter, limit),

    async getPlot(actor: Actor, id: string) {
      const plot = await findPlot(db, actor, id);
      if (!plot) throw notFound('Plot', id);
      return { ...plot, overlaps: await findOverlaps(db, actor, id) };
    },

    async registerPlot(actor: Actor, body: { code: string; name: string; householdId?: string | undefined; organisationId?: string | undefined; communeCode?: string | undefined; landUse: LandUse; boundary: unknown }) {
      assertCan(actor, 'plots:edit');
      return db.transaction().execute(async (tx) => {
        const geoJson = JSON.stringify(body.boundary);
        const problem = await geometryProblem(tx, geoJson);
        if (problem) throw ruleViolated('boundary', `The boundary is not a valid polygon: ${problem}`);
        const target = await placePlot(tx, actor, body);
        const duplicate = await tx.selectFrom('plots').select('id').where('provinceCode', '=', target.provinceCode).where('code', '=', body.code).executeTakeFirst();
        if (duplicate) throw new DomainError('conflict', `A plot with code ${body.code} already exists in this province`, { errors: [{ path: 'code', message: 'already used' }] });
        return insertPlot(tx, actor, { ...target, code: body.code, name: body.name, landUse: body.landUse, boundaryGeoJson: geoJson });
      });
    },

    async updatePlot(actor: Actor, id: string, body: { name?: string | undefined; landUse?: LandUse | undefined; boundary?: unknown }) {
      return db.transaction().execute(async (tx) => {
        const plot = await findPlot(tx, actor, id);
        if (!plot) throw notFound('Plot', id);
        assertCan(actor, 'plots:edit');
        const boundaryGeoJson = body.boundary === undefined ? undefined : JSON.stringify(body.boundary);
        if (boundaryGeoJson) {
          const problem = await geometryProblem(tx, boundaryGeoJson);
          if (problem) throw ruleViolated('boundary', `The boundary is not a valid polygon: ${problem}`);
        }
        await updatePlot(tx, actor, id, { name: body.name, landUse: body.landUse, boundaryGeoJson }, clock.now());
      });
    },

    /**
     * All-or-nothing per file: every row is checked (shape, geometry, scope, duplicates) inside one
     * transaction; if any row is refused the transaction rolls back and the refusals are returned.
     */
    async importPlots(actor: Actor, format: 'geojson' | 'csv', text: string, defaults: { organisationId?: string | undefined }) {
      assertCan(actor, 'plots:import');
      const parsed = format === 'geojson' ? parseGeoJsonPlots(text) : parseCsvPlots(text);
      if (parsed.refusals.length) throw importRefused(parsed.refusals);
      const codes = new Map<string, number>();
      const dupes: Refusal[] = [];
      for (const c of parsed.candidates) {
        const first = codes.get(c.code);
        if (first) dupes.push({ row: c.row, field: 'code', message: `code ${c.code} is used again (first on row ${first})` });
        else codes.set(c.code, c.row);
      }
      if (dupes.length) throw importRefused(dupes);
      if (parsed.candidates.length === 0) throw importRefused([{ row: 0, field: 'file', message: 'the file holds no plots' }]);
      return db.transaction().execute(async (tx) => {
        const { ids, refusals } = await registerCandidates(tx, actor, parsed.candidates, defaults);
        if (refusals.length) throw importRefused(refusals); // rolls the transaction back
        return { imported: ids.length, refused: [] as Refusal[] };
      });
    },

    async listGrowingAreas(actor: Actor) {
      const areas = await db
        .selectFrom('growingAreas as g')
        .where(visibleTo(actor, 'g', null))
        .select(['g.id', 'g.name', 'g.crop', 'g.domesticCode', 'g.exportCode', 'g.status', 'g.organisationId', 'g.communeCode'])
        .select(sql<number>`(select count(*) from growing_area_plots gp where gp.growing_area_id = g.id)`.as('plotCount'))
        .select(sql<number>`coalesce((select sum(p.area_ha) from growing_area_plots gp join plots p on p.id = gp.plot_id where gp.growing_area_id = g.id), 0)`.as('areaHa'))
        .orderBy('g.name')
        .execute();
      const history = areas.length
        ? await db.selectFrom('growingAreaStatusHistory').selectAll().where('growingAreaId', 'in', areas.map((a) => a.id)).orderBy('id').execute()
        : [];
      return areas.map((a) => ({
        ...a,
        history: history.filter((h) => h.growingAreaId === a.id).map((h) => ({ status: h.status, reason: h.reason, changedAt: h.changedAt.toISOString(), changedBy: h.changedBy })),
      }));
    },

    async createGrowingArea(actor: Actor, body: { name: string; crop: string; plotIds: string[]; domesticCode?: string | undefined; exportCode?: string | undefined }) {
      assertCan(actor, 'growing-areas:edit');
      return db.transaction().execute(async (tx) => {
        const plots = await tx.selectFrom('plots as p').select(['p.id', 'p.organisationId', 'p.provinceCode', 'p.communeCode']).where('p.id', 'in', body.plotIds).where(visibleTo(actor, 'p')).execute();
        const missing = body.plotIds.filter((id) => !plots.some((p) => p.id === id));
        if (missing.length) throw notFound('Plot', missing.join(', '));
        const first = plots[0]!;
        const { id } = await tx
          .insertInto('growingAreas')
          .values({ name: body.name, crop: body.crop, organisationId: first.organisationId, provinceCode: first.provinceCode, communeCode: first.communeCode, domesticCode: body.domesticCode ?? null, exportCode: body.exportCode ?? null, createdBy: actor.userId })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx.insertInto('growingAreaPlots').values(body.plotIds.map((plotId) => ({ growingAreaId: id, plotId }))).execute();
        await tx.insertInto('growingAreaStatusHistory').values({ growingAreaId: id, status: 'draft', reason: null, changedBy: actor.userId }).execute();
        return { id };
      });
    },

    async changeGrowingAreaStatus(actor: Actor, id: string, status: GrowingAreaStatus, reason: string | undefined) {
      return db.transaction().execute(async (tx) => {
        const area = await tx.selectFrom('growingAreas as g').select(['g.id', 'g.status']).where('g.id', '=', id).where(visibleTo(actor, 'g', null)).forUpdate().executeTakeFirst();
        if (!area) throw notFound('Growing area', id);
        assertCan(actor, status === 'submitted' || status === 'draft' ? 'growing-areas:edit' : 'growing-areas:approve');
        if (!growingAreaTransitions[area.status].includes(status)) throw new DomainError('conflict', `A ${area.status} growing area cannot become ${status}`);
        if ((status === 'suspended' || status === 'revoked') && !reason) throw ruleViolated('reason', 'A reason is required to suspend or revoke');
        await tx.updateTable('growingAreas').set({ status, updatedBy: actor.userId, updatedAt: clock.now() }).where('id', '=', id).execute();
        await tx.insertInto('growingAreaStatusHistory').values({ growingAreaId: id, status, reason: reason ?? null, changedBy: actor.userId }).execute();
      });
    },
  };
}
export type RegistryService = ReturnType<typeof createRegistryService>;

export const importRefused = (refusals: Refusal[]) =>
  new DomainError('rule_violated', `Nothing was imported: ${refusals.length} row(s) refused`, {
    errors: refusals.map((r) => ({ path: `row ${r.row}: ${r.field}`, message: r.message })),
    refused: refusals,
  });
