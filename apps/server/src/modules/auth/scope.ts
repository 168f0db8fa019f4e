/**
 * What a caller may see, as a SQL condition every repository applies to tenant data. One rule for all
 * tables that carry `organisation_id`, `province_code` and `commune_code` (plots, households,
 * growing areas, and later seasons, runs and lots):
 *
 * - admin: everything;
 * - province officer, verifier: records in their province (or commune, if their unit is a commune);
 * - commune officer: records in their commune;
 * - cooperative manager and recorder, enterprise: records of their organisation;
 * - farmer: records of their own household.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from './permissions.ts';

const nothing = sql<SqlBool>`false`;

/**
 * `alias` is the table alias used in the query, e.g. 'p' for `plots as p`; `householdColumn` names the
 * column holding the household id ('id' on the households table itself; null where a table has none).
 */
export function visibleTo(actor: Actor, alias: string, householdColumn: string | null = 'household_id'): Expression<SqlBool> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  switch (actor.role) {
    case 'admin':
      return sql<SqlBool>`true`;
    case 'province_officer':
    case 'verifier':
    case 'commune_officer':
      if (!actor.adminUnitCode) return nothing;
      return actor.adminUnitCode.length <= 2
        ? sql<SqlBool>`${col('province_code')} = ${actor.adminUnitCode}`
        : sql<SqlBool>`${col('commune_code')} = ${actor.adminUnitCode}`;
    case 'coop_manager':
    case 'coop_recorder':
    case 'enterprise':
      return actor.organisationId ? sql<SqlBool>`${col('organisation_id')} = ${actor.organisationId}` : nothing;
    case 'farmer':
      if (!actor.householdId || !householdColumn) return nothing;
      return sql<SqlBool>`${col(householdColumn)} = ${actor.householdId}`;
  }
}
