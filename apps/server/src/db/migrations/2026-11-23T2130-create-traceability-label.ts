/**
 * Traceability (capability 8) and the "Phát thải thấp" label (capability 7).
 *
 * Mass balance lives in the database, not only in the service:
 * - `trace_season_sources` holds each source plot-season's harvested mass (from its diary) and the
 *   mass drawn into harvest lots so far; CHECK (drawn_kg <= harvested_kg) refuses a harvest lot that
 *   would draw more rice from a season than the diary says was harvested, whatever the code does;
 * - `trace_lots.available_kg` is what is left of a lot after events consumed it; CHECK
 *   (available_kg between 0 and mass_kg) refuses any event that takes more than is there, and writers
 *   decrement it with one conditional UPDATE, so two concurrent events cannot both take the last kg;
 * - `trace_events` records each event's total input and output mass; CHECK (output_kg <= input_kg)
 *   holds for every event that consumes something (out never exceeds in);
 * - `label_season_balances` counts the harvested kg a label has been issued against per season and
 *   scheme; CHECK (labelled_kg <= eligible_kg): labelled product can never exceed eligible harvest.
 *
 * Every event is also stored as its EPCIS 2.0 JSON (the exported form), so export is a read and an
 * imported document keeps exactly what it said. Tables carry province_code (the owner's) like the
 * registry, for scoping and for sharding by province later (ARCHITECTURE.md, "Scale-out").
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // GS1 trade items an organisation labels its products with (GTIN under its company prefix).
  await sql`
    create table trace_trade_items (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      gtin text not null unique check (gtin ~ '^[0-9]{14}$'),
      company_prefix text not null check (company_prefix ~ '^[0-9]{6,12}$'),
      name_vi text not null check (length(name_vi) between 1 and 200),
      name_en text not null check (length(name_en) between 1 and 200),
      product_kind text not null check (product_kind in ('paddy', 'milled_rice', 'broken_rice', 'bran', 'husk', 'other')),
      net_content_kg numeric(12, 3) check (net_content_kg > 0),
      created_by uuid not null,
      created_at timestamptz not null default now(),
      check (substr(gtin, 2, length(company_prefix)) = company_prefix)
    )`.execute(db);

  // A plot-season as the source of harvest lots: its harvested mass from the diary, what harvest lots
  // drew from it, and its emissions as read when the first lot was made (refreshable).
  await sql`
    create table trace_season_sources (
      season_id uuid not null,
      province_code text not null,
      commune_code text not null,
      plot_id uuid not null,
      organisation_id uuid,
      harvested_kg numeric(14, 3) not null check (harvested_kg >= 0),
      drawn_kg numeric(14, 3) not null default 0 check (drawn_kg >= 0),
      co2e_t double precision not null check (co2e_t >= 0),
      baseline_co2e_t double precision not null check (baseline_co2e_t >= 0),
      verified boolean not null,
      method text not null,
      -- practices derived from the diary facts (AWD, straw not burnt, N applied …) for the public page
      practices jsonb not null check (jsonb_typeof(practices) = 'object'),
      refreshed_at timestamptz not null,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (season_id, province_code),
      foreign key (season_id, province_code) references seasons (id, province_code),
      check (drawn_kg <= harvested_kg)
    )`.execute(db);

  await sql`
    create table trace_lots (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('lot', 'unit')),
      -- AI 10 lot number for lots, AI 21 serial for units: 1–20 characters of the GS1 82-character set
      code text not null check (code ~ '^[!"%&''()*+,./0-9:;<=>?A-Z_a-z-]{1,20}$'),
      lot_number text check (lot_number ~ '^[!"%&''()*+,./0-9:;<=>?A-Z_a-z-]{1,20}$'),
      trade_item_id uuid references trace_trade_items (id),
      gtin text check (gtin ~ '^[0-9]{14}$'),
      product_kind text not null check (product_kind in ('paddy', 'milled_rice', 'broken_rice', 'bran', 'husk', 'other')),
      organisation_id uuid not null references organisations (id),
      province_code text not null,
      commune_code text,
      mass_kg numeric(14, 3) not null check (mass_kg > 0),
      available_kg numeric(14, 3) not null,
      moisture_pct numeric(5, 2) check (moisture_pct between 0 and 100),
      produced_on date not null,
      status text not null default 'active' check (status in ('active', 'in_transit', 'consumed')),
      in_transit_to uuid references organisations (id),
      parent_lot_id uuid references trace_lots (id),
      -- emissions allocated to the whole lot (kg CO2e); intensity = co2e_kg / mass_kg
      co2e_kg double precision not null check (co2e_kg >= 0),
      baseline_co2e_kg double precision not null check (baseline_co2e_kg >= 0),
      created_event_id uuid,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_by uuid,
      updated_at timestamptz,
      check (available_kg >= 0 and available_kg <= mass_kg),
      check ((kind = 'unit') = (lot_number is not null)),
      check ((status = 'in_transit') = (in_transit_to is not null))
    )`.execute(db);
  // One lot number per GTIN (the Digital Link /01/gtin/10/lot names one lot); one serial per GTIN.
  await sql`create unique index trace_lots_gtin_lot_uidx on trace_lots (gtin, code) where kind = 'lot' and gtin is not null`.execute(db);
  await sql`create unique index trace_lots_gtin_serial_uidx on trace_lots (gtin, code) where kind = 'unit'`.execute(db);
  await sql`create unique index trace_lots_org_code_uidx on trace_lots (organisation_id, code) where kind = 'lot'`.execute(db);
  await sql`create index trace_lots_scope_idx on trace_lots (province_code, organisation_id, created_at)`.execute(db);
  await sql`create index trace_lots_parent_idx on trace_lots (parent_lot_id) where parent_lot_id is not null`.execute(db);

  // How much of each source season's harvest a lot holds, two ways (modules/traceability/allocation.ts):
  // harvested_kg allocated by mass to every output (by-products included), for intensity, origin and
  // practice shares; label_kg allocated to main products only (a by-product carries none), the
  // harvest a label on this lot draws on — so the rice milled from a harvest stands for all of it.
  await sql`
    create table trace_lot_origins (
      lot_id uuid not null references trace_lots (id),
      season_id uuid not null,
      province_code text not null,
      harvested_kg double precision not null check (harvested_kg >= 0),
      label_kg double precision not null check (label_kg >= 0),
      primary key (lot_id, season_id),
      foreign key (season_id, province_code) references trace_season_sources (season_id, province_code)
    )`.execute(db);
  await sql`create index trace_lot_origins_season_idx on trace_lot_origins (season_id)`.execute(db);

  await sql`
    create table trace_events (
      id uuid primary key default gen_random_uuid(),
      event_id text not null unique,
      operation text not null check (operation in ('harvest', 'aggregation', 'transformation', 'split', 'packing', 'palletising', 'shipping', 'receiving', 'imported')),
      event_type text not null check (event_type in ('ObjectEvent', 'AggregationEvent', 'TransformationEvent', 'TransactionEvent', 'AssociationEvent')),
      action text check (action in ('ADD', 'OBSERVE', 'DELETE')),
      biz_step text,
      disposition text,
      event_time timestamptz not null,
      event_time_zone_offset text not null check (event_time_zone_offset ~ '^[+-][0-9]{2}:[0-9]{2}$'),
      organisation_id uuid references organisations (id),
      province_code text,
      input_kg numeric(14, 3) check (input_kg >= 0),
      output_kg numeric(14, 3) check (output_kg >= 0),
      epcis jsonb not null check (jsonb_typeof(epcis) = 'object'),
      import_id uuid,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      check (input_kg is null or output_kg is null or output_kg <= input_kg),
      check ((operation = 'imported') = (import_id is not null))
    )`.execute(db);
  await sql`create index trace_events_scope_idx on trace_events (province_code, organisation_id, event_time)`.execute(db);
  await sql`create index trace_events_import_idx on trace_events (import_id) where import_id is not null`.execute(db);
  await sql`
    create table trace_event_lots (
      event_id uuid not null references trace_events (id),
      lot_id uuid not null references trace_lots (id),
      role text not null check (role in ('input', 'output', 'by_product', 'object', 'parent', 'child')),
      mass_kg numeric(14, 3) check (mass_kg >= 0),
      primary key (event_id, lot_id, role)
    )`.execute(db);
  await sql`create index trace_event_lots_lot_idx on trace_event_lots (lot_id)`.execute(db);

  // Imported EPCIS documents: what each contained, for the report.
  await sql`
    create table trace_epcis_imports (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid references organisations (id),
      province_code text,
      file_name text,
      document_type text not null,
      summary jsonb not null,
      created_by uuid not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  // ------------------------------------------------------------------ label
  await sql`
    create table label_schemes (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[a-z][a-z0-9_-]{1,39}$'),
      name_vi text not null check (length(name_vi) between 1 and 200),
      name_en text not null check (length(name_en) between 1 and 200),
      owner text not null check (length(owner) between 1 and 200),
      crop_kind text check (crop_kind in ('rice', 'vegetable', 'field_crop', 'fruit', 'perennial', 'other')),
      criteria jsonb not null check (jsonb_typeof(criteria) = 'array'),
      basis text not null,
      version integer not null default 1 check (version >= 1),
      created_by uuid,
      created_at timestamptz not null default now()
    )`.execute(db);
  // The two schemes the platform ships with, as data (more are added the same way, never edited in
  // place: a changed rule is a new version). Sources: docs/vn-standards.md §6.1 and §6.3.
  // - The rice scheme models VIETRISA's interim regulation on the "Gạo Việt xanh phát thải thấp"
  //   trademark (Decision 43/QĐ-HHLG, 16/04/2025) as reported: rice grown under the technical process
  //   of the one-million-hectare programme (Decision 1490/QĐ-TTg: AWD, no straw burning), verified
  //   (commune authority, agricultural sector or an accredited body), with the production area,
  //   variety and season identified. The ≥ 10 % reduction is Decision 1490's GHG target for 2030
  //   (> 10 % vs traditional practice). The regulation's detailed criteria list is UNCONFIRMED
  //   (vn-standards.md UNCONFIRMED item 22): the criteria here are data and can be versioned.
  // - The generic scheme is the product brief's minimum for any crop: ≥ 10 % reduction, verified MRV,
  //   a growing-area code and no open compliance flags.
  await sql`
    insert into label_schemes (code, name_vi, name_en, owner, crop_kind, criteria, basis) values
      ('gao-viet-xanh-ptt', 'Gạo Việt xanh phát thải thấp', 'Green & Low-Emission Vietnamese Rice',
       'Hiệp hội Ngành hàng lúa gạo Việt Nam (VIETRISA)', 'rice',
       ${JSON.stringify([
         { kind: 'crop_kind', value: 'rice' },
         { kind: 'min_reduction_pct', value: 10 },
         { kind: 'required_practice', practice: 'awd' },
         { kind: 'required_practice', practice: 'no_straw_burning' },
         { kind: 'verified_mrv' },
         { kind: 'growing_area_code' },
         { kind: 'variety_recorded' },
         { kind: 'no_compliance_flags' },
       ])}::jsonb,
       'VIETRISA Decision 43/QĐ-HHLG (16/04/2025), interim regulation on the trademark (criteria as reported, vn-standards.md §6.3); Decision 1490/QĐ-TTg GHG target > 10 % (§6.1)'),
      ('phat-thai-thap', 'Phát thải thấp (cây trồng chung)', 'Low emission (any crop)',
       'Đồng Xanh', null,
       ${JSON.stringify([
         { kind: 'min_reduction_pct', value: 10 },
         { kind: 'verified_mrv' },
         { kind: 'growing_area_code' },
         { kind: 'no_compliance_flags' },
       ])}::jsonb,
       'Product brief capability 7: ≥ 10 % reduction against the baseline, verified data, growing-area code, no compliance flags')`.execute(db);

  await sql`
    create table label_evaluations (
      id uuid primary key default gen_random_uuid(),
      scheme_id uuid not null references label_schemes (id),
      subject text not null check (subject in ('season', 'lot')),
      season_id uuid,
      lot_id uuid references trace_lots (id),
      province_code text not null,
      organisation_id uuid,
      eligible boolean not null,
      results jsonb not null check (jsonb_typeof(results) = 'array'),
      evaluated_by uuid not null,
      evaluated_at timestamptz not null default now(),
      check ((subject = 'season') = (season_id is not null) and (subject = 'lot') = (lot_id is not null))
    )`.execute(db);
  await sql`create index label_evaluations_season_idx on label_evaluations (season_id, scheme_id, evaluated_at)`.execute(db);
  await sql`create index label_evaluations_lot_idx on label_evaluations (lot_id, scheme_id, evaluated_at)`.execute(db);

  await sql`
    create table label_season_balances (
      season_id uuid not null,
      province_code text not null,
      scheme_id uuid not null references label_schemes (id),
      eligible_kg numeric(14, 3) not null check (eligible_kg >= 0),
      labelled_kg numeric(14, 3) not null default 0 check (labelled_kg >= 0),
      updated_at timestamptz not null default now(),
      primary key (season_id, scheme_id),
      foreign key (season_id, province_code) references trace_season_sources (season_id, province_code),
      check (labelled_kg <= eligible_kg)
    )`.execute(db);

  await sql`
    create table label_certificates (
      id uuid primary key default gen_random_uuid(),
      number text not null unique check (length(number) between 3 and 60),
      kind text not null check (kind in ('low_emission', 'vietgap', 'organic')),
      scheme_id uuid references label_schemes (id),
      holder_organisation_id uuid not null references organisations (id),
      lot_id uuid references trace_lots (id),
      growing_area_id uuid references growing_areas (id),
      scope text not null check (length(scope) between 1 and 500),
      issuer text not null check (length(issuer) between 1 and 200),
      quantity_kg numeric(14, 3) check (quantity_kg > 0),
      valid_from date not null,
      valid_to date not null,
      status text not null default 'active' check (status in ('active', 'suspended', 'revoked')),
      status_reason text,
      province_code text not null,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_by uuid,
      updated_at timestamptz,
      check (valid_to >= valid_from),
      check ((kind = 'low_emission') = (scheme_id is not null and lot_id is not null and quantity_kg is not null)),
      check (lot_id is not null or growing_area_id is not null),
      check (status = 'active' or status_reason is not null)
    )`.execute(db);
  await sql`create index label_certificates_lot_idx on label_certificates (lot_id) where lot_id is not null`.execute(db);
  await sql`create index label_certificates_area_idx on label_certificates (growing_area_id) where growing_area_id is not null`.execute(db);
  await sql`create index label_certificates_scope_idx on label_certificates (province_code, holder_organisation_id)`.execute(db);
  // The harvested kg of each season a label certificate was issued against (released never: labels
  // already printed stay counted even after suspension or revocation).
  await sql`
    create table label_certificate_allocations (
      certificate_id uuid not null references label_certificates (id),
      season_id uuid not null,
      scheme_id uuid not null,
      harvested_kg numeric(14, 3) not null check (harvested_kg > 0),
      primary key (certificate_id, season_id),
      foreign key (season_id, scheme_id) references label_season_balances (season_id, scheme_id)
    )`.execute(db);
  await sql`
    create table label_certificate_history (
      id bigserial primary key,
      certificate_id uuid not null references label_certificates (id),
      status text not null check (status in ('active', 'suspended', 'revoked')),
      reason text,
      changed_by uuid not null,
      changed_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'label_certificate_history', 'label_certificate_allocations', 'label_certificates', 'label_season_balances', 'label_evaluations', 'label_schemes',
    'trace_epcis_imports', 'trace_event_lots', 'trace_events', 'trace_lot_origins', 'trace_lots', 'trace_season_sources', 'trace_trade_items',
  ]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
}
