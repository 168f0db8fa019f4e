/**
 * Import jobs (issue 2, bulk imports): one row per uploaded file, carrying its progress, every refused
 * row, and the scope of the person who sent it (the job runs later, in the background, with exactly
 * those rights). The file itself is kept in `file_content` only until the job ends, so a queued job
 * survives a restart. Plus an index for finding households by phone, which plot imports do per row.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table import_jobs (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('plots', 'households')),
      format text not null check (format in ('csv', 'xlsx', 'geojson', 'kml', 'shapefile')),
      crs text not null default 'wgs84' check (crs in ('wgs84', 'vn2000')),
      -- the province whose VN-2000 central meridian was asked for, and the meridian in degrees
      crs_province_code text check (crs_province_code is null or crs_province_code ~ '^[0-9]{2}$'),
      crs_meridian numeric(8, 4),
      -- the organisation rows belong to when they name none
      organisation_id uuid references organisations (id),
      status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
      total_rows integer check (total_rows is null or total_rows >= 0),
      processed_rows integer not null default 0 check (processed_rows >= 0),
      imported_rows integer not null default 0 check (imported_rows >= 0),
      refusals jsonb not null default '[]'::jsonb,
      refused_count integer not null default 0,
      error text,
      file_name text,
      file_size bigint not null check (file_size >= 0),
      file_content bytea,
      attempts integer not null default 0,
      heartbeat_at timestamptz,
      actor_role text not null,
      actor_organisation_id uuid,
      actor_household_id uuid,
      actor_admin_unit_code text,
      actor_permissions text[] not null,
      actor_via text not null check (actor_via in ('session', 'token')),
      created_by uuid not null references users (id),
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz,
      check ((status in ('succeeded', 'failed')) = (finished_at is not null))
    )`.execute(db);
  await sql`create index import_jobs_creator_idx on import_jobs (created_by, created_at desc)`.execute(db);
  await sql`create index import_jobs_pending_idx on import_jobs (created_at) where status in ('queued', 'running')`.execute(db);
  // Plot rows may name their household by phone (column household_phone of the template).
  await sql`create index households_phone_idx on households (phone) where phone is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists households_phone_idx`.execute(db);
  await sql`drop table if exists import_jobs`.execute(db);
}
