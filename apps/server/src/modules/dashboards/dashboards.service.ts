/**
 * Dashboards per province and commune (capability 10): progress figures, the trend by year and
 * season, practices, a map of communes coloured by an indicator (where an admin has uploaded
 * boundaries; otherwise a point where the commune's plots are) and a map of a commune's plots
 * coloured by practice or emission intensity. Everything reads the rollups, brought up to date
 * incrementally first (refresh.ts), so a province of a million plots answers from a few hundred rows.
 *
 * This module owns the rollups and the uploaded unit boundaries; it does not own plans (plans
 * module), seasons or plots.
 */
import { sql } from 'kysely';
import type { DashboardQuery, UploadBoundaryBody } from '@dongxanh/contracts';
import type { Database, Executor } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, fieldError, notFound, type ErrorText } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import { emptyRollupTotals, type RollupTotals } from '../plans/indicator-computations.ts';
import { planVisibleTo } from '../plans/plans.repository.ts';
import { ownScope, resolveScope, unitOf, type UnitScope } from './dashboard-scope.ts';
import { cropsOnRecord, registeredPlots, rollupByPractice, rollupTotals, rollupTotalsByCommune, rollupTrend, yearsOnRecord, type RollupFilter } from './dashboard.queries.ts';
import { refreshDashboards } from './refresh.ts';

export type DashboardsDeps = { db: Database; clock: Clock };

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
const pct = (a: number, b: number) => (b > 0 ? (100 * a) / b : null);

/** The dashboard's figures from rollup sums (the same definitions as the plans' computations). */
export function figuresOf(t: RollupTotals) {
  return {
    seasonCount: t.seasonCount,
    areaHa: t.areaHa,
    diaryAreaHa: t.diaryAreaHa,
    lowEmissionSharePct: pct(t.lowEmissionAreaHa, t.areaHa),
    awdSharePct: pct(t.awdAreaHa, t.areaHa),
    seedRateKgPerHa: ratio(t.seedKg, t.seedAreaHa),
    chemicalNKgPerHa: ratio(t.nSyntheticKg, t.areaHa),
    strawCollectedPct: pct(t.strawRemovedT, t.strawDmT),
    strawBurntPct: pct(t.strawBurntT, t.strawDmT),
    postHarvestLossPct: ratio(t.lossPctArea, t.lossAreaHa),
    mechanisationPct: pct(t.mechAreaHa, t.areaHa),
    yieldKgPerHa: ratio(t.productionKg, t.yieldAreaHa),
    emissionSeasonCount: t.emSeasonCount,
    projectCo2eT: t.projectCo2eT,
    baselineCo2eT: t.baselineCo2eT,
    ghgReductionPct: pct(t.baselineCo2eT - t.projectCo2eT, t.baselineCo2eT),
    intensityTCo2ePerHa: ratio(t.projectCo2eT, t.emAreaHa),
  };
}

/** Water regime and practice of a season, as the plot map colours it. */
const PRACTICE_SQL = sql<string>`case
  when s.season_id is null then 'no_season'
  when s.activity_count = 0 then 'no_diary'
  when s.crop_kind <> 'rice' then 'other_crop'
  when s.awd then 'awd'
  when s.water_regime in ('single_drainage', 'multiple_drainage') then 'drained'
  when s.water_regime = 'continuously_flooded' then 'flooded'
  else 'unknown' end`;

function filterOf(q: { cropCode?: string | undefined; seasonName?: string | undefined }): RollupFilter {
  return { ...(q.cropCode ? { crops: [q.cropCode] } : {}), ...(q.seasonName ? { seasonName: q.seasonName } : {}) };
}

/** Polygons of a GeoJSON geometry, Feature or FeatureCollection, as geometry JSON strings. */
function polygonsOf(geojson: Record<string, unknown>): string[] {
  const type = geojson.type;
  if (type === 'Polygon' || type === 'MultiPolygon') return [JSON.stringify(geojson)];
  if (type === 'Feature' && typeof geojson.geometry === 'object' && geojson.geometry !== null) return polygonsOf(geojson.geometry as Record<string, unknown>);
  if (type === 'FeatureCollection' && Array.isArray(geojson.features)) return geojson.features.flatMap((f: unknown) => (typeof f === 'object' && f !== null ? polygonsOf(f as Record<string, unknown>) : []));
  return [];
}

