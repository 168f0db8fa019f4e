/**
 * Where an import may write, as SQL conditions over resolved staging rows, and the facts the
 * set-wise checks return. The rule is the registry's for single writes (registry-scope.ts):
 * officers within their province or commune, cooperatives and enterprises within their
 * organisation, farmers within their household, admins anywhere.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';

/**
 * May the actor place a record with these resolved columns? The same rule as the registry's single
 * writes: officers within their province or commune, cooperatives and enterprises within their
 * organisation, farmers within their household, admins anywhere.
 */
export function writableBy(actor: Actor, alias: string): Expression<SqlBool> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  switch (actor.role) {
    case 'admin':
      return sql<SqlBool>`true`;
    case 'province_officer':
    case 'commune_officer':
    case 'verifier':
      return actor.adminUnitCode ? sql<SqlBool>`(${col('province_code')} = ${actor.adminUnitCode} or ${col('commune_code')} = ${actor.adminUnitCode})` : sql<SqlBool>`false`;
    case 'coop_manager':
    case 'coop_recorder':
    case 'enterprise':
      return actor.organisationId ? sql<SqlBool>`${col('organisation_id')} is not distinct from ${actor.organisationId}::uuid` : sql<SqlBool>`false`;
    case 'farmer':
      return actor.householdId ? sql<SqlBool>`${col('household_id')} is not distinct from ${actor.householdId}::uuid` : sql<SqlBool>`false`;
  }
}

/** Organisations the actor may attach records to (as organisations are listed to them). */
export function organisationVisibleTo(actor: Actor, alias: string): Expression<SqlBool> {
  switch (actor.role) {
    case 'coop_manager':
    case 'coop_recorder':
    case 'enterprise':
      return actor.organisationId ? sql<SqlBool>`${sql.ref(`${alias}.id`)} = ${actor.organisationId}::uuid` : sql<SqlBool>`false`;
    case 'farmer':
      return actor.householdId ? sql<SqlBool>`${sql.ref(`${alias}.id`)} in (select organisation_id from households where id = ${actor.householdId}::uuid)` : sql<SqlBool>`false`;
    default:
      return visibleTo(actor, alias, null);
  }
}

export async function findOrganisationFor(db: Executor, actor: Actor, id: string) {
  return db.selectFrom('organisations as o').select(['o.id', 'o.communeCode']).where('o.id', '=', id).where(organisationVisibleTo(actor, 'o')).executeTakeFirst();
}

/** A refusal found in SQL, with the facts its message is built from. */
export interface SqlRefusal {
  rowNo: number;
  field: string;
  reason: string;
  text: string | null;
  otherRow: number | null;
  otherCode: string | null;
  amount: number | null;
}

export interface ImportDefaults {
  /** The organisation rows belong to unless their household says otherwise. */
  organisationId: string | null;
  /** That organisation's commune: where a row without commune_code and household goes. */
  organisationCommuneCode: string | null;
}
