/**
 * MRV runs per plot-season, crediting projects with their baselines, background recalculation jobs,
 * the review and verification workflow (submissions, revisions, field-check samples, findings, season
 * locks), the append-only hash-chained audit log, and carbon credits (issuances as serial ranges,
 * holdings as blocks, transfers, retirements, registry acknowledgements).
 *
 * - `mrv_runs` is the one large table here (one row per plot-season per recalculation): it is
 *   partitioned by province like the diary, its key carries province_code, and its foreign key to the
 *   season is declared partition to partition for the same reason as activities' (2026-11-23T2000).
 *   `is_current` marks the run readers see; a recalculation job writes its runs with is_current false
 *   and flips the whole job's set in one transaction at the end (never a half-updated province).
 * - The audit log refuses UPDATE, DELETE and TRUNCATE with a trigger (PGlite has one role, so REVOKE
 *   cannot protect it there); the hash chain makes any change made around the trigger detectable.
 * - Credits: a plot-season is credited at most once per monitoring period (primary key of
 *   credited_seasons), serials of a project and vintage are handed out from one counter row that an
 *   issuing transaction locks (never twice), and a block of serials is retired by changing its state
 *   from active under a row lock (never twice).
 */
import { sql, type Kysely } from 'kysely';

const PROVINCES_2025 = [
  '01', '04', '08', '11', '12', '14', '15', '19', '20', '22', '24', '25', '31', '33', '37', '38', '40',
  '42', '44', '46', '48', '51', '52', '56', '66', '68', '75', '79', '80', '82', '86', '91', '92', '96',
];

