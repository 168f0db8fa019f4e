/**
 * The farming diary: catalogues (crops and varieties, fertiliser and pesticide products, seeded with
 * common Vietnamese items), seasons per plot, typed activities with their superseded revisions and
 * bulk batches, photo evidence, and compliance flags.
 *
 * Why `seasons` and `activities` are declaratively partitioned now (LIST on province_code), while the
 * registry tables are not: the diary is the part that reaches hundreds of millions of rows (about 25
 * activities per plot-season, three seasons a year, millions of plots), and turning a table of that
 * size into a partitioned one later means rewriting all of it. The price of partitioning — every
 * primary key and unique constraint must include the partition key — is paid once, here:
 * - primary keys are (id, province_code) and foreign keys carry province_code, so every lookup of a
 *   season's activities prunes to one province's partition (the activity → season key is declared
 *   between matching partitions, see below);
 * - the idempotency key is unique per (client_id, province_code). A replay targets the same season and
 *   therefore the same province, so replays can never create a second row; the service also looks a
 *   client id up across all partitions before inserting, so reusing one id for another province's
 *   season is answered as a conflict (only two such requests racing each other could slip through).
 * The same constraints hold under a distributed PostgreSQL (Citus) sharded by province_code, which
 * is where this goes at national scale (ARCHITECTURE.md, "Scale-out"). One partition per province of
 * 2025 (Decision 19/2025/QĐ-TTg codes) plus a default partition, so a future code change never
 * refuses a row; it can be split out of the default later.
 *
 * The smaller diary tables (photos, revisions, batches, flags) are not partitioned but carry
 * province_code for the same sharding.
 */
import { sql, type Kysely } from 'kysely';

const PROVINCES_2025 = [
  '01', '04', '08', '11', '12', '14', '15', '19', '20', '22', '24', '25', '31', '33', '37', '38', '40',
  '42', '44', '46', '48', '51', '52', '56', '66', '68', '75', '79', '80', '82', '86', '91', '92', '96',
];

