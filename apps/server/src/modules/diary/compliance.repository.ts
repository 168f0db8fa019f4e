/**
 * Compliance flags in the database. `refreshComplianceFlags` re-derives every finding of a set of
 * seasons from the stored diary with the pure rules of compliance.ts, then reconciles: new findings are
 * inserted, open flags whose finding is gone are resolved (kept, with when and why), unchanged ones are
 * left alone. It works set-wise (a few queries per thousand seasons), so the bulk import and the sync
 * endpoint call it once for everything they touched.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ComplianceFlagKind } from '../../db/schema.ts';
import type { Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';
import { assessSeasonRecords, checkPreHarvestIntervals, checkRotation, type RotationSeason } from './compliance.ts';

export interface SeasonRef {
  id: string;
  provinceCode: string;
}

interface DesiredFlag {
  seasonId: string;
  provinceCode: string;
  activityId: string | null;
  kind: ComplianceFlagKind;
  flagKey: string;
  detail: string;
  data: Record<string, unknown>;
}

const CHUNK = 2000;
const flagIdentity = (f: { seasonId: string; kind: string; flagKey: string }) => `${f.seasonId}|${f.kind}|${f.flagKey}`;
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

async function desiredFlags(db: Executor, seasons: readonly SeasonRef[]): Promise<DesiredFlag[]> {
  const ids = seasons.map((s) => s.id);
  const provinces = [...new Set(seasons.map((s) => s.provinceCode))];
  const [seasonRows, checked, counts, photos] = await Promise.all([
    // Each season with the season before it on the same plot (for rotation).
    sql<{
      id: string; provinceCode: string; cropCode: string; cropKind: string; family: string; variety: string | null; areaHa: number; standard: string | null;
      expectedYieldKgPerHa: number | null; plannedEndOn: string | null; expectedMarket: string | null; status: string;
      prevId: string | null; prevCropCode: string | null; prevKind: string | null; prevFamily: string | null;
    }>`
      select s.id, s.province_code, s.crop_code, c.kind as crop_kind, c.family, s.variety, s.area_ha, s.standard, s.expected_yield_kg_per_ha,
             s.planned_end_on, s.expected_market, s.status, prev.id as prev_id, prev.crop_code as prev_crop_code, prev.kind as prev_kind, prev.family as prev_family
      from seasons s
      join crops c on c.code = s.crop_code
      left join lateral (
        select p.id, p.crop_code, pc.kind, pc.family from seasons p join crops pc on pc.code = p.crop_code
        where p.plot_id = s.plot_id and p.id <> s.id
          and (coalesce(p.actual_start_on, p.planned_start_on), p.created_at) < (coalesce(s.actual_start_on, s.planned_start_on), s.created_at)
        order by coalesce(p.actual_start_on, p.planned_start_on) desc, p.created_at desc limit 1
      ) prev on true
      where s.id = any(${ids}::uuid[]) and s.province_code = any(${provinces}::text[])`.execute(db),
    db
      .selectFrom('activities')
      .select(['id', 'seasonId', 'type', 'occurredOn', 'details'])
      .where('seasonId', 'in', ids)
      .where('provinceCode', 'in', provinces)
      .where('deletedAt', 'is', null)
      .where('type', 'in', ['pesticide', 'harvest'])
      .execute(),
    db
      .selectFrom('activities')
      .select(['seasonId', 'type'])
      .select(sql<number>`count(*)`.as('n'))
      .select(sql<number>`count(*) filter (where type = 'harvest' and (details ? 'yieldKgPerHa' or details ? 'totalKg'))`.as('withOutput'))
      .where('seasonId', 'in', ids)
      .where('provinceCode', 'in', provinces)
      .where('deletedAt', 'is', null)
      .groupBy(['seasonId', 'type'])
      .execute(),
    sql<{ id: string; activityId: string; seasonId: string; provinceCode: string; flags: string[]; distanceToPlotM: number | null; capturedAt: Date; occurredOn: string }>`
      select ph.id, ph.activity_id, ph.season_id, ph.province_code, ph.flags, ph.distance_to_plot_m, ph.captured_at, a.occurred_on
      from activity_photos ph
      join activities a on a.id = ph.activity_id and a.province_code = ph.province_code
      where ph.season_id = any(${ids}::uuid[]) and ph.province_code = any(${provinces}::text[]) and a.deleted_at is null and cardinality(ph.flags) > 0`.execute(db),
  ]);

  const flags: DesiredFlag[] = [];
  const bySeason = new Map<string, typeof checked>();
  for (const a of checked) bySeason.set(a.seasonId, [...(bySeason.get(a.seasonId) ?? []), a]);
  const countsBySeason = new Map<string, Record<string, number>>();
  const outputBySeason = new Map<string, number>();
  for (const c of counts) {
    countsBySeason.set(c.seasonId, { ...(countsBySeason.get(c.seasonId) ?? {}), [c.type]: c.n });
    outputBySeason.set(c.seasonId, (outputBySeason.get(c.seasonId) ?? 0) + c.withOutput);
  }

  for (const s of seasonRows.rows) {
    const acts = bySeason.get(s.id) ?? [];
    const sprays = acts.filter((a) => a.type === 'pesticide').map((a) => ({
      activityId: a.id, sprayedOn: a.occurredOn, phiDays: Number(a.details.phiDays ?? 0), productName: String(a.details.productName ?? a.details.productCode ?? ''),
    }));
    const harvests = acts.filter((a) => a.type === 'harvest').map((a) => ({ activityId: a.id, harvestedOn: a.occurredOn, lotCode: typeof a.details.lotCode === 'string' ? a.details.lotCode : null }));
    const violations = checkPreHarvestIntervals(sprays, harvests);
    for (const v of violations) {
      flags.push({
        seasonId: s.id, provinceCode: s.provinceCode, activityId: v.harvestActivityId, kind: 'phi_violation', flagKey: `${v.harvestActivityId}:${v.sprayActivityId}`,
        detail: `Harvest on ${ddmmyyyy(v.harvestedOn)} is ${v.daysShort} day(s) inside the pre-harvest interval of ${v.productName} sprayed on ${ddmmyyyy(v.sprayedOn)} (PHI ${v.phiDays} days: harvest allowed from ${ddmmyyyy(v.earliestHarvestOn)})${v.lotCode ? `; lot ${v.lotCode}` : ''}`,
        data: { ...v },
      });
    }

    const previous: RotationSeason | null = s.prevId ? { seasonId: s.prevId, cropCode: s.prevCropCode!, cropKind: s.prevKind!, family: s.prevFamily! } : null;
    const rotation = checkRotation(previous, { seasonId: s.id, cropCode: s.cropCode, cropKind: s.cropKind, family: s.family });
    if (rotation) {
      flags.push({
        seasonId: s.id, provinceCode: s.provinceCode, activityId: null, kind: 'rotation', flagKey: rotation.previousSeasonId,
        detail: `${s.cropCode} follows ${rotation.previousCropCode} on the same plot: both are ${rotation.family}; vegetables of one family should not follow each other`,
        data: { ...rotation, cropCode: s.cropCode },
      });
    }

    if (s.status === 'harvested' || s.status === 'closed') {
      const records = assessSeasonRecords({
        cropCode: s.cropCode, variety: s.variety, areaHa: s.areaHa, standard: s.standard, expectedYieldKgPerHa: s.expectedYieldKgPerHa, plannedEndOn: s.plannedEndOn,
        expectedMarket: s.expectedMarket, status: s.status, activityCounts: countsBySeason.get(s.id) ?? {}, harvestsWithOutput: outputBySeason.get(s.id) ?? 0,
        openPhiViolations: violations.length,
      });
      const absent = records.filter((r) => !r.present);
      if (absent.length) {
        flags.push({
          seasonId: s.id, provinceCode: s.provinceCode, activityId: null, kind: 'missing_records', flagKey: absent.map((r) => r.key).join(','),
          detail: `The season ended with required records missing: ${absent.map((r) => r.detail).join('; ')}`,
          data: { missing: absent },
        });
      }
    }
  }

  for (const p of photos.rows) {
    for (const kind of p.flags as ComplianceFlagKind[]) {
      const detail = kind === 'photo_far'
        ? `A photo was taken ${Math.round(p.distanceToPlotM ?? 0)} m from the plot boundary (more than 200 m)`
        : kind === 'photo_stale'
          ? `A photo was taken on ${p.capturedAt.toISOString()} for an activity dated ${ddmmyyyy(p.occurredOn)} (more than 3 days apart)`
          : 'A photo has no GPS position: nothing ties it to the plot';
      flags.push({ seasonId: p.seasonId, provinceCode: p.provinceCode, activityId: p.activityId, kind, flagKey: p.id, detail, data: { photoId: p.id, distanceToPlotM: p.distanceToPlotM, capturedAt: p.capturedAt.toISOString() } });
    }
  }
  return flags;
}

/** Re-derives and reconciles the flags of these seasons (call inside the writing transaction). */
export async function refreshComplianceFlags(db: Executor, seasons: readonly SeasonRef[], now: Date) {
  const unique = [...new Map(seasons.map((s) => [s.id, s])).values()];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    const desired = await desiredFlags(db, chunk);
    const open = await db
      .selectFrom('complianceFlags')
      .select(['id', 'seasonId', 'kind', 'flagKey'])
      .where('seasonId', 'in', chunk.map((s) => s.id))
      .where('provinceCode', 'in', [...new Set(chunk.map((s) => s.provinceCode))])
      .where('resolvedAt', 'is', null)
      .execute();
    const wanted = new Set(desired.map(flagIdentity));
    const existing = new Set(open.map(flagIdentity));
    const gone = open.filter((f) => !wanted.has(flagIdentity(f))).map((f) => f.id);
    if (gone.length) {
      await db.updateTable('complianceFlags').set({ resolvedAt: now, resolution: 'no longer found in the diary' }).where('id', 'in', gone).execute();
    }
    const fresh = desired.filter((f) => !existing.has(flagIdentity(f)));
    if (fresh.length) {
      await db
        .insertInto('complianceFlags')
        .values(fresh.map((f) => ({ seasonId: f.seasonId, provinceCode: f.provinceCode, activityId: f.activityId, kind: f.kind, flagKey: f.flagKey, detail: f.detail, data: JSON.stringify(f.data), createdAt: now })))
        .execute();
    }
  }
}