export async function up(db: Kysely<any>): Promise<void> {
  // ------------------------------------------------------------------ projects and baselines
  await sql`
    create table mrv_projects (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[A-Z0-9]{2,16}$'),
      name text not null check (length(name) between 1 and 200),
      province_code text not null,
      methodology text not null check (length(methodology) between 1 and 120),
      gwp_set text not null check (gwp_set in ('AR5', 'AR6')),
      uncertainty numeric(6, 4) check (uncertainty >= 0 and uncertainty < 1),
      baseline_kind text not null check (baseline_kind in ('fixed_practice', 'look_back')),
      -- fixed practice: { waterRegime, strawManagement, strawDmTPerHa } applied to each season's own facts
      baseline_practice jsonb,
      check ((baseline_kind = 'fixed_practice') = (baseline_practice is not null)),
      created_by uuid not null references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index mrv_projects_province_idx on mrv_projects (province_code)`.execute(db);
  await sql`
    create table mrv_project_organisations (
      project_id uuid not null references mrv_projects (id),
      organisation_id uuid not null references organisations (id),
      added_by uuid not null references users (id),
      added_at timestamptz not null default now(),
      primary key (project_id, organisation_id)
    )`.execute(db);
  // An organisation's seasons are credited under one project at a time.
  await sql`create unique index mrv_project_organisations_org_uidx on mrv_project_organisations (organisation_id)`.execute(db);

  // ------------------------------------------------------------------ recalculation jobs
  await sql`
    create table mrv_recalc_jobs (
      id uuid primary key default gen_random_uuid(),
      scope_kind text not null check (scope_kind in ('province', 'commune')),
      scope_code text not null,
      province_code text not null,
      source text not null check (source in ('diary', 'snapshots')),
      status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
      total integer,
      processed integer not null default 0,
      computed integer not null default 0,
      skipped integer not null default 0,
      -- the last season id (in id order) whose run is committed: a resumed job starts after it
      checkpoint_season_id uuid,
      error text,
      method_version text not null,
      factor_table_version text not null,
      attempts integer not null default 0,
      heartbeat_at timestamptz,
      requested_by uuid references users (id),
      requested_via text not null check (requested_via in ('api', 'cli')),
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz
    )`.execute(db);
  await sql`create index mrv_recalc_jobs_status_idx on mrv_recalc_jobs (status)`.execute(db);

  // ------------------------------------------------------------------ runs
  await sql`
    create table mrv_runs (
      id uuid not null default gen_random_uuid(),
      season_id uuid not null,
      plot_id uuid not null,
      province_code text not null,
      commune_code text not null,
      organisation_id uuid,
      household_id uuid,
      project_id uuid,
      -- 'crediting': baseline + project + crediting document of a project; 'scenario': a season outside any project
      kind text not null check (kind in ('crediting', 'scenario')),
      input_snapshot jsonb not null,
      input_hash text not null check (input_hash ~ '^[0-9a-f]{64}$'),
      method_version text not null,
      factor_table_version text not null,
      result jsonb not null,
      area_ha numeric(14, 4) not null,
      co2e_total_t double precision not null,
      baseline_co2e_t double precision,
      reduction_tco2e double precision,
      reduction_tco2e_per_ha double precision,
      net_er_tco2e double precision,
      job_id uuid,
      is_current boolean not null default false,
      superseded_by uuid,
      created_by uuid,
      created_at timestamptz not null default now(),
      primary key (id, province_code)
    ) partition by list (province_code)`.execute(db);
  for (const code of PROVINCES_2025) {
    await sql`create table ${sql.table(`mrv_runs_p${code}`)} partition of mrv_runs for values in (${sql.lit(code)})`.execute(db);
  }
  await sql`create table mrv_runs_pdefault partition of mrv_runs default`.execute(db);
  for (const code of [...PROVINCES_2025, 'default']) {
    await sql`alter table ${sql.table(`mrv_runs_p${code}`)} add constraint ${sql.ref(`mrv_runs_p${code}_season_fkey`)}
      foreign key (season_id, province_code) references ${sql.table(`seasons_p${code}`)} (id, province_code)`.execute(db);
  }
  await sql`create index mrv_runs_season_idx on mrv_runs (season_id, created_at)`.execute(db);
  await sql`create unique index mrv_runs_current_uidx on mrv_runs (season_id, province_code) where is_current`.execute(db);
  await sql`create index mrv_runs_job_idx on mrv_runs (job_id) where job_id is not null`.execute(db);

  // ------------------------------------------------------------------ submissions (review and verification)
  await sql`
    create table submissions (
      id uuid primary key default gen_random_uuid(),
      -- the first revision's id: every correction of it shares this
      root_id uuid not null,
      revision integer not null check (revision >= 1),
      previous_revision_id uuid references submissions (id),
      superseded_by uuid references submissions (id),
      organisation_id uuid not null references organisations (id),
      province_code text not null,
      commune_code text not null,
      project_id uuid references mrv_projects (id),
      period_start date not null,
      period_end date not null,
      title text not null check (length(title) between 1 and 200),
      state text not null default 'draft' check (state in ('draft', 'submitted', 'reviewed', 'verified', 'returned')),
      return_reason text,
      correction_reason text,
      submitted_by uuid references users (id),
      submitted_at timestamptz,
      reviewed_by uuid references users (id),
      reviewed_at timestamptz,
      verified_by uuid references users (id),
      verified_at timestamptz,
      verifier_organisation_id uuid references organisations (id),
      sample_seed bigint,
      sample_rule text,
      sampled_by uuid references users (id),
      sampled_at timestamptz,
      version integer not null default 1,
      created_by uuid not null references users (id),
      created_at timestamptz not null default now(),
      updated_by uuid references users (id),
      updated_at timestamptz,
      unique (root_id, revision),
      check (period_end >= period_start)
    )`.execute(db);
  await sql`create index submissions_scope_idx on submissions (province_code, commune_code, organisation_id)`.execute(db);
  await sql`
    create table submission_items (
      submission_id uuid not null references submissions (id),
      season_id uuid not null,
      province_code text not null,
      plot_id uuid not null references plots (id),
      -- the run pinned when the submission was sent: what reviewers and verifiers sign
      run_id uuid,
      area_ha numeric(14, 4) not null,
      primary key (submission_id, season_id),
      foreign key (season_id, province_code) references seasons (id, province_code),
      foreign key (run_id, province_code) references mrv_runs (id, province_code)
    )`.execute(db);
  await sql`create index submission_items_season_idx on submission_items (season_id)`.execute(db);
  await sql`
    create table submission_events (
      id bigserial primary key,
      submission_id uuid not null references submissions (id),
      action text not null,
      from_state text,
      to_state text not null,
      reason text,
      actor_id uuid not null references users (id),
      at timestamptz not null
    )`.execute(db);
  await sql`create index submission_events_submission_idx on submission_events (submission_id, id)`.execute(db);
  await sql`
    create table verification_samples (
      submission_id uuid not null references submissions (id),
      season_id uuid not null,
      position integer not null,
      primary key (submission_id, season_id),
      unique (submission_id, position)
    )`.execute(db);
  await sql`
    create table verification_findings (
      id uuid primary key default gen_random_uuid(),
      submission_id uuid not null references submissions (id),
      season_id uuid not null,
      outcome text not null check (outcome in ('conforms', 'minor_discrepancy', 'major_discrepancy')),
      note text not null check (length(note) between 1 and 2000),
      recorded_by uuid not null references users (id),
      recorded_at timestamptz not null,
      unique (submission_id, season_id)
    )`.execute(db);

  // ------------------------------------------------------------------ the audit log (append-only, hash-chained)
  await sql`
    create table audit_log (
      seq bigserial primary key,
      at timestamptz not null,
      actor text not null,
      action text not null,
      entity text not null,
      entity_id text not null,
      province_code text,
      payload jsonb not null,
      prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
      hash text not null unique check (hash ~ '^[0-9a-f]{64}$')
    )`.execute(db);
  await sql`create index audit_log_entity_idx on audit_log (entity, entity_id)`.execute(db);
  await sql`
    create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await sql`create trigger audit_log_append_only before update or delete on audit_log for each row execute function audit_log_refuse_change()`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_refuse_change()`.execute(db);

  // ------------------------------------------------------------------ credits
  await sql`
    create table credit_accounts (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      name text not null check (length(name) between 1 and 200),
      province_code text not null,
      created_by uuid not null references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index credit_accounts_org_idx on credit_accounts (organisation_id)`.execute(db);
  await sql`
    create table credit_serial_counters (
      project_id uuid not null references mrv_projects (id),
      vintage integer not null check (vintage between 2000 and 2100),
      last_serial bigint not null default 0 check (last_serial >= 0),
      primary key (project_id, vintage)
    )`.execute(db);
  await sql`
    create table credit_issuances (
      id uuid primary key default gen_random_uuid(),
      project_id uuid not null references mrv_projects (id),
      vintage integer not null,
      submission_id uuid not null references submissions (id),
      account_id uuid not null references credit_accounts (id),
      serial_start bigint not null check (serial_start >= 1),
      serial_end bigint not null,
      quantity bigint not null check (quantity >= 1),
      net_er_tco2e double precision not null,
      methodology text not null,
      verifier_organisation_id uuid references organisations (id),
      verified_by uuid references users (id),
      created_by uuid not null references users (id),
      created_at timestamptz not null default now(),
      unique (project_id, vintage, serial_start),
      check (serial_end = serial_start + quantity - 1)
    )`.execute(db);
  await sql`
    create table credited_seasons (
      season_id uuid not null,
      period_start date not null,
      period_end date not null,
      issuance_id uuid not null references credit_issuances (id),
      net_er_tco2e double precision not null,
      primary key (season_id, period_start, period_end)
    )`.execute(db);
  await sql`
    create table credit_blocks (
      id uuid primary key default gen_random_uuid(),
      issuance_id uuid not null references credit_issuances (id),
      project_id uuid not null references mrv_projects (id),
      vintage integer not null,
      account_id uuid not null references credit_accounts (id),
      serial_start bigint not null,
      serial_end bigint not null,
      status text not null default 'active' check (status in ('active', 'retired', 'split')),
      parent_block_id uuid references credit_blocks (id),
      created_at timestamptz not null default now(),
      check (serial_end >= serial_start)
    )`.execute(db);
  await sql`create index credit_blocks_account_idx on credit_blocks (account_id, project_id, vintage, serial_start) where status = 'active'`.execute(db);
  // The same serial is never live in two blocks: a split marks its parent 'split' in the same transaction.
  await sql`create unique index credit_blocks_live_serial_uidx on credit_blocks (project_id, vintage, serial_start) where status <> 'split'`.execute(db);
  await sql`
    create table credit_transfers (
      id uuid primary key default gen_random_uuid(),
      project_id uuid not null references mrv_projects (id),
      vintage integer not null,
      from_account_id uuid not null references credit_accounts (id),
      to_account_id uuid not null references credit_accounts (id),
      serial_start bigint not null,
      serial_end bigint not null,
      quantity bigint not null check (quantity >= 1),
      created_by uuid not null references users (id),
      created_at timestamptz not null default now(),
      check (from_account_id <> to_account_id)
    )`.execute(db);
  await sql`
    create table credit_retirements (
      id uuid primary key default gen_random_uuid(),
      project_id uuid not null references mrv_projects (id),
      vintage integer not null,
      account_id uuid not null references credit_accounts (id),
      block_id uuid not null unique references credit_blocks (id),
      serial_start bigint not null,
      serial_end bigint not null,
      quantity bigint not null check (quantity >= 1),
      beneficiary text not null check (length(beneficiary) between 1 and 200),
      reason text not null check (length(reason) between 1 and 500),
      created_by uuid not null references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table registry_acknowledgements (
      id uuid primary key default gen_random_uuid(),
      project_id uuid not null references mrv_projects (id),
      record_kind text not null check (record_kind in ('issuance', 'transfer', 'retirement')),
      record_id uuid not null,
      serial_range text not null,
      status text not null check (status in ('accepted', 'rejected', 'pending')),
      registry_reference text,
      message text,
      acknowledged_at timestamptz not null,
      imported_by uuid not null references users (id),
      imported_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index registry_acknowledgements_record_idx on registry_acknowledgements (record_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'registry_acknowledgements', 'credit_retirements', 'credit_transfers', 'credit_blocks', 'credited_seasons', 'credit_issuances', 'credit_serial_counters',
    'credit_accounts', 'audit_log', 'verification_findings', 'verification_samples', 'submission_events', 'submission_items', 'submissions', 'mrv_runs',
    'mrv_recalc_jobs', 'mrv_project_organisations', 'mrv_projects',
  ]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
  await sql`drop function if exists audit_log_refuse_change()`.execute(db);
}
