/**
 * Loads the 34 provinces and 3,321 communes in force from 1 July 2025 (codes per Decision
 * 19/2025/QĐ-TTg) and the official conversion table from pre-2025 communes, so that old codes inside
 * existing growing-area codes still resolve. Idempotent: running it again changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { AdminUnitPredecessorsTable } from '../../db/schema.ts';
import { csvRecords } from '../imports/csv.ts';

interface SourceWard { name: string; code: number; division_type: string }
interface SourceProvince { name: string; code: number; division_type: string; wards: SourceWard[] }

const pad = (code: number | string, width: number) => String(code).trim().padStart(width, '0');

/** "Thành phố Hà Nội (01)" → { name: 'Thành phố Hà Nội', code: '01' } */
const nameAndCode = (text: string | undefined) => {
  const m = /^(.*)\((\d+)\)\s*$/.exec(text?.trim() ?? '');
  return m ? { name: m[1]!.trim(), code: m[2]! } : { name: text?.trim() ?? '', code: null };
};

/**
 * The pre-2025 → 2025 pairs of the official conversion table, once each, for 2025 communes we know.
 * The table is read record by record (RFC 4180), not line by line: 875 of its rows — most of Hồ Chí
 * Minh City, Cần Thơ and Huế, and a few elsewhere — carry a line break inside a quoted cell, and
 * reading lines lost them.
 */
export function communeConversions(csvText: string, knownCommunes: ReadonlySet<string>): AdminUnitPredecessorsTable[] {
  const seen = new Set<string>();
  const conversions: AdminUnitPredecessorsTable[] = [];
  for (const { cells } of csvRecords(csvText)) {
    const newCode = cells[2]?.trim();
    const oldCode = cells[4]?.trim();
    if (!newCode || !oldCode || !/^\d+$/.test(newCode) || !/^\d+$/.test(oldCode)) continue; // headings and province rows
    const key = `${pad(oldCode, 5)}>${pad(newCode, 5)}`;
    if (seen.has(key) || !knownCommunes.has(pad(newCode, 5))) continue;
    seen.add(key);
    const oldProvince = nameAndCode(cells[7]);
    conversions.push({
      oldCode: pad(oldCode, 5),
      oldName: cells[3]!.trim(),
      oldDistrictName: nameAndCode(cells[6]).name || null,
      oldProvinceCode: oldProvince.code ? pad(oldProvince.code, 2) : null,
      oldProvinceName: oldProvince.name || null,
      newCode: pad(newCode, 5),
    });
  }
  return conversions;
}

export async function loadAdminUnits(db: Database, referenceDataDir: string, onProgress?: (message: string) => void) {
  const provinces: SourceProvince[] = JSON.parse(readFileSync(join(referenceDataDir, 'vn-admin-units-2025.json'), 'utf8'));
  const existing = await db.selectFrom('adminUnits').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  if (existing.n > 0) return { provinces: 0, communes: 0, predecessors: 0, skipped: true };

  let communes = 0;
  let predecessors = 0;
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('adminUnits')
      .values(provinces.map((p) => ({ code: pad(p.code, 2), name: p.name, level: 'province' as const, unitType: p.division_type, parentCode: null })))
      .execute();
    for (const p of provinces) {
      const rows = p.wards.map((w) => ({ code: pad(w.code, 5), name: w.name, level: 'commune' as const, unitType: w.division_type, parentCode: pad(p.code, 2) }));
      for (let i = 0; i < rows.length; i += 500) await tx.insertInto('adminUnits').values(rows.slice(i, i + 500)).execute();
      communes += rows.length;
    }
    onProgress?.(`admin units: ${provinces.length} provinces, ${communes} communes`);

    const known = new Set(provinces.flatMap((p) => p.wards.map((w) => pad(w.code, 5))));
    const batch = communeConversions(readFileSync(join(referenceDataDir, 'vn-communes-2025-from-pre-2025.csv'), 'utf8'), known);
    for (let i = 0; i < batch.length; i += 1000) await tx.insertInto('adminUnitPredecessors').values(batch.slice(i, i + 1000)).execute();
    predecessors = batch.length;
    onProgress?.(`admin units: ${predecessors} pre-2025 communes mapped to their 2025 commune`);
  });
  return { provinces: provinces.length, communes, predecessors, skipped: false };
}