async function partitionByProvince(db: Kysely<any>, table: string) {
  for (const code of PROVINCES_2025) {
    await sql`create table ${sql.table(`${table}_p${code}`)} partition of ${sql.table(table)} for values in (${sql.lit(code)})`.execute(db);
  }
  await sql`create table ${sql.table(`${table}_pdefault`)} partition of ${sql.table(table)} default`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  // ------------------------------------------------------------------ catalogues (extensible by admins)
  await sql`
    create table crops (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name_vi text not null check (length(name_vi) between 1 and 120),
      name_en text not null check (length(name_en) between 1 and 120),
      kind text not null check (kind in ('rice', 'vegetable', 'field_crop', 'fruit', 'perennial', 'other')),
      -- botanical family (lower-case Latin): the vegetable rotation rule flags the same family twice running
      family text not null check (family ~ '^[a-z]{3,40}$'),
      created_by uuid,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table crop_varieties (
      crop_code text not null references crops (code),
      code text not null check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name_vi text not null check (length(name_vi) between 1 and 120),
      name_en text not null check (length(name_en) between 1 and 120),
      created_by uuid,
      created_at timestamptz not null default now(),
      primary key (crop_code, code)
    )`.execute(db);
  // Fractions are the grade printed on the bag (N–P2O5–K2O in %, ÷ 100): label values, not IPCC
  // defaults (methodology.md §9 item 6).
  await sql`
    create table fertiliser_products (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name_vi text not null check (length(name_vi) between 1 and 120),
      name_en text not null check (length(name_en) between 1 and 120),
      n_fraction numeric(6, 5) not null check (n_fraction between 0 and 1),
      p2o5_fraction numeric(6, 5) not null default 0 check (p2o5_fraction between 0 and 1),
      k2o_fraction numeric(6, 5) not null default 0 check (k2o_fraction between 0 and 1),
      is_urea boolean not null default false,
      n_source text not null default 'synthetic' check (n_source in ('synthetic', 'organic')),
      lime_kind text check (lime_kind in ('limestone', 'dolomite')),
      created_by uuid,
      created_at timestamptz not null default now(),
      check (n_fraction + p2o5_fraction + k2o_fraction <= 1)
    )`.execute(db);
  await sql`
    create table pesticide_products (
      code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name text not null check (length(name) between 1 and 120),
      active_ingredients jsonb not null check (jsonb_typeof(active_ingredients) = 'array'),
      default_phi_days integer not null check (default_phi_days between 0 and 365),
      phi_source text,
      created_by uuid,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    insert into crops (code, name_vi, name_en, kind, family) values
      ('rice', 'Lúa', 'Rice', 'rice', 'poaceae'),
      ('maize', 'Ngô (bắp)', 'Maize', 'field_crop', 'poaceae'),
      ('sugarcane', 'Mía', 'Sugarcane', 'field_crop', 'poaceae'),
      ('sweet_potato', 'Khoai lang', 'Sweet potato', 'field_crop', 'convolvulaceae'),
      ('cassava', 'Sắn (khoai mì)', 'Cassava', 'field_crop', 'euphorbiaceae'),
      ('soybean', 'Đậu nành', 'Soybean', 'field_crop', 'fabaceae'),
      ('mung_bean', 'Đậu xanh', 'Mung bean', 'field_crop', 'fabaceae'),
      ('cabbage', 'Bắp cải', 'Cabbage', 'vegetable', 'brassicaceae'),
      ('mustard_greens', 'Cải xanh', 'Mustard greens', 'vegetable', 'brassicaceae'),
      ('kohlrabi', 'Su hào', 'Kohlrabi', 'vegetable', 'brassicaceae'),
      ('tomato', 'Cà chua', 'Tomato', 'vegetable', 'solanaceae'),
      ('chilli', 'Ớt', 'Chilli', 'vegetable', 'solanaceae'),
      ('eggplant', 'Cà tím', 'Eggplant', 'vegetable', 'solanaceae'),
      ('cucumber', 'Dưa leo (dưa chuột)', 'Cucumber', 'vegetable', 'cucurbitaceae'),
      ('bitter_gourd', 'Khổ qua (mướp đắng)', 'Bitter gourd', 'vegetable', 'cucurbitaceae'),
      ('pumpkin', 'Bí đỏ', 'Pumpkin', 'vegetable', 'cucurbitaceae'),
      ('water_spinach', 'Rau muống', 'Water spinach', 'vegetable', 'convolvulaceae'),
      ('lettuce', 'Xà lách', 'Lettuce', 'vegetable', 'asteraceae'),
      ('spring_onion', 'Hành lá', 'Spring onion', 'vegetable', 'amaryllidaceae'),
      ('yardlong_bean', 'Đậu đũa', 'Yardlong bean', 'vegetable', 'fabaceae'),
      ('coffee', 'Cà phê', 'Coffee', 'perennial', 'rubiaceae'),
      ('tea', 'Chè', 'Tea', 'perennial', 'theaceae'),
      ('dragon_fruit', 'Thanh long', 'Dragon fruit', 'fruit', 'cactaceae'),
      ('durian', 'Sầu riêng', 'Durian', 'fruit', 'malvaceae'),
      ('mango', 'Xoài', 'Mango', 'fruit', 'anacardiaceae')`.execute(db);
  // Rice varieties widely sown in the Mekong Delta; names are proper names in both languages.
  await sql`
    insert into crop_varieties (crop_code, code, name_vi, name_en) values
      ('rice', 'om5451', 'OM5451', 'OM5451'),
      ('rice', 'om18', 'OM18', 'OM18'),
      ('rice', 'om4900', 'OM4900', 'OM4900'),
      ('rice', 'dai_thom_8', 'Đài Thơm 8', 'Dai Thom 8'),
      ('rice', 'st24', 'ST24', 'ST24'),
      ('rice', 'st25', 'ST25', 'ST25'),
      ('rice', 'jasmine_85', 'Jasmine 85', 'Jasmine 85'),
      ('rice', 'ir50404', 'IR 50404', 'IR 50404'),
      ('rice', 'nang_hoa_9', 'Nàng Hoa 9', 'Nang Hoa 9')`.execute(db);
  await sql`
    insert into fertiliser_products (code, name_vi, name_en, n_fraction, p2o5_fraction, k2o_fraction, is_urea, lime_kind) values
      ('urea', 'Phân urê (46 % N)', 'Urea (46 % N)', 0.46, 0, 0, true, null),
      ('dap', 'DAP 18-46-0', 'Diammonium phosphate (DAP) 18-46-0', 0.18, 0.46, 0, false, null),
      ('npk_16_16_8', 'NPK 16-16-8', 'NPK 16-16-8', 0.16, 0.16, 0.08, false, null),
      ('npk_20_20_15', 'NPK 20-20-15', 'NPK 20-20-15', 0.20, 0.20, 0.15, false, null),
      ('npk_15_15_15', 'NPK 15-15-15', 'NPK 15-15-15', 0.15, 0.15, 0.15, false, null),
      ('ammonium_sulphate', 'Phân SA (amoni sunphat, 21 % N)', 'Ammonium sulphate (21 % N)', 0.21, 0, 0, false, null),
      ('potassium_chloride', 'Kali clorua (KCl, 60 % K2O)', 'Potassium chloride (MOP, 60 % K2O)', 0, 0, 0.60, false, null),
      ('superphosphate', 'Super lân (16 % P2O5)', 'Single superphosphate (16 % P2O5)', 0, 0.16, 0, false, null),
      ('fused_phosphate', 'Lân nung chảy (15 % P2O5)', 'Fused magnesium phosphate (15 % P2O5)', 0, 0.15, 0, false, null),
      ('agricultural_lime', 'Vôi nông nghiệp (CaCO3)', 'Agricultural lime (limestone)', 0, 0, 0, false, 'limestone'),
      ('dolomite_lime', 'Vôi dolomit', 'Dolomite lime', 0, 0, 0, false, 'dolomite')`.execute(db);
  // Pre-harvest intervals from vn-standards.md §4.4 (the label of the registered product prevails;
  // a diary entry may give its own phiDays).
  await sql`
    insert into pesticide_products (code, name, active_ingredients, default_phi_days, phi_source) values
      ('cypermethrin_10ec', 'Cypermethrin 10EC', '[{"name":"Cypermethrin","concentration":"100 g/l"}]', 7,
        'vn-standards.md §4.4: cypermethrin, leafy vegetables 7 d (fruit vegetables 3 d, cabbage 14 d, onion 21 d)'),
      ('dimethoate_40ec', 'Dimethoate 40EC', '[{"name":"Dimethoate","concentration":"400 g/l"}]', 14,
        'vn-standards.md §4.4: dimethoate, rice/potato/fruit 14 d (vegetables 7 d)'),
      ('bt_wp', 'Bacillus thuringiensis (Bt) WP', '[{"name":"Bacillus thuringiensis var. kurstaki"}]', 5,
        'vn-standards.md §4.4: Bt 3–5 d (the longer value is used)')`.execute(db);

  // ------------------------------------------------------------------ seasons (crop cycles per plot)
  // province, commune, organisation and household are copied from the plot: every scoped query and
  // the partitioning work on the season row alone.
  await sql`
    create table seasons (
      id uuid not null default gen_random_uuid(),
      client_id uuid,
      plot_id uuid not null references plots (id),
      province_code text not null,
      commune_code text not null,
      organisation_id uuid,
      household_id uuid,
      crop_code text not null references crops (code),
      variety text check (length(variety) between 1 and 80),
      season_name text not null check (season_name in ('dong_xuan', 'he_thu', 'thu_dong', 'xuan_he', 'mua', 'other')),
      year integer not null check (year between 2000 and 2100),
      planned_start_on date not null,
      planned_end_on date,
      actual_start_on date,
      actual_end_on date,
      previous_harvest_on date,
      area_ha numeric(14, 4) not null check (area_ha > 0),
      status text not null default 'planned' check (status in ('planned', 'in_progress', 'harvested', 'closed')),
      standard text check (standard in ('vietgap', 'globalgap', 'organic', 'basic', 'low_emission_rice', 'none')),
      expected_yield_kg_per_ha numeric(10, 2) check (expected_yield_kg_per_ha > 0),
      expected_market text,
      notes text,
      version integer not null default 1 check (version >= 1),
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_by uuid,
      updated_at timestamptz,
      primary key (id, province_code),
      unique (client_id, province_code),
      check (planned_end_on is null or planned_end_on >= planned_start_on),
      check (actual_end_on is null or actual_start_on is null or actual_end_on >= actual_start_on)
    ) partition by list (province_code)`.execute(db);
  await partitionByProvince(db, 'seasons');
  // One named season per plot and crop year ('other' covers the several short vegetable cycles of a year).
  await sql`create unique index seasons_plot_name_uidx on seasons (plot_id, year, season_name, province_code) where season_name <> 'other'`.execute(db);
  await sql`create index seasons_plot_idx on seasons (plot_id, planned_start_on)`.execute(db);
  await sql`create index seasons_scope_idx on seasons (province_code, commune_code, year)`.execute(db);
  await sql`create index seasons_org_idx on seasons (organisation_id, year)`.execute(db);
  await sql`create index seasons_household_idx on seasons (household_id)`.execute(db);

  // ------------------------------------------------------------------ activities
  await sql`
    create table activities (
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      -- sha-256 of the create request, so a replay can be told from a different request reusing the id
      payload_hash text not null,
      season_id uuid not null,
      province_code text not null,
      type text not null check (type in ('land_preparation', 'sowing', 'fertiliser', 'pesticide', 'irrigation', 'drainage', 'water_level', 'straw', 'mechanised_operation', 'harvest', 'post_harvest_loss')),
      occurred_on date not null,
      details jsonb not null check (jsonb_typeof(details) = 'object'),
      version integer not null default 1 check (version >= 1),
      deleted_at timestamptz,
      deleted_by uuid,
      recorded_by uuid not null,
      recorded_at timestamptz not null default now(),
      recorded_on_behalf boolean not null default false,
      batch_id uuid,
      updated_by uuid,
      updated_at timestamptz,
      primary key (id, province_code),
      unique (client_id, province_code)
    ) partition by list (province_code)`.execute(db);
  await partitionByProvince(db, 'activities');
  // The foreign key to the season is declared partition to partition (activities_p92 → seasons_p92):
  // PostgreSQL 15 checks a key that references the partitioned parent through the parent, about
  // 40 µs per inserted row — five times everything else an insert costs (measured with
  // bench/diary-ingest.bench.ts) — while a key to the matching partition is an ordinary index probe.
  // Both tables route by province_code, so an activity's season is always in the same-named partition.
  for (const code of [...PROVINCES_2025, 'default']) {
    await sql`alter table ${sql.table(`activities_p${code}`)} add constraint ${sql.ref(`activities_p${code}_season_fkey`)}
      foreign key (season_id, province_code) references ${sql.table(`seasons_p${code}`)} (id, province_code)`.execute(db);
  }
  await sql`create index activities_season_idx on activities (season_id, occurred_on)`.execute(db);
  await sql`create index activities_batch_idx on activities (batch_id) where batch_id is not null`.execute(db);

  // Every superseded version of an activity (an edit or a delete never loses what was there), and the
  // id of the change that superseded it, so a replayed update is recognised.
  await sql`
    create table activity_revisions (
      activity_id uuid not null,
      province_code text not null,
      version integer not null,
      occurred_on date not null,
      details jsonb not null,
      deleted_at timestamptz,
      mutation_client_id uuid,
      superseded_by uuid not null,
      superseded_at timestamptz not null default now(),
      primary key (activity_id, version),
      foreign key (activity_id, province_code) references activities (id, province_code)
    )`.execute(db);
  await sql`create unique index activity_revisions_mutation_uidx on activity_revisions (mutation_client_id) where mutation_client_id is not null`.execute(db);

  // One row per bulk request ("one fertiliser round across 40 plots"): its clientId is the batch id.
  await sql`
    create table activity_batches (
      id uuid primary key,
      payload_hash text not null,
      season_count integer not null check (season_count > 0),
      created_by uuid not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  // Photos are kept in the database (bytea), not in a media folder: a photo and its flags are written
  // in the same transaction as everything else (a crash leaves no orphan file and no row without its
  // bytes), one backup holds all evidence, scoping is the same query as for the activity, and it works
  // identically on PGlite and on PostgreSQL with several server processes (no shared disk needed).
  // Phones send compressed JPEGs of 0.1–1 MB; TOAST stores them out of line. The sha-256 makes a
  // replayed upload idempotent and allows moving the bytes to object storage later by content address.
  await sql`
    create table activity_photos (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null,
      province_code text not null,
      season_id uuid not null,
      content_sha256 text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
      mime_type text not null check (mime_type in ('image/jpeg', 'image/png', 'image/webp')),
      byte_size integer not null check (byte_size between 1 and 10485760),
      content bytea not null,
      captured_at timestamptz not null,
      lat double precision check (lat between -90 and 90),
      lon double precision check (lon between -180 and 180),
      distance_to_plot_m double precision check (distance_to_plot_m >= 0),
      flags text[] not null default '{}',
      uploaded_by uuid not null,
      uploaded_at timestamptz not null default now(),
      unique (activity_id, content_sha256),
      foreign key (activity_id, province_code) references activities (id, province_code),
      check ((lat is null) = (lon is null))
    )`.execute(db);
  await sql`create index activity_photos_season_idx on activity_photos (season_id)`.execute(db);

  // Findings for the reviewer. A refresh re-derives them: an open flag whose finding disappeared is
  // resolved (kept, never deleted); flag_key tells two findings of one kind apart.
  await sql`
    create table compliance_flags (
      id uuid primary key default gen_random_uuid(),
      season_id uuid not null,
      province_code text not null,
      activity_id uuid,
      kind text not null check (kind in ('phi_violation', 'rotation', 'photo_far', 'photo_stale', 'photo_unlocated', 'missing_records')),
      flag_key text not null,
      detail text not null,
      data jsonb not null default '{}',
      created_at timestamptz not null default now(),
      resolved_at timestamptz,
      resolved_by uuid,
      resolution text,
      foreign key (season_id, province_code) references seasons (id, province_code)
    )`.execute(db);
  await sql`create unique index compliance_flags_open_uidx on compliance_flags (season_id, kind, flag_key) where resolved_at is null`.execute(db);
  await sql`create index compliance_flags_scope_idx on compliance_flags (province_code, kind) where resolved_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'compliance_flags', 'activity_photos', 'activity_batches', 'activity_revisions', 'activities', 'seasons',
    'pesticide_products', 'fertiliser_products', 'crop_varieties', 'crops',
  ]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
}