export async function openFlagsOfSeason(db: Executor, season: SeasonRef) {
  return db
    .selectFrom('complianceFlags')
    .select(['id', 'seasonId', 'activityId', 'kind', 'detail', 'data', 'createdAt', 'resolvedAt'])
    .where('seasonId', '=', season.id)
    .where('provinceCode', '=', season.provinceCode)
    .where('resolvedAt', 'is', null)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** Seasons of a growing area's plots (scoped), with what the record checklist needs. */
export async function growingAreaSeasons(db: Executor, actor: Actor, growingAreaId: string, year: number | undefined, page: number, pageSize: number) {
  const area = await db.selectFrom('growingAreas as g').select(['g.id']).where('g.id', '=', growingAreaId).where(visibleTo(actor, 'g', null)).executeTakeFirst();
  if (!area) return undefined;
  let base = db
    .selectFrom('seasons as s')
    .innerJoin('growingAreaPlots as gp', 'gp.plotId', 's.plotId')
    .innerJoin('plots as p', 'p.id', 's.plotId')
    .where('gp.growingAreaId', '=', growingAreaId)
    .where(visibleTo(actor, 's'));
  if (year) base = base.where('s.year', '=', year);
  const [rows, count] = await Promise.all([
    base
      .select(['s.id', 's.provinceCode', 's.plotId', 'p.code as plotCode', 's.cropCode', 's.seasonName', 's.year', 's.status', 's.variety', 's.areaHa', 's.standard', 's.expectedYieldKgPerHa', 's.plannedEndOn', 's.expectedMarket'])
      .orderBy('s.year', 'desc')
      .orderBy('p.code')
      .orderBy('s.plannedStartOn')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.id);
  const provinces = [...new Set(rows.map((r) => r.provinceCode))];
  const counts = ids.length
    ? await db
      .selectFrom('activities')
      .select(['seasonId', 'type'])
      .select(sql<number>`count(*)`.as('n'))
      .select(sql<number>`count(*) filter (where type = 'harvest' and (details ? 'yieldKgPerHa' or details ? 'totalKg'))`.as('withOutput'))
      .where('seasonId', 'in', ids)
      .where('provinceCode', 'in', provinces)
      .where('deletedAt', 'is', null)
      .groupBy(['seasonId', 'type'])
      .execute()
    : [];
  const phi = ids.length
    ? await db.selectFrom('complianceFlags').select(['seasonId']).select(sql<number>`count(*)`.as('n')).where('seasonId', 'in', ids).where('kind', '=', 'phi_violation').where('resolvedAt', 'is', null).groupBy('seasonId').execute()
    : [];
  return { rows, total: count.n, counts, phi };
}
