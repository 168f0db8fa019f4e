/**
 * Registry completion (issue 2): cooperative groups (tổ hợp tác), household members, plot boundary
 * history, recorded overlap overrides, the standard a growing area applies, and growing-area codes
 * as their own records (kind, scheme, market, issuer, issue date, status with history), replacing
 * the single domestic_code / export_code columns of the foundation (vn-standards.md §1.4: a growing
 * area has a domestic code and any number of export codes, each with its own status history).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Tổ hợp tác (cooperative group, Decree 77/2019/NĐ-CP) joins the organisation kinds.
  await sql`alter table organisations drop constraint organisations_kind_check`.execute(db);
  await sql`
    alter table organisations add constraint organisations_kind_check
      check (kind in ('cooperative', 'cooperative_group', 'enterprise', 'agency', 'verifier'))`.execute(db);

  await sql`
    create table household_members (
      id uuid primary key default gen_random_uuid(),
      household_id uuid not null references households (id),
      province_code text not null references admin_units (code),
      full_name text not null check (length(full_name) between 1 and 200),
      relation text not null check (relation in ('head', 'spouse', 'child', 'parent', 'other')),
      birth_year integer check (birth_year between 1900 and 2100),
      gender text check (gender in ('male', 'female')),
      phone text check (phone is null or phone ~ '^\\+?[0-9]{9,15}$'),
      created_by uuid,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index household_members_household_idx on household_members (household_id)`.execute(db);
  // A household has one head (chủ hộ).
  await sql`create unique index household_members_one_head_idx on household_members (household_id) where relation = 'head'`.execute(db);

  // Every boundary a plot has had. Rows appear from the first redraw on (version 1 is then copied
  // from the plot as it was registered); a plot never redrawn has its one boundary on the plot row,
  // so plots inserted by any path (imports, seeds) need no history row.
  await sql`
    create table plot_boundary_history (
      plot_id uuid not null references plots (id),
      version integer not null check (version >= 1),
      province_code text not null references admin_units (code),
      boundary geometry(MultiPolygon, 4326) not null,
      area_ha numeric(14, 4) not null check (area_ha > 0),
      valid_from timestamptz not null,
      valid_to timestamptz,
      changed_by uuid,
      reason text check (reason is null or length(reason) between 1 and 500),
      primary key (plot_id, version),
      check (valid_to is null or valid_to >= valid_from)
    )`.execute(db);
  await sql`create unique index plot_boundary_history_current_idx on plot_boundary_history (plot_id) where valid_to is null`.execute(db);

  // An overlap of more than 1 m² accepted on purpose, with who accepted it and why.
  await sql`
    create table plot_overlap_overrides (
      id bigserial primary key,
      plot_id uuid not null references plots (id),
      other_plot_id uuid not null references plots (id),
      overlap_ha numeric(14, 6) not null check (overlap_ha > 0),
      reason text not null check (length(reason) between 5 and 500),
      created_by uuid not null,
      created_at timestamptz not null default now(),
      check (plot_id <> other_plot_id)
    )`.execute(db);
  await sql`create index plot_overlap_overrides_plot_idx on plot_overlap_overrides (plot_id)`.execute(db);
  await sql`create index plot_overlap_overrides_other_idx on plot_overlap_overrides (other_plot_id)`.execute(db);

  await sql`
    alter table growing_areas add column standard text not null default 'basic'
      check (standard in ('vietgap', 'globalgap', 'organic', 'basic'))`.execute(db);

  // Codes are opaque strings as issued (vn-standards.md §1.2: never re-derive them from today's
  // administrative codes), unique within their kind.
  await sql`
    create table growing_area_codes (
      id uuid primary key default gen_random_uuid(),
      growing_area_id uuid not null references growing_areas (id),
      kind text not null check (kind in ('domestic', 'export')),
      code text not null check (length(code) between 1 and 60),
      scheme text not null check (length(scheme) between 1 and 100),
      market text check (market is null or length(market) between 1 and 100),
      issuer text not null check (length(issuer) between 1 and 200),
      issued_on date not null,
      status text not null default 'active' check (status in ('active', 'suspended', 'revoked')),
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_by uuid,
      updated_at timestamptz,
      unique (kind, code)
    )`.execute(db);
  await sql`create index growing_area_codes_area_idx on growing_area_codes (growing_area_id)`.execute(db);
  // One domestic code in force per growing area; a revoked one may be followed by a new one.
  await sql`
    create unique index growing_area_codes_one_domestic_idx on growing_area_codes (growing_area_id)
      where kind = 'domestic' and status <> 'revoked'`.execute(db);

  await sql`
    create table growing_area_code_history (
      id bigserial primary key,
      code_id uuid not null references growing_area_codes (id),
      status text not null check (status in ('active', 'suspended', 'revoked')),
      reason text,
      changed_by uuid,
      changed_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index growing_area_code_history_code_idx on growing_area_code_history (code_id, id)`.execute(db);

  // Carry codes stored in the foundation's columns over, marked as of unknown scheme and issuer.
  for (const kind of ['domestic', 'export'] as const) {
    await sql`
      insert into growing_area_codes (growing_area_id, kind, code, scheme, issuer, issued_on, created_by, created_at)
      select id, ${kind}, ${sql.ref(`${kind}_code`)}, 'unspecified', 'unspecified', created_at::date, created_by, created_at
      from growing_areas where ${sql.ref(`${kind}_code`)} is not null`.execute(db);
  }
  await sql`
    insert into growing_area_code_history (code_id, status, reason, changed_by, changed_at)
    select id, 'active', 'carried over from the growing area record', created_by, created_at from growing_area_codes`.execute(db);
  await sql`alter table growing_areas drop column domestic_code, drop column export_code`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table growing_areas add column domestic_code text unique, add column export_code text unique`.execute(db);
  for (const kind of ['domestic', 'export'] as const) {
    await sql`
      update growing_areas g set ${sql.ref(`${kind}_code`)} = c.code
      from growing_area_codes c where c.growing_area_id = g.id and c.kind = ${kind} and c.status <> 'revoked'`.execute(db);
  }
  for (const table of ['growing_area_code_history', 'growing_area_codes', 'plot_overlap_overrides', 'plot_boundary_history', 'household_members']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`alter table growing_areas drop column standard`.execute(db);
  await sql`update organisations set kind = 'cooperative' where kind = 'cooperative_group'`.execute(db);
  await sql`alter table organisations drop constraint organisations_kind_check`.execute(db);
  await sql`alter table organisations add constraint organisations_kind_check check (kind in ('cooperative', 'enterprise', 'agency', 'verifier'))`.execute(db);
}