export function createDashboardsService({ db, clock }: DashboardsDeps) {
  async function refreshProvince(provinceCode: string) {
    return refreshDashboards(db, { provinceCode, maxSeasons: 2000, now: clock.now() });
  }

  async function unitName(code: string | null) {
    return code ? ((await unitOf(db, code))?.name ?? code) : null;
  }

  return {
    refreshProvince,

    async summary(actor: Actor, q: DashboardQuery) {
      const scope = await resolveScope(db, actor, q);
      const { remaining } = await refreshProvince(scope.provinceCode);
      const filter = filterOf(q);
      const [totals, byCommune, trend, byPractice, plots, crops, years, names, boundaries] = await Promise.all([
        rollupTotals(db, scope, q.year, filter),
        rollupTotalsByCommune(db, scope, q.year, filter),
        rollupTrend(db, scope, filter),
        rollupByPractice(db, scope, q.year, filter),
        registeredPlots(db, scope, true),
        cropsOnRecord(db, scope),
        yearsOnRecord(db, scope),
        db.selectFrom('adminUnits').select(['code', 'name']).where(scope.communeCode ? 'code' : 'parentCode', '=', scope.communeCode ?? scope.provinceCode).execute(),
        db.selectFrom('unitBoundaries').select('adminUnitCode').where('replacedAt', 'is', null).execute(),
      ]);
      const nameOf = new Map(names.map((n) => [n.code, n.name]));
      const withBoundary = new Set(boundaries.map((b) => b.adminUnitCode));
      const communes = new Set([...byCommune.map((c) => c.communeCode), ...plots.map((p) => p.communeCode).filter(Boolean)]);
      const own = await ownScope(db, actor);
      const plans = await db
        .selectFrom('plans as p')
        .select(['p.id', 'p.code', 'p.nameVi', 'p.nameEn', 'p.scopeLevel'])
        .where(planVisibleTo(own))
        .where('p.provinceCode', '=', scope.provinceCode)
        .where((eb) => (scope.communeCode ? eb.or([eb('p.communeCode', 'is', null), eb('p.communeCode', '=', scope.communeCode)]) : eb.val(true)))
        .orderBy('p.scopeLevel', 'desc')
        .orderBy('p.code')
        .execute();
      return {
        scope: { provinceCode: scope.provinceCode, provinceName: (await unitName(scope.provinceCode))!, communeCode: scope.communeCode, communeName: await unitName(scope.communeCode), year: q.year, cropCode: q.cropCode ?? null, seasonName: q.seasonName ?? null },
        totals: figuresOf(totals),
        registeredPlots: { plotCount: plots.reduce((s, p) => s + p.plotCount, 0), areaHa: plots.reduce((s, p) => s + p.areaHa, 0) },
        byCommune: [...communes].sort().map((code) => {
          const t = byCommune.find((c) => c.communeCode === code)?.totals;
          const p = plots.find((x) => x.communeCode === code);
          return {
            communeCode: code, communeName: nameOf.get(code) ?? code, plotCount: p?.plotCount ?? 0, plotAreaHa: p?.areaHa ?? 0, hasBoundary: withBoundary.has(code),
            ...figuresOf(t ?? emptyRollupTotals()),
          };
        }),
        trend: trend.map((r) => ({ year: r.year, seasonName: r.seasonName, ...figuresOf(r.totals) })),
        byPractice,
        crops,
        years,
        plans,
        refreshedAt: totals.refreshedAt?.toISOString() ?? null,
        pendingSeasons: remaining,
      };
    },

    /** Communes of a province: their boundary (where uploaded) or a point at their plots, with one indicator. */
    async unitsGeoJson(actor: Actor, q: Omit<DashboardQuery, 'communeCode'> & { indicator: 'ghgReductionPct' | 'lowEmissionSharePct' | 'awdSharePct' | 'strawCollectedPct' | 'intensityTCo2ePerHa' }) {
      const scope = await resolveScope(db, actor, { provinceCode: q.provinceCode });
      await refreshProvince(scope.provinceCode);
      const own = await ownScope(db, actor);
      const visible: UnitScope = own?.communeCode ? own : scope;
      const [byCommune, plots] = await Promise.all([rollupTotalsByCommune(db, visible, q.year, filterOf(q)), registeredPlots(db, visible, true)]);
      const codes = [...new Set([...byCommune.map((c) => c.communeCode), ...plots.map((p) => p.communeCode)])];
      if (!codes.length) return { type: 'FeatureCollection' as const, features: [] };
      const shapes = await db
        .selectFrom('adminUnits as u')
        .leftJoin('unitBoundaries as b', (join) => join.onRef('b.adminUnitCode', '=', 'u.code').on('b.replacedAt', 'is', null))
        .select(['u.code', 'u.name', 'b.illustrative', 'b.source'])
        .select(sql<string | null>`ST_AsGeoJSON(b.boundary, 6)`.as('boundaryJson'))
        .where('u.code', 'in', codes)
        .execute();
      return {
        type: 'FeatureCollection' as const,
        features: shapes.map((u) => {
          const totals = byCommune.find((c) => c.communeCode === u.code)?.totals;
          const p = plots.find((x) => x.communeCode === u.code);
          const value = totals ? figuresOf(totals)[q.indicator] : null;
          const geometry = u.boundaryJson ? JSON.parse(u.boundaryJson) : p?.centroidLon != null ? { type: 'Point', coordinates: [p.centroidLon, p.centroidLat] } : null;
          return {
            type: 'Feature' as const,
            id: u.code,
            properties: {
              code: u.code, name: u.name, indicator: q.indicator, value, hasBoundary: Boolean(u.boundaryJson), illustrative: u.illustrative ?? false, boundarySource: u.source ?? null,
              plotCount: p?.plotCount ?? 0, areaHa: p?.areaHa ?? 0, bbox: p?.minLon != null ? [p.minLon, p.minLat, p.maxLon, p.maxLat] : null,
            },
            geometry,
          };
        }).filter((f) => f.geometry !== null),
      };
    },

    /** A commune's plots with their season of the year (filtered by crop and season) and its practice or intensity. */
    async plotsGeoJson(actor: Actor, q: DashboardQuery & { communeCode: string; colourBy: 'practice' | 'intensity' }) {
      const scope = await resolveScope(db, actor, q);
      await refreshProvince(scope.provinceCode);
      // One feature per plot: its season of the year (the latest in the calendar when a plot has
      // several and no season is chosen: Đông Xuân → Xuân Hè → Hè Thu → Mùa → Thu Đông), picked in a
      // lateral subquery by the summaries' plot index. The features are built by PostgreSQL and come
      // back as text, so a commune of 5 000 plots is not parsed and re-serialised row by row.
      const seasonFilter = sql.join([
        sql`s.plot_id = p.id`,
        sql`s.province_code = ${scope.provinceCode}`,
        sql`s.year = ${q.year}`,
        ...(q.cropCode ? [sql`s.crop_code = ${q.cropCode}`] : []),
        ...(q.seasonName ? [sql`s.season_name = ${q.seasonName}`] : []),
      ], sql` and `);
      // JIT off for this statement: the lateral lookups make the planner's cost cross jit_above_cost, and
      // compiling the expressions took 140 ms of a 240 ms answer on a commune of 9 709 plots (bench/README.md).
      const result = await db.transaction().execute(async (tx) => {
        await sql`set local jit = off`.execute(tx);
        return sql<{ features: string | null; plotCount: number }>`
        select coalesce(json_agg(f.feature order by f.code), '[]'::json)::text as features,
          (select count(*)::int from plots where province_code = ${scope.provinceCode} and commune_code = ${scope.communeCode!}) as plot_count
        from (
          select p.code, json_build_object(
            'type', 'Feature',
            'id', p.id,
            'properties', json_build_object(
              'id', p.id, 'code', p.code, 'name', p.name, 'areaHa', p.area_ha, 'seasonId', s.season_id, 'cropCode', s.crop_code,
              'seasonName', s.season_name, 'practice', ${PRACTICE_SQL}, 'waterRegime', s.water_regime, 'strawPractice', s.straw_practice,
              'emissionSource', s.emission_source,
              'intensityTCo2ePerHa', case when s.project_co2e_t is not null and s.area_ha > 0 then s.project_co2e_t / s.area_ha end,
              'ghgReductionPct', case when s.baseline_co2e_t > 0 then 100 * (s.baseline_co2e_t - coalesce(s.project_co2e_t, 0)) / s.baseline_co2e_t end),
            'geometry', ST_AsGeoJSON(p.boundary, 6)::json) as feature
          from plots p
          left join lateral (
            select * from season_summaries s where ${seasonFilter}
            order by array_position(array['dong_xuan', 'xuan_he', 'he_thu', 'mua', 'thu_dong', 'other'], s.season_name) desc nulls last, s.season_id
            limit 1
          ) s on true
          where p.province_code = ${scope.provinceCode} and p.commune_code = ${scope.communeCode!}
          order by p.code
          limit 5000
        ) f`.execute(tx);
      });
      // plotCount: the commune's plots, so the map can say when it shows only the first 5 000 of them.
      const row = result.rows[0];
      return `{"type":"FeatureCollection","colourBy":${JSON.stringify(q.colourBy)},"plotCount":${row?.plotCount ?? 0},"features":${row?.features ?? '[]'}}`;
    },

    /** An admin uploads a unit's boundary as GeoJSON; the previous one is kept, marked replaced. */
    async uploadBoundary(actor: Actor, code: string, body: UploadBoundaryBody) {
      assertCan(actor, 'geodata:edit');
      const unit = await unitOf(db, code);
      if (!unit) throw notFound('Administrative unit', code);
      const polygons = polygonsOf(body.geojson);
      const invalid = (text: ErrorText) => new DomainError('invalid_input', text, { errors: [fieldError('geojson', text)] });
      if (!polygons.length) throw invalid(message('dashboards.noPolygon'));
      return db.transaction().execute(async (tx) => {
        const geom = sql`ST_Multi(ST_Union(ARRAY[${sql.join(polygons.map((p) => sql`ST_SetSRID(ST_GeomFromGeoJSON(${p}), 4326)`))}]))`;
        const facts = await sql<{ valid: boolean; reason: string; areaHa: number | null; inVietnam: boolean }>`
          select ST_IsValid(g) as valid, ST_IsValidReason(g) as reason, ST_Area(g::geography) / 10000 as area_ha,
            ST_XMin(g) between 102 and 110 and ST_YMin(g) between 8 and 24 and ST_XMax(g) between 102 and 110 and ST_YMax(g) between 8 and 24 as in_vietnam
          from (select ${geom} as g) x`.execute(tx).catch((err: unknown) => {
          throw invalid(message('dashboards.unreadable', { reason: (err as Error).message }));
        });
        const f = facts.rows[0]!;
        if (!f.valid) throw invalid(message('registry.boundaryInvalid', { reason: f.reason }));
        if (!f.inVietnam) throw invalid(message('dashboards.notInVietnam'));
        const now = clock.now();
        await tx.updateTable('unitBoundaries').set({ replacedAt: now }).where('adminUnitCode', '=', code).where('replacedAt', 'is', null).execute();
        await tx.insertInto('unitBoundaries').values({ adminUnitCode: code, boundary: geom as unknown as string, source: body.source, illustrative: body.illustrative, uploadedBy: actor.userId, uploadedAt: now, replacedAt: null }).execute();
        return { adminUnitCode: code, source: body.source, illustrative: body.illustrative, uploadedBy: actor.userId, uploadedAt: now.toISOString(), areaHa: Number(f.areaHa) };
      });
    },
  };
}

/**
 * An illustrative boundary for a commune without an official one: the convex hull of its plots,
 * labelled as such (the demo uses it for Thới Lai; Cần Thơ's official boundaries are not available).
 */
export async function illustrativeBoundaryFromPlots(tx: Executor, communeCode: string, source: string, now: Date) {
  await tx.updateTable('unitBoundaries').set({ replacedAt: now }).where('adminUnitCode', '=', communeCode).where('replacedAt', 'is', null).execute();
  await sql`
    insert into unit_boundaries (admin_unit_code, boundary, source, illustrative, uploaded_by, uploaded_at)
    select ${communeCode}, ST_Multi(ST_ConvexHull(ST_Collect(boundary))), ${source}, true, null, ${now}
    from plots where commune_code = ${communeCode}
    having count(*) > 0`.execute(tx);
}

export type DashboardsService = ReturnType<typeof createDashboardsService>;
