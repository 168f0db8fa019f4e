/**
 * Where a registry record may be written and which organisations a caller may see. Reads of plots,
 * households and growing areas use auth/scope.ts `visibleTo`; organisations need their own rule
 * because members see their organisation by id, not by place.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { DomainError, fieldError, type ErrorText } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';
import type { Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';

export const ruleViolated = (path: string, text: ErrorText) => new DomainError('rule_violated', text, { errors: [fieldError(path, text)] });

export async function communeOf(db: Executor, code: string) {
  return db.selectFrom('adminUnits').select(['code', 'parentCode', 'name']).where('code', '=', code).where('level', '=', 'commune').executeTakeFirst();
}

/** May this actor place a record in this commune / organisation? Outside the scope reads as not found. */
export function assertWritableScope(actor: Actor, target: { provinceCode: string; communeCode: string; organisationId: string | null; householdId?: string | null }) {
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
  if (!ok) throw new DomainError('not_found', message('registry.notInScope'));
}

/**
 * Organisations a caller sees (`alias` is the organisations table's alias): members their own
 * organisation, a farmer the organisation of their household, officers and verifiers those placed
 * in their unit, the admin all.
 */
export function organisationVisibleTo(actor: Actor, alias: string): Expression<SqlBool> {
  const id = sql.ref(`${alias}.id`);
  switch (actor.role) {
    case 'coop_manager':
    case 'coop_recorder':
    case 'enterprise':
      return actor.organisationId ? sql<SqlBool>`${id} = ${actor.organisationId}` : sql<SqlBool>`false`;
    case 'farmer':
      return actor.householdId ? sql<SqlBool>`${id} in (select organisation_id from households where id = ${actor.householdId})` : sql<SqlBool>`false`;
    default:
      return visibleTo(actor, alias, null);
  }
}
