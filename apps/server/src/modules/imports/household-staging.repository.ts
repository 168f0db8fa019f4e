/**
 * The set-wise SQL of a household import: staged rows resolved to their organisation, commune and
 * province, checked together (scope, duplicate phones in the file and in the caller's households),
 * then written with their members in the same transaction.
 */
import { sql, type Kysely } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../auth/permissions.ts';
import { visibleTo } from '../auth/scope.ts';
import { organisationVisibleTo, writableBy, type ImportDefaults, type SqlRefusal } from './import-scope.ts';
import type { StagingColumn } from './import-session.ts';

// One household import at a time across all processes: the phone checks against existing households
// and the write happen under this lock, so two files cannot both pass and then duplicate a phone.
const HOUSEHOLD_IMPORT_LOCK = 7_112_302;

export const HOUSEHOLD_STAGING = 'import_household_rows';
export const HOUSEHOLD_STAGING_COLUMNS: StagingColumn[] = [
  { name: 'row_no', type: 'integer' },
  { name: 'head_name', type: 'text' },
  { name: 'phone', type: 'text' },
  { name: 'address', type: 'text' },
  { name: 'commune_code', type: 'text' },
  { name: 'organisation_id', type: 'uuid' },
  { name: 'member_names', type: 'text' },
];

export async function createHouseholdStaging(db: Kysely<DB>) {
  await sql`drop table if exists import_household_rows`.execute(db);
  await sql`
    create temporary table import_household_rows (
      row_no integer not null, head_name text not null, phone text, address text,
      commune_code text, organisation_id uuid, member_names text
    )`.execute(db);
}

export async function dropHouseholdStaging(db: Kysely<DB>) {
  await sql`drop table if exists import_household_rows`.execute(db);
}

export async function lockHouseholdImports(tx: Executor) {
  await sql`select pg_advisory_xact_lock(${HOUSEHOLD_IMPORT_LOCK})`.execute(tx);
}

/** Each staged household with its id-to-be, organisation, commune and province. */
export async function resolveHouseholds(tx: Executor, actor: Actor, defaults: ImportDefaults) {
  await sql`
    create temporary table import_household_resolved on commit drop as
    select gen_random_uuid() as id, s.row_no, s.head_name, s.phone, s.address, s.member_names,
           coalesce(s.organisation_id, ${defaults.organisationId}::uuid) as organisation_id,
           o.id as found_organisation_id,
           coalesce(s.commune_code, o.commune_code) as wanted_commune_code,
           s.commune_code as asked_commune_code,
           c.code as commune_code, c.parent_code as province_code,
           null::uuid as household_id
    from import_household_rows s
    left join organisations o on o.id = coalesce(s.organisation_id, ${defaults.organisationId}::uuid) and ${organisationVisibleTo(actor, 'o')}
    left join admin_units c on c.code = coalesce(s.commune_code, o.commune_code) and c.level = 'commune'`.execute(tx);
  await sql`analyze import_household_resolved`.execute(tx);
}

export async function householdRefusals(tx: Executor, actor: Actor): Promise<SqlRefusal[]> {
  const result = await sql<SqlRefusal>`
    with r as (select * from import_household_resolved)
    select row_no, 'organisation_id' as field, 'organisation_not_found' as reason, organisation_id::text as text, null::int as other_row, null::text as other_code, null::float8 as amount
      from r where organisation_id is not null and found_organisation_id is null
    union all
    select row_no, 'commune_code', 'commune_required', null, null, null, null
      from r where wanted_commune_code is null
    union all
    select row_no, 'commune_code', 'unknown_commune', wanted_commune_code, null, null, null
      from r where wanted_commune_code is not null and commune_code is null
    union all
    select row_no, case when asked_commune_code is not null then 'commune_code' else 'organisation_id' end, 'outside_scope', commune_code, null, null, null
      from r where commune_code is not null and (organisation_id is null or found_organisation_id is not null) and not ${writableBy(actor, 'r')}
    union all
    select row_no, 'phone', 'duplicate_in_file', phone, first_row, null, null
      from (select row_no, phone, min(row_no) over (partition by phone) as first_row from r where phone is not null) d
      where row_no <> first_row
    union all
    select r.row_no, 'phone', 'phone_exists', r.phone, null, h.head_name, null
      from r join households h on h.phone = r.phone and ${visibleTo(actor, 'h', 'id')}
    order by 1, 2, 3`.execute(tx);
  return result.rows;
}

/** Households, then their members: the head (relation 'head') and each name of member_names ('other'). */
export async function insertStagedHouseholds(tx: Executor, actor: Actor): Promise<number> {
  const inserted = await sql`
    insert into households (id, organisation_id, head_name, phone, address, province_code, commune_code, created_by)
    select id, organisation_id, head_name, phone, address, province_code, commune_code, ${actor.userId}::uuid
    from import_household_resolved order by row_no`.execute(tx);
  await sql`
    insert into household_members (household_id, province_code, full_name, relation, phone, created_by)
    select id, province_code, head_name, 'head', phone, ${actor.userId}::uuid from import_household_resolved
    union all
    select r.id, r.province_code, m.full_name, 'other', null, ${actor.userId}::uuid
    from import_household_resolved r cross join lateral unnest(string_to_array(r.member_names, ';')) as m(full_name)
    where r.member_names is not null`.execute(tx);
  return Number(inserted.numAffectedRows ?? 0);
}
