/**
 * The registry (capability 1): administrative units, organisations, households, plots with PostGIS
 * boundaries, growing areas with their codes and status history. It owns who may register what
 * where; it does not own seasons, diaries or bulk imports (modules/imports). Households, organisations and growing
 * areas have their own files; this service composes them so the routes see one registry.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { GeoJsonArea, RegisterPlotBody, UpdatePlotBody } from '@dongxanh/contracts';
import type { Database, Executor } from '../../db/database.ts';
import type { OrganisationKind } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, fieldError, notFound } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';
import { createGrowingAreasService } from './growing-areas.service.ts';
import { createHouseholdsService } from './households.service.ts';
import { createOrganisationsService } from './organisations.service.ts';
import { ONE_SQUARE_METRE_HA } from './hectares.ts';
import { overlapConflict } from './plot-overlaps.ts';
import { assertWritableScope, communeOf, organisationVisibleTo, ruleViolated } from './registry-scope.ts';
import { containsPattern, foldedContains, phoneDigits } from './text-search.ts';
import {
  boundaryFacts,
  boundaryVersions,
  closeCurrentBoundary,
  findOverlaps,
  findPlot,
  insertPlot,
  listPlots,
  lockPlotWrites,
  openBoundaryVersion,
  overlapOverridesOf,
  overlapsWithAnyPlot,
  plotsAsGeoJson,
  recordOverlapOverrides,
  updatePlot,
  type PlotFilter,
} from './plots.repository.ts';

export type RegistryDeps = { db: Database; clock: Clock };

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';
const plotCodeTaken = (code: string) => new DomainError('conflict', message('registry.plotCodeTaken', { code }), { errors: [fieldError('code', message('field.alreadyUsed'))] });

/** A boundary PostGIS accepts, enclosing at least 1 m² (the precision plot areas are stored to). */
async function assertDrawable(tx: Executor, geoJson: string) {
  const facts = await boundaryFacts(tx, geoJson);
  if (!facts.valid) throw ruleViolated('boundary', message('registry.boundaryInvalid', { reason: facts.reason ?? '' }));
  if ((facts.areaHa ?? 0) < ONE_SQUARE_METRE_HA) throw ruleViolated('boundary', message('registry.boundaryTooSmall'));
}

