/** Database rows → the contracts' response shapes (ISO instants, URLs, nulls instead of absent keys). */
import type { ActivityResponse, SeasonResponse, TypedActivityDetails } from '@dongxanh/contracts';
import type { ActivityRow, PhotoRow, SeasonRow } from './diary.repository.ts';

const iso = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? new Date(d).toISOString() : d.toISOString());

export function presentSeason(s: SeasonRow): SeasonResponse {
  return {
    id: s.id, clientId: s.clientId, plotId: s.plotId, plotCode: s.plotCode, plotName: s.plotName, provinceCode: s.provinceCode, communeCode: s.communeCode,
    organisationId: s.organisationId, householdId: s.householdId, cropCode: s.cropCode, cropNameVi: s.cropNameVi, cropNameEn: s.cropNameEn, variety: s.variety,
    seasonName: s.seasonName, year: s.year, plannedStartOn: s.plannedStartOn, plannedEndOn: s.plannedEndOn, actualStartOn: s.actualStartOn, actualEndOn: s.actualEndOn,
    previousHarvestOn: s.previousHarvestOn, areaHa: s.areaHa, status: s.status, standard: s.standard, expectedYieldKgPerHa: s.expectedYieldKgPerHa,
    expectedMarket: s.expectedMarket, notes: s.notes, version: s.version, activityCount: s.activityCount, openFlagCount: s.openFlagCount,
    createdBy: s.createdBy, createdAt: iso(s.createdAt)!, updatedBy: s.updatedBy, updatedAt: iso(s.updatedAt),
  };
}

export function presentPhoto(p: PhotoRow) {
  return {
    id: p.id, activityId: p.activityId, mimeType: p.mimeType, byteSize: p.byteSize, sha256: p.contentSha256, capturedAt: iso(p.capturedAt)!,
    lat: p.lat, lon: p.lon, distanceToPlotM: p.distanceToPlotM, flags: p.flags as Array<'photo_far' | 'photo_stale' | 'photo_unlocated'>,
    uploadedBy: p.uploadedBy, uploadedAt: iso(p.uploadedAt)!, url: `/api/v1/photos/${p.id}`,
  };
}

export function presentActivity(a: ActivityRow, photos: readonly PhotoRow[] = []): ActivityResponse {
  // The stored details were validated against this type's schema when written.
  const typed = { type: a.type, details: a.details } as TypedActivityDetails;
  return {
    id: a.id, clientId: a.clientId, seasonId: a.seasonId, occurredOn: a.occurredOn, version: a.version, deletedAt: iso(a.deletedAt),
    recordedBy: a.recordedBy, recordedAt: iso(a.recordedAt)!, recordedOnBehalf: a.recordedOnBehalf, batchId: a.batchId, updatedBy: a.updatedBy,
    updatedAt: iso(a.updatedAt), photos: photos.filter((p) => p.activityId === a.id).map(presentPhoto),
    ...typed,
  };
}

export function presentFlag(f: { id: string; seasonId: string; activityId: string | null; kind: string; detail: string; data: Record<string, unknown>; createdAt: Date; resolvedAt: Date | null }) {
  return {
    id: f.id, seasonId: f.seasonId, activityId: f.activityId, kind: f.kind as 'phi_violation' | 'rotation' | 'photo_far' | 'photo_stale' | 'photo_unlocated' | 'missing_records',
    detail: f.detail, data: f.data, createdAt: iso(f.createdAt)!, resolvedAt: iso(f.resolvedAt),
  };
}
