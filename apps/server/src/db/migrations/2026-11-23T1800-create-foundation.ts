/**
 * Foundation: administrative units (2025 units and the pre-2025 codes that resolve to them),
 * organisations, users, sessions, API tokens, households, plots, growing areas.
 * Every large table carries province_code so it can be partitioned and distributed by province.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists postgis`.execute(db);

  await sql`
    create table admin_units (
      code text primary key check (code ~ '^[0-9]{2,5}$'),
      name text not null,
      level text not null check (level in ('province', 'commune')),
      unit_type text not null,
      parent_code text references admin_units (code),
      valid_from date not null default '2025-07-01',
      valid_to date,
      boundary geometry(MultiPolygon, 4326) check (boundary is null or ST_IsValid(boundary)),
      check ((level = 'province') = (parent_code is null))
    )`.execute(db);
  await sql`create index admin_units_parent_idx on admin_units (parent_code, name)`.execute(db);
  await sql`create index admin_units_boundary_gix on admin_units using gist (boundary)`.execute(db);

  // Pre-2025 communes and the 2025 commune each was merged into (Decision 19/2025/QĐ-TTg conversion).
  await sql`
    create table admin_unit_predecessors (
      old_code text not null,
      old_name text not null,
      old_district_name text,
      old_province_code text,
      old_province_name text,
      new_code text not null references admin_units (code),
      primary key (old_code, new_code)
    )`.execute(db);

  await sql`
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(name) between 1 and 200),
      kind text not null check (kind in ('cooperative', 'enterprise', 'agency', 'verifier')),
      province_code text not null references admin_units (code),
      commune_code text references admin_units (code),
      tax_code text,
      gln text check (gln is null or gln ~ '^[0-9]{13}$'),
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_by uuid,
      updated_at timestamptz
    )`.execute(db);
  await sql`create index organisations_scope_idx on organisations (province_code, commune_code)`.execute(db);

  await sql`
    create table households (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid references organisations (id),
      head_name text not null check (length(head_name) between 1 and 200),
      phone text,
      address text,
      province_code text not null references admin_units (code),
      commune_code text not null references admin_units (code),
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_by uuid,
      updated_at timestamptz
    )`.execute(db);
  await sql`create index households_org_idx on households (organisation_id)`.execute(db);
  await sql`create index households_commune_idx on households (province_code, commune_code)`.execute(db);

  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      display_name text not null check (length(display_name) between 1 and 200),
      phone text unique check (phone is null or phone ~ '^\\+?[0-9]{9,15}$'),
      email text unique check (email is null or position('@' in email) > 1),
      password_hash text not null,
      role text not null check (role in ('farmer', 'coop_manager', 'coop_recorder', 'commune_officer', 'province_officer', 'verifier', 'enterprise', 'admin')),
      organisation_id uuid references organisations (id),
      household_id uuid references households (id),
      admin_unit_code text references admin_units (code),
      locale text not null default 'vi' check (locale in ('vi', 'en')),
      disabled_at timestamptz,
      created_by uuid,
      created_at timestamptz not null default now(),
      check (phone is not null or email is not null)
    )`.execute(db);

  // Only hashes of session and API tokens are stored; the token itself is shown once.
  await sql`
    create table sessions (
      token_hash text primary key,
      user_id uuid not null references users (id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id)`.execute(db);

  await sql`
    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id),
      name text not null check (length(name) between 1 and 120),
      token_hash text not null unique,
      prefix text not null,
      scopes text[] not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);

  await sql`
    create table plots (
      id uuid primary key default gen_random_uuid(),
      code text not null check (length(code) between 1 and 60),
      name text not null check (length(name) between 1 and 200),
      household_id uuid references households (id),
      organisation_id uuid references organisations (id),
      province_code text not null references admin_units (code),
      commune_code text not null references admin_units (code),
      land_use text not null default 'rice' check (land_use in ('rice', 'vegetables', 'fruit', 'tea', 'coffee', 'other')),
      boundary geometry(MultiPolygon, 4326) not null check (ST_IsValid(boundary)),
      -- computed by PostGIS on geography at write time, never taken from the client
      area_ha numeric(14, 4) not null check (area_ha > 0),
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_by uuid,
      updated_at timestamptz,
      unique (province_code, code)
    )`.execute(db);
  await sql`create index plots_boundary_gix on plots using gist (boundary)`.execute(db);
  await sql`create index plots_scope_idx on plots (province_code, commune_code)`.execute(db);
  await sql`create index plots_org_idx on plots (organisation_id)`.execute(db);
  await sql`create index plots_household_idx on plots (household_id)`.execute(db);

  await sql`
    create table growing_areas (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid references organisations (id),
      name text not null,
      crop text not null,
      domestic_code text unique,
      export_code text unique,
      status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'suspended', 'revoked')),
      province_code text not null references admin_units (code),
      commune_code text not null references admin_units (code),
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_by uuid,
      updated_at timestamptz
    )`.execute(db);
  await sql`
    create table growing_area_plots (
      growing_area_id uuid not null references growing_areas (id),
      plot_id uuid not null references plots (id),
      primary key (growing_area_id, plot_id)
    )`.execute(db);
  await sql`
    create table growing_area_status_history (
      id bigserial primary key,
      growing_area_id uuid not null references growing_areas (id),
      status text not null,
      reason text,
      changed_by uuid,
      changed_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'growing_area_status_history', 'growing_area_plots', 'growing_areas', 'plots', 'api_tokens', 'sessions',
    'users', 'households', 'organisations', 'admin_unit_predecessors', 'admin_units',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