/** The overlaps of more than 1 m² with any plot: a 409 naming them, unless an override is given. */
async function overlapsAccepted(tx: Executor, actor: Actor, geoJson: string, plotId: string | null, override: { reason: string } | undefined) {
  const overlaps = await overlapsWithAnyPlot(tx, actor, geoJson, plotId);
  if (overlaps.length && !override) {
    const { localised, overlaps: named } = overlapConflict(overlaps);
    throw new DomainError('conflict', localised, { overlaps: named, errors: [fieldError('boundary', localised)] });
  }
  return overlaps;
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
    if (!communeCode) throw ruleViolated('communeCode', message('registry.communeRequired'));
    const commune = await communeOf(tx, communeCode);
    if (!commune?.parentCode) throw ruleViolated('communeCode', message('registry.unknownCommune', { code: communeCode }));
    const target = { provinceCode: commune.parentCode, communeCode, organisationId: organisationId ?? null, householdId: c.householdId ?? null };
    assertWritableScope(actor, target);
    return target;
  }

  return {
    async listAdminUnits(q: { level?: 'province' | 'commune' | undefined; parentCode?: string | undefined; q?: string | undefined; page: number; pageSize: number }) {
      let query = db.selectFrom('adminUnits').where('validTo', 'is', null);
      if (q.level) query = query.where('level', '=', q.level);
      if (q.parentCode) query = query.where('parentCode', '=', q.parentCode);
      // "thoi lai" finds Xã Thới Lai; digits find a code ("312" → 31258…).
      const search = q.q;
      if (search) query = query.where((eb) => eb.or([foldedContains('adminUnits.name', search), eb('adminUnits.code', 'like', `${search.replace(/[%_\\]/g, '')}%`)]));
      const [rows, count] = await Promise.all([
        query
          .leftJoin('unitBoundaries as b', (join) => join.onRef('b.adminUnitCode', '=', 'adminUnits.code').on('b.replacedAt', 'is', null))
          .select(['adminUnits.code', 'adminUnits.name', 'adminUnits.level', 'adminUnits.unitType', 'adminUnits.parentCode', 'b.source', 'b.illustrative', 'b.uploadedAt'])
          .select(sql<number | null>`ST_Area(b.boundary::geography) / 10000`.as('areaHa'))
          .orderBy('adminUnits.code')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute(),
        query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
      ]);
      const items = rows.map(({ source, illustrative, uploadedAt, areaHa, ...unit }) => ({
        ...unit,
        boundary: source !== null && illustrative !== null && uploadedAt !== null && areaHa !== null ? { source, illustrative, uploadedAt: new Date(uploadedAt).toISOString(), areaHa: Number(areaHa) } : null,
      }));
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
      const base = db.selectFrom('organisations as o').leftJoin('adminUnits as c', 'c.code', 'o.communeCode').where(organisationVisibleTo(actor, 'o'));
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
      if (!commune?.parentCode) throw ruleViolated('communeCode', message('registry.unknownCommune', { code: body.communeCode }));
      assertWritableScope(actor, { provinceCode: commune.parentCode, communeCode: commune.code, organisationId: null });
      return db
        .insertInto('organisations')
        .values({ name: body.name, kind: body.kind, provinceCode: commune.parentCode, communeCode: commune.code, taxCode: body.taxCode ?? null, gln: body.gln ?? null, createdBy: actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
    },

    /**
     * Households in the caller's scope, by head's name; the filters only narrow that scope (a commune
     * officer searching a name never sees another commune's households).
     */
    async listHouseholds(actor: Actor, q: { q?: string | undefined; organisationId?: string | undefined; communeCode?: string | undefined; page: number; pageSize: number }) {
      assertCan(actor, 'registry:read');
      let base = db.selectFrom('households as h').innerJoin('adminUnits as c', 'c.code', 'h.communeCode').where(visibleTo(actor, 'h', 'id'));
      if (q.organisationId) base = base.where('h.organisationId', '=', q.organisationId);
      if (q.communeCode) base = base.where('h.communeCode', '=', q.communeCode);
      if (q.q) {
        const search = q.q;
        const digits = phoneDigits(search);
        base = base.where((eb) => {
          const matches: Expression<SqlBool>[] = [foldedContains('h.headName', search)];
          if (digits) {
            matches.push(eb('h.phone', 'like', containsPattern(digits)));
            // A number typed the national way (0912…) also finds one stored the international way (+84912…).
            if (digits.startsWith('0') && digits.length >= 9) matches.push(eb('h.phone', 'like', containsPattern(`84${digits.slice(1)}`)));
          }
          return eb.or(matches);
        });
      }
      const [rows, count] = await Promise.all([
        base
          .select(['h.id', 'h.headName', 'h.phone', 'h.organisationId', 'h.communeCode', 'c.name as communeName'])
          .select(sql<number>`(select count(*) from plots p where p.household_id = h.id)`.as('plotCount'))
          .select(sql<number>`coalesce((select sum(area_ha) from plots p where p.household_id = h.id), 0)`.as('areaHa'))
          .orderBy('h.headName')
          .orderBy('h.id') // namesakes keep their order from page to page
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
      if (!commune?.parentCode) throw ruleViolated('communeCode', message('registry.unknownCommune', { code: body.communeCode }));
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
      return { ...plot, overlaps: await findOverlaps(db, actor, id), overlapOverrides: await overlapOverridesOf(db, actor, id) };
    },

    /** Every boundary the plot has had, oldest first; the current one (validTo null) last. */
    async plotBoundaries(actor: Actor, id: string) {
      const plot = await findPlot(db, actor, id);
      if (!plot) throw notFound('Plot', id);
      const versions = await boundaryVersions(db, id);
      return versions.map(({ boundaryJson, validFrom, validTo, areaHa, ...v }) => ({
        ...v,
        areaHa: Number(areaHa),
        boundary: JSON.parse(boundaryJson) as GeoJsonArea, // ST_AsGeoJSON of a MultiPolygon column
        validFrom: validFrom.toISOString(),
        validTo: validTo?.toISOString() ?? null,
      }));
    },

    /**
     * A new plot; its area is computed by PostGIS on geography. A boundary overlapping any plot by
     * more than 1 m² is refused (409) unless the body carries overlapOverride, which is recorded.
     */
    async registerPlot(actor: Actor, body: RegisterPlotBody) {
      assertCan(actor, 'plots:edit');
      return db.transaction().execute(async (tx) => {
        const geoJson = JSON.stringify(body.boundary);
        await assertDrawable(tx, geoJson);
        const target = await placePlot(tx, actor, body);
        await lockPlotWrites(tx, target.provinceCode);
        const duplicate = await tx.selectFrom('plots').select('id').where('provinceCode', '=', target.provinceCode).where('code', '=', body.code).executeTakeFirst();
        if (duplicate) throw plotCodeTaken(body.code);
        const overlaps = await overlapsAccepted(tx, actor, geoJson, null, body.overlapOverride);
        const { id } = await insertPlot(tx, actor, { ...target, code: body.code, name: body.name, landUse: body.landUse, boundaryGeoJson: geoJson }).catch((err: unknown) => {
          throw isUniqueViolation(err) ? plotCodeTaken(body.code) : err;
        });
        if (body.overlapOverride) await recordOverlapOverrides(tx, actor, id, overlaps, body.overlapOverride.reason, clock.now());
        return { id };
      });
    },

    /** Renames, changes land use or redraws; a redraw keeps the previous boundary in the history. */
    async updatePlot(actor: Actor, id: string, body: UpdatePlotBody) {
      return db.transaction().execute(async (tx) => {
        const plot = await findPlot(tx, actor, id);
        if (!plot) throw notFound('Plot', id);
        assertCan(actor, 'plots:edit');
        const now = clock.now();
        if (body.boundary === undefined) {
          await updatePlot(tx, actor, id, { name: body.name, landUse: body.landUse }, now);
          return;
        }
        const geoJson = JSON.stringify(body.boundary);
        await assertDrawable(tx, geoJson);
        await lockPlotWrites(tx, plot.provinceCode);
        const overlaps = await overlapsAccepted(tx, actor, geoJson, id, body.overlapOverride);
        const version = await closeCurrentBoundary(tx, id, now);
        await updatePlot(tx, actor, id, { name: body.name, landUse: body.landUse, boundaryGeoJson: geoJson }, now);
        await openBoundaryVersion(tx, actor, id, version, body.reason ?? null, now);
        if (body.overlapOverride) await recordOverlapOverrides(tx, actor, id, overlaps, body.overlapOverride.reason, now);
      });
    },

    ...createOrganisationsService({ db, clock }),
    ...createHouseholdsService({ db, clock }),
    ...createGrowingAreasService({ db, clock }),
  };
}
export type RegistryService = ReturnType<typeof createRegistryService>;
