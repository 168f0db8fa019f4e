/**
 * Targets, dashboards, yearly reports and programme management (capabilities 10, 11 and 12; issue 7).
 *
 * - Plans as data: a plan (issuing body, decision, scope, period, report deadline), its indicators
 *   (code, vi/en names, unit, baseline, direction, how it is computed), targets per year (optionally
 *   per breakdown such as an old district of a plan's table), and values entered with their source
 *   (never updated in place: a new value supersedes the old one, both kept).
 * - Dashboard rollups: one summary row per season (its derived diary facts and emissions) and
 *   aggregates per commune × crop × season × year × water regime × straw practice, so a dashboard
 *   reads a few hundred rows instead of a province's millions of seasons. They are kept up to date
 *   incrementally: statement-level triggers on seasons, activities and plots queue what changed
 *   (one INSERT … SELECT per statement, not per row, so bulk diary writes stay cheap), and the
 *   dashboards module recomputes only the queued seasons and their communes.
 * - Unit boundaries uploaded by an admin (GeoJSON), with who, when, source and whether illustrative;
 *   configurable ecological zones mapping provinces/communes to zones.
 * - Yearly reports commune → province → ministry with their versions; a submitted version is frozen
 *   by a trigger (its content can no longer change or be deleted).
 * - Programme management: the plans' task tables with progress notes, training events with
 *   attendance by role and coverage targets, land consolidation records with their plots.
 *
 * Large tables (season_summaries, dashboard_rollups) carry province_code in their keys so they can be
 * partitioned and distributed by province like the diary (ARCHITECTURE.md, "Scale-out").
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // ------------------------------------------------------------------ plans, indicators, targets, values
  await sql`
    create table plans (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[a-z0-9][a-z0-9_.-]{1,79}$'),
      name_vi text not null check (length(name_vi) between 1 and 500),
      name_en text not null check (length(name_en) between 1 and 500),
      issuing_body text not null check (length(issuing_body) between 1 and 200),
      -- the plan's own number ("Số: …/KH-UBND"); null while the source leaves it blank
      decision_number text check (decision_number is null or length(decision_number) between 1 and 80),
      -- the decision or resolution the plan implements, e.g. 4024/QĐ-BNNMT
      legal_basis text check (legal_basis is null or length(legal_basis) between 1 and 500),
      scope_level text not null check (scope_level in ('province', 'commune')),
      province_code text not null references admin_units (code),
      commune_code text references admin_units (code),
      period_start_year integer not null check (period_start_year between 2000 and 2100),
      period_end_year integer not null check (period_end_year between 2000 and 2100),
      -- the yearly report is due on this day and month (vn-standards.md §7: a per-plan value)
      report_due_month smallint not null default 12 check (report_due_month between 1 and 12),
      report_due_day smallint not null default 10 check (report_due_day between 1 and 31),
      report_due_source text,
      source_document text,
      description_vi text,
      description_en text,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_by uuid,
      updated_at timestamptz,
      check ((scope_level = 'commune') = (commune_code is not null)),
      check (period_end_year >= period_start_year)
    )`.execute(db);
  await sql`create index plans_scope_idx on plans (province_code, commune_code)`.execute(db);

  await sql`
    create table plan_indicators (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references plans (id),
      code text not null check (code ~ '^[a-z0-9][a-z0-9_.-]{1,79}$'),
      position integer not null default 0,
      section text check (section is null or length(section) <= 200),
      name_vi text not null check (length(name_vi) between 1 and 500),
      name_en text not null check (length(name_en) between 1 and 500),
      unit text not null check (length(unit) between 1 and 40),
      direction text not null check (direction in ('increase', 'decrease')),
      computation text not null check (computation = 'entered' or computation ~ '^computed:[a-z_]+$'),
      computation_params jsonb not null default '{}' check (jsonb_typeof(computation_params) = 'object'),
      baseline_year integer check (baseline_year between 1990 and 2100),
      baseline_value double precision,
      baseline_unit text,
      baseline_source text,
      breakdown_label_vi text,
      breakdown_label_en text,
      source text not null check (length(source) between 3 and 1000),
      note_vi text,
      note_en text,
      details jsonb not null default '{}' check (jsonb_typeof(details) = 'object'),
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_by uuid,
      updated_at timestamptz,
      unique (plan_id, code),
      check ((baseline_value is null) or (baseline_source is not null))
    )`.execute(db);

  // breakdown '' is the whole scope of the plan; otherwise a row of the plan's own table (e.g. a district).
  await sql`
    create table plan_indicator_targets (
      indicator_id uuid not null references plan_indicators (id),
      year integer not null check (year between 2000 and 2100),
      breakdown text not null default '' check (length(breakdown) <= 120),
      comparator text not null check (comparator in ('gte', 'gt', 'lte', 'lt', 'eq')),
      value double precision not null,
      as_written text check (as_written is null or length(as_written) <= 200),
      source text not null check (length(source) between 3 and 1000),
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_by uuid,
      updated_at timestamptz,
      primary key (indicator_id, year, breakdown)
    )`.execute(db);

  // Entered values: append-only; a correction supersedes the previous value, which stays.
  await sql`
    create table indicator_values (
      id uuid primary key default gen_random_uuid(),
      indicator_id uuid not null references plan_indicators (id),
      year integer not null check (year between 1990 and 2100),
      breakdown text not null default '' check (length(breakdown) <= 120),
      admin_unit_code text not null references admin_units (code),
      province_code text not null references admin_units (code),
      value double precision not null,
      source text not null check (length(source) between 3 and 1000),
      note text check (note is null or length(note) <= 2000),
      entered_by uuid,
      entered_at timestamptz not null default now(),
      superseded_by uuid references indicator_values (id),
      superseded_at timestamptz
    )`.execute(db);
  await sql`
    create unique index indicator_values_current_uidx on indicator_values (indicator_id, year, breakdown, admin_unit_code)
      where superseded_at is null`.execute(db);

  // ------------------------------------------------------------------ dashboard rollups
  await sql`
    create table season_summaries (
      season_id uuid not null,
      province_code text not null,
      commune_code text not null,
      plot_id uuid not null,
      organisation_id uuid,
      household_id uuid,
      crop_code text not null,
      crop_kind text not null,
      season_name text not null,
      year integer not null,
      area_ha double precision not null,
      status text not null,
      standard text,
      activity_count integer not null,
      water_regime text,
      awd boolean not null default false,
      low_emission boolean not null default false,
      sustainable boolean not null default false,
      coded_area boolean not null default false,
      seed_rate_kg_per_ha double precision,
      n_synthetic_kg_per_ha double precision not null default 0,
      n_organic_kg_per_ha double precision not null default 0,
      urea_kg_per_ha double precision not null default 0,
      limestone_kg_per_ha double precision not null default 0,
      dolomite_kg_per_ha double precision not null default 0,
      straw_dm_per_ha_t double precision not null default 0,
      straw_removed_per_ha_t double precision not null default 0,
      straw_burnt_per_ha_t double precision not null default 0,
      straw_incorporated_per_ha_t double precision not null default 0,
      straw_practice text not null,
      yield_kg_per_ha double precision,
      post_harvest_loss_pct double precision,
      mechanised_synchronous boolean not null default false,
      mechanised_operations integer not null default 0,
      pesticide_applications integer not null default 0,
      cultivation_days double precision,
      emission_source text check (emission_source in ('mrv_run', 'diary_calculation')),
      emission_missing text,
      project_co2e_t double precision,
      baseline_co2e_t double precision,
      ch4_rice_kg double precision,
      ch4_burning_kg double precision,
      n2o_direct_kg double precision,
      n2o_indirect_kg double precision,
      n2o_burning_kg double precision,
      co2_urea_kg double precision,
      co2_lime_kg double precision,
      factor_set_key text,
      method_version text,
      mrv_run_id uuid,
      refreshed_at timestamptz not null,
      primary key (season_id, province_code)
    )`.execute(db);
  await sql`create index season_summaries_scope_idx on season_summaries (province_code, commune_code, year)`.execute(db);
  await sql`create index season_summaries_plot_idx on season_summaries (plot_id)`.execute(db);

  // Factors used by the calculations, stored once per distinct set (a province has a handful).
  await sql`
    create table emission_factor_sets (
      key text primary key,
      method_version text not null,
      factor_table_version text not null,
      factors jsonb not null check (jsonb_typeof(factors) = 'array'),
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table dashboard_rollups (
      province_code text not null,
      commune_code text not null,
      crop_code text not null,
      crop_kind text not null,
      season_name text not null,
      year integer not null,
      water_regime text not null,
      straw_practice text not null,
      season_count integer not null,
      area_ha double precision not null,
      diary_season_count integer not null,
      diary_area_ha double precision not null,
      low_emission_area_ha double precision not null,
      sustainable_area_ha double precision not null,
      coded_area_ha double precision not null,
      awd_area_ha double precision not null,
      seed_area_ha double precision not null,
      seed_kg double precision not null,
      n_synthetic_kg double precision not null,
      n_organic_kg double precision not null,
      urea_kg double precision not null,
      limestone_kg double precision not null,
      dolomite_kg double precision not null,
      pesticide_applications double precision not null,
      straw_dm_t double precision not null,
      straw_removed_t double precision not null,
      straw_burnt_t double precision not null,
      straw_incorporated_t double precision not null,
      yield_area_ha double precision not null,
      production_kg double precision not null,
      loss_area_ha double precision not null,
      loss_pct_area double precision not null,
      mech_area_ha double precision not null,
      em_season_count integer not null,
      em_area_ha double precision not null,
      em_ha_days double precision not null,
      em_nitrogen_synthetic_kg double precision not null,
      em_nitrogen_organic_kg double precision not null,
      em_urea_kg double precision not null,
      em_limestone_kg double precision not null,
      em_dolomite_kg double precision not null,
      em_burnt_dm_t double precision not null,
      project_co2e_t double precision not null,
      baseline_co2e_t double precision not null,
      ch4_rice_kg double precision not null,
      ch4_burning_kg double precision not null,
      n2o_direct_kg double precision not null,
      n2o_indirect_kg double precision not null,
      n2o_burning_kg double precision not null,
      co2_urea_kg double precision not null,
      co2_lime_kg double precision not null,
      factor_set_keys text[] not null,
      refreshed_at timestamptz not null,
      primary key (province_code, commune_code, year, crop_code, season_name, water_regime, straw_practice)
    )`.execute(db);

  // Distinct plots per commune, year and crop ('*' = any crop): shares of plots cannot be summed from seasons.
  await sql`
    create table dashboard_commune_crops (
      province_code text not null,
      commune_code text not null,
      year integer not null,
      crop_code text not null,
      plot_count integer not null,
      plot_area_ha double precision not null,
      diarised_plot_count integer not null,
      diarised_plot_area_ha double precision not null,
      low_emission_plot_area_ha double precision not null,
      refreshed_at timestamptz not null,
      primary key (province_code, commune_code, year, crop_code)
    )`.execute(db);

  await sql`
    create table plot_rollups (
      province_code text not null,
      commune_code text not null,
      plot_count integer not null,
      area_ha double precision not null,
      min_lon double precision,
      min_lat double precision,
      max_lon double precision,
      max_lat double precision,
      centroid_lon double precision,
      centroid_lat double precision,
      refreshed_at timestamptz not null,
      primary key (province_code, commune_code)
    )`.execute(db);

  await sql`
    create table season_summary_queue (
      season_id uuid not null,
      province_code text not null,
      queued_at timestamptz not null default now(),
      primary key (season_id, province_code)
    )`.execute(db);
  await sql`
    create table plot_rollup_queue (
      province_code text not null,
      commune_code text not null,
      queued_at timestamptz not null default now(),
      primary key (province_code, commune_code)
    )`.execute(db);

  // Statement-level triggers with transition tables: one INSERT … SELECT per statement. They fire
  // for every path that writes (the API, bulk imports, COPY, the demo), so no writer has to remember.
  await sql.raw(`
    create function queue_season_summaries_new() returns trigger language plpgsql as $$
    begin
      insert into season_summary_queue (season_id, province_code)
        select distinct season_id, province_code from new_rows
        on conflict do nothing;
      return null;
    end $$`).execute(db);
  await sql.raw(`
    create function queue_season_summaries_old() returns trigger language plpgsql as $$
    begin
      insert into season_summary_queue (season_id, province_code)
        select distinct season_id, province_code from old_rows
        on conflict do nothing;
      return null;
    end $$`).execute(db);
  await sql.raw(`
    create function queue_seasons_new() returns trigger language plpgsql as $$
    begin
      insert into season_summary_queue (season_id, province_code)
        select distinct id, province_code from new_rows
        on conflict do nothing;
      return null;
    end $$`).execute(db);
  await sql.raw(`
    create function queue_seasons_old() returns trigger language plpgsql as $$
    begin
      insert into season_summary_queue (season_id, province_code)
        select distinct id, province_code from old_rows
        on conflict do nothing;
      return null;
    end $$`).execute(db);
  await sql.raw(`
    create function queue_plot_rollups_new() returns trigger language plpgsql as $$
    begin
      insert into plot_rollup_queue (province_code, commune_code)
        select distinct province_code, commune_code from new_rows
        on conflict do nothing;
      return null;
    end $$`).execute(db);
  await sql.raw(`
    create function queue_plot_rollups_old() returns trigger language plpgsql as $$
    begin
      insert into plot_rollup_queue (province_code, commune_code)
        select distinct province_code, commune_code from old_rows
        on conflict do nothing;
      return null;
    end $$`).execute(db);
  for (const [table, fn] of [['activities', 'season_summaries'], ['seasons', 'seasons'], ['plots', 'plot_rollups']] as const) {
    await sql.raw(`create trigger ${table}_queue_insert after insert on ${table} referencing new table as new_rows for each statement execute function queue_${fn}_new()`).execute(db);
    await sql.raw(`create trigger ${table}_queue_update_new after update on ${table} referencing new table as new_rows for each statement execute function queue_${fn}_new()`).execute(db);
    await sql.raw(`create trigger ${table}_queue_update_old after update on ${table} referencing old table as old_rows for each statement execute function queue_${fn}_old()`).execute(db);
    await sql.raw(`create trigger ${table}_queue_delete after delete on ${table} referencing old table as old_rows for each statement execute function queue_${fn}_old()`).execute(db);
  }
  // A new or re-flagged MRV run (modules/mrv-runs, migration 2026-11-23T2100) changes the season's
  // emissions. Guarded so this migration stays valid on a database without that table.
  await sql.raw(`
    do $$ begin
      if to_regclass('mrv_runs') is not null then
        create trigger mrv_runs_queue_insert after insert on mrv_runs referencing new table as new_rows for each statement execute function queue_season_summaries_new();
        create trigger mrv_runs_queue_update after update on mrv_runs referencing new table as new_rows for each statement execute function queue_season_summaries_new();
      end if;
    end $$`).execute(db);
  // Seasons and plots written before this migration are summarised on the first refresh.
  await sql`insert into season_summary_queue (season_id, province_code) select id, province_code from seasons on conflict do nothing`.execute(db);
  await sql`insert into plot_rollup_queue (province_code, commune_code) select distinct province_code, commune_code from plots on conflict do nothing`.execute(db);

  // ------------------------------------------------------------------ maps and zones
  // Unit boundaries uploaded by an admin; one current boundary per unit, earlier ones kept.
  await sql`
    create table unit_boundaries (
      id bigserial primary key,
      admin_unit_code text not null references admin_units (code),
      boundary geometry(MultiPolygon, 4326) not null check (ST_IsValid(boundary)),
      source text not null check (length(source) between 3 and 500),
      -- true for a boundary drawn for demonstration (e.g. the convex hull of the demo plots)
      illustrative boolean not null default false,
      uploaded_by uuid,
      uploaded_at timestamptz not null default now(),
      replaced_at timestamptz
    )`.execute(db);
  await sql`create unique index unit_boundaries_current_uidx on unit_boundaries (admin_unit_code) where replaced_at is null`.execute(db);
  await sql`create index unit_boundaries_gix on unit_boundaries using gist (boundary)`.execute(db);

  await sql`
    create table ecological_zones (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name_vi text not null check (length(name_vi) between 1 and 200),
      name_en text not null check (length(name_en) between 1 and 200),
      source text,
      created_by uuid,
      created_at timestamptz not null default now()
    )`.execute(db);
  // A commune's own zone wins over its province's.
  await sql`
    create table ecological_zone_units (
      admin_unit_code text primary key references admin_units (code),
      zone_code text not null references ecological_zones (code),
      assigned_by uuid,
      assigned_at timestamptz not null default now()
    )`.execute(db);

  // ------------------------------------------------------------------ yearly reports
  await sql`
    create table yearly_reports (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references plans (id),
      year integer not null check (year between 2000 and 2100),
      level text not null check (level in ('commune', 'province')),
      province_code text not null references admin_units (code),
      commune_code text references admin_units (code),
      unit_code text not null references admin_units (code),
      status text not null default 'draft' check (status in ('draft', 'reviewed', 'submitted', 'returned')),
      current_version integer not null default 1 check (current_version >= 1),
      due_on date not null,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_by uuid,
      updated_at timestamptz,
      unique (plan_id, year, unit_code),
      check ((level = 'commune') = (commune_code is not null))
    )`.execute(db);
  await sql`create index yearly_reports_scope_idx on yearly_reports (province_code, commune_code, year)`.execute(db);

  await sql`
    create table yearly_report_versions (
      report_id uuid not null references yearly_reports (id),
      version integer not null check (version >= 1),
      content jsonb not null check (jsonb_typeof(content) = 'object'),
      content_sha256 text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
      generated_by uuid not null,
      generated_at timestamptz not null,
      reviewed_by uuid,
      reviewed_at timestamptz,
      review_note text,
      submitted_by uuid,
      submitted_at timestamptz,
      returned_by uuid,
      returned_at timestamptz,
      return_reason text,
      primary key (report_id, version)
    )`.execute(db);
  // A submitted version is frozen: its snapshot never changes and it is never deleted. Only the
  // province's return (who, when, why) may still be recorded on it.
  await sql.raw(`
    create function refuse_frozen_report_version() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.submitted_at is not null then
          raise exception 'yearly report % version % was submitted and is frozen', old.report_id, old.version using errcode = 'P0001';
        end if;
        return old;
      end if;
      if old.submitted_at is not null and (
        new.content is distinct from old.content or new.content_sha256 is distinct from old.content_sha256
        or new.generated_at is distinct from old.generated_at or new.generated_by is distinct from old.generated_by
        or new.submitted_at is distinct from old.submitted_at or new.submitted_by is distinct from old.submitted_by
        or new.reviewed_at is distinct from old.reviewed_at or new.reviewed_by is distinct from old.reviewed_by
      ) then
        raise exception 'yearly report % version % was submitted and is frozen', old.report_id, old.version using errcode = 'P0001';
      end if;
      return new;
    end $$`).execute(db);
  await sql.raw(`create trigger yearly_report_versions_frozen before update or delete on yearly_report_versions for each row execute function refuse_frozen_report_version()`).execute(db);

  // ------------------------------------------------------------------ programme management
  await sql`
    create table programme_tasks (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references plans (id),
      code text not null check (length(code) between 1 and 40),
      position integer not null default 0,
      group_code text,
      group_title text,
      title text not null check (length(title) between 1 and 2000),
      lead_agency text not null check (length(lead_agency) between 1 and 300),
      partner_agencies text,
      expected_result text,
      -- the deadline as the plan writes it ("Năm 2026", "Giai đoạn 2026-2030", "Hàng năm")
      deadline_text text not null check (length(deadline_text) between 1 and 120),
      due_on date,
      recurrence text not null default 'none' check (recurrence in ('none', 'yearly')),
      status text not null default 'not_started' check (status in ('not_started', 'in_progress', 'done', 'cancelled')),
      source text,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_by uuid,
      updated_at timestamptz,
      unique (plan_id, code)
    )`.execute(db);
  await sql`
    create table programme_task_notes (
      id bigserial primary key,
      task_id uuid not null references programme_tasks (id),
      note text not null check (length(note) between 1 and 4000),
      status text not null check (status in ('not_started', 'in_progress', 'done', 'cancelled')),
      progress_pct smallint check (progress_pct between 0 and 100),
      noted_by uuid not null,
      noted_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index programme_task_notes_task_idx on programme_task_notes (task_id, id)`.execute(db);

  await sql`
    create table training_events (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid references plans (id),
      province_code text not null references admin_units (code),
      commune_code text references admin_units (code),
      topic text not null check (length(topic) between 1 and 500),
      held_on date not null,
      place text not null check (length(place) between 1 and 300),
      trainer text not null check (length(trainer) between 1 and 300),
      notes text,
      created_by uuid not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index training_events_scope_idx on training_events (province_code, commune_code, held_on)`.execute(db);
  await sql`
    create table training_attendance (
      event_id uuid not null references training_events (id),
      role text not null check (role in ('extension_officer', 'technical_staff', 'commune_officer', 'manager', 'core_farmer', 'farmer', 'cooperative', 'enterprise', 'other')),
      attendee_count integer not null check (attendee_count > 0),
      primary key (event_id, role)
    )`.execute(db);
  // Coverage targets: "100 % of extension staff trained" needs how many extension staff there are.
  await sql`
    create table training_targets (
      plan_id uuid not null references plans (id),
      role text not null check (role in ('extension_officer', 'technical_staff', 'commune_officer', 'manager', 'core_farmer', 'farmer', 'cooperative', 'enterprise', 'other')),
      population integer not null check (population > 0),
      target_pct double precision not null check (target_pct > 0 and target_pct <= 100),
      target_year integer not null check (target_year between 2000 and 2100),
      source text not null check (length(source) between 3 and 1000),
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_by uuid,
      updated_at timestamptz,
      primary key (plan_id, role)
    )`.execute(db);

  await sql`
    create table land_consolidations (
      id uuid primary key default gen_random_uuid(),
      province_code text not null references admin_units (code),
      commune_code text not null references admin_units (code),
      kind text not null check (kind in ('lease', 'transfer', 'capital_contribution')),
      from_party text not null check (length(from_party) between 1 and 300),
      to_party text not null check (length(to_party) between 1 and 300),
      to_organisation_id uuid references organisations (id),
      area_ha numeric(14, 4) not null check (area_ha > 0),
      agreed_on date not null,
      term_years integer check (term_years between 1 and 99),
      notes text,
      created_by uuid not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index land_consolidations_scope_idx on land_consolidations (province_code, commune_code, agreed_on)`.execute(db);
  await sql`
    create table land_consolidation_plots (
      consolidation_id uuid not null references land_consolidations (id),
      plot_id uuid not null references plots (id),
      primary key (consolidation_id, plot_id)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`do $$ begin if to_regclass('mrv_runs') is not null then drop trigger if exists mrv_runs_queue_insert on mrv_runs; drop trigger if exists mrv_runs_queue_update on mrv_runs; end if; end $$`).execute(db);
  for (const table of ['activities', 'seasons', 'plots']) {
    for (const t of ['queue_insert', 'queue_update_new', 'queue_update_old', 'queue_delete']) {
      await sql.raw(`drop trigger if exists ${table}_${t} on ${table}`).execute(db);
    }
  }
  for (const table of [
    'land_consolidation_plots', 'land_consolidations', 'training_targets', 'training_attendance', 'training_events', 'programme_task_notes',
    'programme_tasks', 'yearly_report_versions', 'yearly_reports', 'ecological_zone_units', 'ecological_zones', 'unit_boundaries',
    'plot_rollup_queue', 'season_summary_queue', 'plot_rollups', 'dashboard_commune_crops', 'dashboard_rollups', 'emission_factor_sets',
    'season_summaries', 'indicator_values', 'plan_indicator_targets', 'plan_indicators', 'plans',
  ]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
  for (const fn of [
    'queue_season_summaries_new', 'queue_season_summaries_old', 'queue_seasons_new', 'queue_seasons_old', 'queue_plot_rollups_new',
    'queue_plot_rollups_old', 'refuse_frozen_report_version',
  ]) {
    await sql.raw(`drop function if exists ${fn}()`).execute(db);
  }
}
