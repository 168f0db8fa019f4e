/**
 * Which province or commune a caller may look at on a dashboard, a plan or a report. Aggregates
 * follow the same rule as records (auth/scope.ts): the admin sees every unit, a province officer or
 * verifier their province, a commune officer their commune; anything else is not found (404), and a
 * role without 'plans:read' is refused (403).
 */
import type { Executor } from '../../db/database.ts';
import { DomainError, notFound } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';

export interface UnitScope {
  provinceCode: string;
  communeCode: string | null;
}

const outside = (code: string) => new DomainError('not_found', message('programme.unitNotInScope', { code }), { id: code });

export async function unitOf(db: Executor, code: string) {
  return db.selectFrom('adminUnits').select(['code', 'name', 'level', 'parentCode']).where('code', '=', code).executeTakeFirst();
}

/** The caller's own unit as a scope (null for the admin, who has none). */
export async function ownScope(db: Executor, actor: Actor): Promise<UnitScope | null> {
  if (actor.role === 'admin') return null;
  const code = actor.adminUnitCode;
  if (!code) throw new DomainError('forbidden', message('dashboards.noUnit'));
  if (code.length <= 2) return { provinceCode: code, communeCode: null };
  const unit = await unitOf(db, code);
  if (!unit?.parentCode) throw notFound('Administrative unit', code);
  return { provinceCode: unit.parentCode, communeCode: unit.code };
}

/** Narrows a requested province (and commune) to what the caller may see. */
export async function resolveScope(db: Executor, actor: Actor, want: { provinceCode: string; communeCode?: string | null | undefined }): Promise<UnitScope> {
  assertCan(actor, 'plans:read');
  const own = await ownScope(db, actor);
  if (own && own.provinceCode !== want.provinceCode) throw outside(want.provinceCode);
  const communeCode = own?.communeCode ?? want.communeCode ?? null;
  if (own?.communeCode && want.communeCode && want.communeCode !== own.communeCode) throw outside(want.communeCode);
  if (communeCode) {
    const commune = await unitOf(db, communeCode);
    if (!commune || commune.level !== 'commune' || commune.parentCode !== want.provinceCode) throw outside(communeCode);
  } else {
    const province = await unitOf(db, want.provinceCode);
    if (!province || province.level !== 'province') throw outside(want.provinceCode);
  }
  return { provinceCode: want.provinceCode, communeCode };
}

/** May this caller see a unit (a plan's or a report's)? Same rule, for a known province/commune pair. */
export function unitVisibleTo(actor: Actor, own: UnitScope | null, unit: { provinceCode: string; communeCode: string | null }, opts: { includeOwnProvince?: boolean } = {}): boolean {
  if (actor.role === 'admin' || own === null) return actor.role === 'admin';
  if (own.provinceCode !== unit.provinceCode) return false;
  if (own.communeCode === null) return true;
  // A commune officer sees their commune's records, and their province's plans (they report against them).
  return unit.communeCode === own.communeCode || (opts.includeOwnProvince === true && unit.communeCode === null);
}
