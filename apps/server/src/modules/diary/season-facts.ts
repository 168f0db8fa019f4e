/**
 * Derived season facts (capability 2) and the MRV engine's season input built from them
 * (capability 4; docs/mrv-calculation-contract.md). Pure: the service loads the season, its live
 * activities, the previous seasons on the plot and the fertiliser catalogue, and this file turns them
 * into numbers, each with the records it came from. The maths of emissions stays in
 * packages/methodology; this only resolves activity data into the contract's inputs.
 *
 * Attribution rules (the diary records what happened; the engine needs it per season):
 * - cultivation period (t in Eq 5.1): VM0051's definition, from land preparation until the later of
 *   harvest and post-season drainage (methodology.md §2.1), falling back to the season's actual dates;
 * - straw: a straw record with residueOf 'previous_crop' is handled before this crop and its
 *   incorporated part is this season's organic amendment (Table 5.14); a record with residueOf
 *   'this_crop' (after this season's harvest) feeds the NEXT season's amendment. Burning, removal and
 *   leaving on the surface count in the season whose record it is. Burnt straw never enters SFo
 *   (Table 5.14 footnote a; methodology.md §9 item 8). Incorporated ≤ 30 days before the cultivation
 *   start is "shortly before" (CFOA 1.00; at exactly 30 days the higher factor is used), otherwise
 *   "long before" (CFOA 0.19);
 * - pre-season (Table 5.13): days from the previous rice harvest to this cultivation start, and the
 *   days flooded in between (> 30 d flooded: flooded pre-season; else < 180 d, > 180 d, > 365 d);
 * - N inputs: product kg/ha × the product's N fraction (label value, methodology.md §9 item 6), by
 *   source; urea CO2 uses the urea product mass (§9 item 7). Catalogue products are append-only, so
 *   facts computed later read the same fractions.
 */
import type { ActivityType, SeasonFacts, SeasonFactsResponse, TypedActivityDetails } from '@dongxanh/contracts';
import type { SeasonInput } from '@dongxanh/methodology';
import { addDays, daysBetween, maxDate, minDate } from './calendar.ts';
import { earliestHarvestOn } from './compliance.ts';
import { classifyWaterRegime, floodedDaysBetween, type WaterEvidence } from './water-regime.ts';

export type FactActivity = TypedActivityDetails & { id: string; occurredOn: string };

export interface FertiliserProductFacts {
  code: string;
  nFraction: number;
  p2o5Fraction: number;
  k2oFraction: number;
  isUrea: boolean;
  nSource: 'synthetic' | 'organic';
  limeKind: 'limestone' | 'dolomite' | null;
}

export interface SeasonFactsInput {
  season: {
    id: string;
    label: string;
    cropCode: string;
    cropKind: string;
    areaHa: number;
    actualStartOn: string | null;
    actualEndOn: string | null;
    plannedEndOn: string | null;
    previousHarvestOn: string | null;
  };
  /** This season's live activities. */
  activities: readonly FactActivity[];
  /** The plot's latest earlier rice season's harvest records (for the pre-season status). */
  previousRiceHarvests: readonly FactActivity[];
  /** The previous season's straw records of its own crop (residueOf 'this_crop'). */
  previousSeasonStraw: readonly FactActivity[];
  fertiliserProducts: ReadonlyMap<string, FertiliserProductFacts>;
}

/** Straw incorporated at most this many days before the cultivation start is "shortly before" (Table 5.14). */
export const STRAW_SHORTLY_BEFORE_DAYS = 30;

type Source = { activityId: string; type: ActivityType; occurredOn: string };
const sourceOf = (a: FactActivity): Source => ({ activityId: a.id, type: a.type, occurredOn: a.occurredOn });
const sourcesOf = (list: readonly FactActivity[]) => list.map(sourceOf);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function numberFact(value: number | null, unit: string, sources: Source[], note?: string) {
  return { value, unit, sources, ...(note ? { note } : {}) };
}
function dateFact(value: string | null, sources: Source[], note?: string) {
  return { value, unit: null, sources, ...(note ? { note } : {}) };
}

function ofType<T extends ActivityType>(list: readonly FactActivity[], type: T) {
  return list.filter((a): a is Extract<FactActivity, { type: T }> => a.type === type);
}

const strawDryMatter = (d: Extract<TypedActivityDetails, { type: 'straw' }>['details']) => d.dryMatterTPerHa ?? (d.freshMassTPerHa ?? 0) * (d.dryMatterFraction ?? 0);

export function deriveSeasonFacts(input: SeasonFactsInput): Omit<SeasonFactsResponse, 'seasonId' | 'cropCode' | 'areaHa'> {
  const { season, activities, fertiliserProducts } = input;
  const isRice = season.cropKind === 'rice';
  const missing: Array<{ fact: string; reason: string }> = [];
  const byDate = [...activities].sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0));

  // ---------------------------------------------------------------- cultivation period
  const preparation = byDate.filter((a) => a.type === 'land_preparation' || a.type === 'sowing');
  const sowings = ofType(byDate, 'sowing');
  const harvests = ofType(byDate, 'harvest');
  const startOn = minDate(preparation.map((a) => a.occurredOn)) ?? season.actualStartOn;
  const startSources = preparation.filter((a) => a.occurredOn === startOn).map(sourceOf);
  const lastHarvestOn = maxDate(harvests.map((a) => a.occurredOn));
  const postSeasonDrainage = lastHarvestOn ? ofType(byDate, 'drainage').filter((a) => a.occurredOn > lastHarvestOn) : [];
  const endOn = maxDate([...(lastHarvestOn ? [lastHarvestOn] : []), ...postSeasonDrainage.map((a) => a.occurredOn)]) ?? season.actualEndOn;
  const endSources = [...harvests, ...postSeasonDrainage].filter((a) => a.occurredOn === endOn).map(sourceOf);
  const cultivationDays = startOn && endOn ? daysBetween(startOn, endOn) : null;
  const periodNote = 'VM0051: from land preparation until the later of harvest and post-season drainage';
  if (isRice && cultivationDays === null) {
    missing.push({ fact: 'cultivationDays', reason: startOn ? 'No harvest recorded and no actual end date: the cultivation period is not closed' : 'No land preparation, sowing or actual start date recorded' });
  }

  // ---------------------------------------------------------------- water regime (rice)
  const waterEvidence: WaterEvidence[] = byDate.flatMap((a): WaterEvidence[] => {
    if (a.type === 'water_level') return [{ activityId: a.id, on: a.occurredOn, kind: 'reading', levelCm: a.details.levelCm }];
    if (a.type === 'irrigation' || a.type === 'drainage') return [{ activityId: a.id, on: a.occurredOn, kind: a.type }];
    return [];
  });
  const establishedOn = minDate(sowings.map((a) => a.occurredOn)) ?? startOn;
  const firstHarvestOn = minDate(harvests.map((a) => a.occurredOn));
  const regimeHarvestOn = firstHarvestOn ?? season.actualEndOn ?? season.plannedEndOn;
  const regime = classifyWaterRegime({ evidence: waterEvidence, establishedOn, harvestOn: regimeHarvestOn, harvestIsPlanned: !firstHarvestOn && !season.actualEndOn });
  const byId = new Map(activities.map((a) => [a.id, a]));
  const sourcesByIds = (ids: readonly string[]) => [...new Set(ids)].flatMap((id) => (byId.has(id) ? [sourceOf(byId.get(id)!)] : []));
  const waterRegime = {
    value: regime.regime,
    unit: null,
    sources: sourcesByIds(regime.sourceIds),
    awd: regime.awd,
    safeAwdCycles: regime.safeAwdCycles,
    provisional: regime.provisional,
    drainagePeriods: regime.drainagePeriods.map(({ sourceIds, ...p }) => ({ ...p, sources: sourcesByIds(sourceIds) })),
    endOfSeasonDrainage: regime.endOfSeasonDrainage,
    gaps: regime.gaps,
    reason: regime.reason,
  };
  if (isRice && regime.regime === 'unknown') {
    missing.push({ fact: 'waterRegime', reason: `Water regime unknown: ${regime.reason}. It cannot be computed as AWD or any drainage regime without this evidence` });
  }

  // ---------------------------------------------------------------- pre-season (rice)
  const previousHarvest = maxDate(input.previousRiceHarvests.map((a) => a.occurredOn));
  const previousHarvestOn = season.previousHarvestOn ?? previousHarvest;
  const previousHarvestSources = season.previousHarvestOn ? [] : input.previousRiceHarvests.filter((a) => a.occurredOn === previousHarvest).map(sourceOf);
  let preSeasonValue: SeasonFacts['preSeason']['value'] = null;
  let fallowDays: number | null = null;
  let floodedDays: number | null = null;
  let preSeasonSources: Source[] = previousHarvestSources;
  if (previousHarvestOn && startOn) {
    fallowDays = Math.max(0, daysBetween(previousHarvestOn, startOn));
    const flooded = floodedDaysBetween(waterEvidence, previousHarvestOn, startOn);
    floodedDays = flooded.days;
    preSeasonSources = [...previousHarvestSources, ...sourcesByIds(flooded.sourceIds)];
    // Table 5.13 (methodology.md §2.4); flooding shorter than 30 days (land preparation) is ignored.
    preSeasonValue = floodedDays > 30 ? 'flooded_gt_30d' : fallowDays > 365 ? 'non_flooded_gt_365d' : fallowDays > 180 ? 'non_flooded_gt_180d' : 'non_flooded_lt_180d';
  } else if (isRice) {
    missing.push({ fact: 'preSeason', reason: previousHarvestOn ? 'No cultivation start recorded' : 'No earlier rice season on this plot and no previousHarvestOn on the season: the pre-season water status is unknown' });
  }
  const preSeason = {
    value: preSeasonValue,
    unit: null,
    sources: preSeasonSources,
    previousHarvestOn: previousHarvestOn ?? null,
    fallowDays,
    floodedDays,
    ...(season.previousHarvestOn ? { note: 'previous harvest date declared on the season' } : {}),
  };

  // ---------------------------------------------------------------- fertiliser: N by source, urea, P, K, lime
  const fertilisers = ofType(byDate, 'fertiliser');
  const nInputs: Array<{ source: 'synthetic' | 'organic'; product: string; product_kg_per_ha: number; n_fraction: number }> = [];
  const acc = { nSynthetic: 0, nOrganic: 0, urea: 0, p2o5: 0, k2o: 0, product: 0, limestone: 0, dolomite: 0 };
  const src = { nSynthetic: [] as Source[], nOrganic: [] as Source[], urea: [] as Source[], p2o5: [] as Source[], k2o: [] as Source[], limestone: [] as Source[], dolomite: [] as Source[] };
  for (const f of fertilisers) {
    const d = f.details;
    const catalogue = d.productCode ? fertiliserProducts.get(d.productCode) : undefined;
    const custom = d.customProduct;
    const product: FertiliserProductFacts | null = catalogue ?? (custom
      ? { code: custom.name, nFraction: custom.nFraction, p2o5Fraction: custom.p2o5Fraction ?? 0, k2oFraction: custom.k2oFraction ?? 0, isUrea: custom.isUrea ?? false, nSource: custom.nSource ?? 'synthetic', limeKind: custom.limeKind ?? null }
      : null);
    if (!product) continue;
    const kgPerHa = d.amountUnit === 'kg_per_ha' ? d.amount : d.amount / season.areaHa;
    const s = sourceOf(f);
    acc.product += kgPerHa;
    if (product.nFraction > 0) {
      const n = kgPerHa * product.nFraction;
      if (product.nSource === 'organic') { acc.nOrganic += n; src.nOrganic.push(s); } else { acc.nSynthetic += n; src.nSynthetic.push(s); }
      nInputs.push({ source: product.nSource, product: product.code, product_kg_per_ha: kgPerHa, n_fraction: product.nFraction });
    }
    if (product.isUrea) { acc.urea += kgPerHa; src.urea.push(s); }
    if (product.p2o5Fraction > 0) { acc.p2o5 += kgPerHa * product.p2o5Fraction; src.p2o5.push(s); }
    if (product.k2oFraction > 0) { acc.k2o += kgPerHa * product.k2oFraction; src.k2o.push(s); }
    if (product.limeKind) { acc[product.limeKind] += kgPerHa; src[product.limeKind].push(s); }
  }
  if (fertilisers.length === 0) missing.push({ fact: 'nInputs', reason: 'No fertiliser record in this season: N inputs and urea are taken as zero unless recorded' });

  // ---------------------------------------------------------------- straw
  const straw = ofType(byDate, 'straw');
  const amendmentRecords = [...straw.filter((a) => a.details.residueOf === 'previous_crop'), ...ofType(input.previousSeasonStraw, 'straw')];
  const incorporated = { shortly: 0, long: 0, total: 0 };
  const incorporatedSources: Source[] = [];
  let timingUnknown = false;
  for (const r of amendmentRecords) {
    const t = strawDryMatter(r.details) * r.details.incorporatedFraction;
    if (t <= 0) continue;
    incorporatedSources.push(sourceOf(r));
    incorporated.total += t;
    const incorporatedOn = r.details.incorporatedOn ?? r.occurredOn;
    const timing = r.details.incorporationTiming
      ? (r.details.incorporationTiming === 'shortly_before_next_crop' ? 'shortly' : 'long')
      : startOn ? (daysBetween(incorporatedOn, startOn) <= STRAW_SHORTLY_BEFORE_DAYS ? 'shortly' : 'long') : null;
    if (timing === null) timingUnknown = true;
    else incorporated[timing] += t;
  }
  if (timingUnknown && isRice) missing.push({ fact: 'strawIncorporationTiming', reason: 'Straw was incorporated but the cultivation start is not recorded: shortly (≤ 30 d) or long (> 30 d) before cannot be told' });
  const organicAmendments: Array<{ type: 'straw_lt30d' | 'straw_gt30d'; t_per_ha: number; basis: 'dry' }> = [];
  if (incorporated.shortly > 0) organicAmendments.push({ type: 'straw_lt30d', t_per_ha: incorporated.shortly, basis: 'dry' });
  if (incorporated.long > 0) organicAmendments.push({ type: 'straw_gt30d', t_per_ha: incorporated.long, basis: 'dry' });
  const timingValue = incorporated.total === 0 || timingUnknown ? null : incorporated.shortly >= incorporated.long ? 'shortly_before' as const : 'long_before' as const;

  const burntRecords = straw.filter((a) => a.details.burntFraction > 0);
  const burntDm = sum(burntRecords.map((a) => strawDryMatter(a.details)));
  const burntT = sum(burntRecords.map((a) => strawDryMatter(a.details) * a.details.burntFraction));
  const removed = straw.filter((a) => a.details.removedFraction > 0);
  const left = straw.filter((a) => a.details.leftOnSurfaceFraction > 0);
  if (isRice && straw.length === 0 && input.previousSeasonStraw.length === 0) {
    missing.push({ fact: 'straw', reason: 'No straw or residue record: organic amendment and residue burning are taken as none' });
  }

  // ---------------------------------------------------------------- seed, harvest, losses, operations, pesticides
  const seedRate = sowings.length ? sum(sowings.map((a) => a.details.seedRateKgPerHa)) : null;
  const harvestKgPerHa = harvests.map((a) => a.details.yieldKgPerHa ?? (a.details.totalKg ?? 0) / season.areaHa);
  const yieldKgPerHa = harvests.length ? sum(harvestKgPerHa) : null;
  const withMoisture = harvests.map((a, i) => ({ m: a.details.moisturePct, kg: harvestKgPerHa[i]! })).filter((h): h is { m: number; kg: number } => h.m !== undefined);
  const moisture = withMoisture.length && sum(withMoisture.map((h) => h.kg)) > 0 ? sum(withMoisture.map((h) => h.m * h.kg)) / sum(withMoisture.map((h) => h.kg)) : null;
  const losses = ofType(byDate, 'post_harvest_loss');
  const harvestTotalKg = yieldKgPerHa === null ? null : yieldKgPerHa * season.areaHa;
  // Losses at successive stages compound: 1 − Π(1 − pᵢ).
  const lossFractions = losses.flatMap((l) => (l.details.lossPct !== undefined ? [l.details.lossPct / 100] : harvestTotalKg ? [(l.details.lossKg ?? 0) / harvestTotalKg] : []));
  const lossPct = losses.length && lossFractions.length ? 100 * (1 - lossFractions.reduce((kept, p) => kept * (1 - Math.min(1, p)), 1)) : null;
  const mechanised = [...ofType(byDate, 'mechanised_operation'), ...ofType(byDate, 'land_preparation').filter((a) => a.details.mechanised === true)];
  const sprays = ofType(byDate, 'pesticide');
  const phiEnd = earliestHarvestOn(sprays.map((a) => ({ activityId: a.id, sprayedOn: a.occurredOn, phiDays: a.details.phiDays ?? 0, productName: a.details.productName ?? '' })));
  const phiSources = sprays.filter((a) => addDays(a.occurredOn, a.details.phiDays ?? 0) === phiEnd).map(sourceOf);

  const facts: SeasonFacts = {
    cultivationStartOn: dateFact(startOn, startSources, startSources.length ? periodNote : startOn ? 'the season\'s actual start date' : undefined),
    cultivationEndOn: dateFact(endOn, endSources, endSources.length ? periodNote : endOn ? 'the season\'s actual end date' : undefined),
    cultivationDays: numberFact(cultivationDays, 'd', [...startSources, ...endSources], periodNote),
    waterRegime: isRice ? waterRegime : { ...waterRegime, value: null, reason: 'Not a rice season: no water regime' },
    preSeason,
    nSyntheticKgPerHa: numberFact(acc.nSynthetic, 'kg N/ha', src.nSynthetic),
    nOrganicKgPerHa: numberFact(acc.nOrganic, 'kg N/ha', src.nOrganic),
    nTotalKgPerHa: numberFact(acc.nSynthetic + acc.nOrganic, 'kg N/ha', [...src.nSynthetic, ...src.nOrganic]),
    ureaKgPerHa: numberFact(acc.urea, 'kg urea/ha', src.urea),
    p2o5KgPerHa: numberFact(acc.p2o5, 'kg P2O5/ha', src.p2o5),
    k2oKgPerHa: numberFact(acc.k2o, 'kg K2O/ha', src.k2o),
    fertiliserProductKgPerHa: numberFact(acc.product, 'kg/ha', sourcesOf(fertilisers)),
    limestoneKgPerHa: numberFact(acc.limestone, 'kg/ha', src.limestone),
    dolomiteKgPerHa: numberFact(acc.dolomite, 'kg/ha', src.dolomite),
    strawIncorporatedTPerHa: numberFact(incorporated.total, 't DM/ha', incorporatedSources),
    strawIncorporationTiming: { value: timingValue, unit: null, sources: incorporatedSources, note: `≤ ${STRAW_SHORTLY_BEFORE_DAYS} days before the cultivation start is shortly before (IPCC 2019 Table 5.14)` },
    strawBurntTPerHa: numberFact(burntT, 't DM/ha', sourcesOf(burntRecords)),
    strawRemovedTPerHa: numberFact(sum(removed.map((a) => strawDryMatter(a.details) * a.details.removedFraction)), 't DM/ha', sourcesOf(removed)),
    strawLeftOnSurfaceTPerHa: numberFact(sum(left.map((a) => strawDryMatter(a.details) * a.details.leftOnSurfaceFraction)), 't DM/ha', sourcesOf(left)),
    seedRateKgPerHa: numberFact(seedRate, 'kg/ha', sourcesOf(sowings)),
    yieldKgPerHa: numberFact(yieldKgPerHa, 'kg/ha', sourcesOf(harvests)),
    harvestMoisturePct: numberFact(moisture, '%', sourcesOf(harvests.filter((a) => a.details.moisturePct !== undefined))),
    postHarvestLossPct: numberFact(lossPct, '%', sourcesOf(losses)),
    mechanisedOperations: numberFact(mechanised.length, 'operations', sourcesOf(mechanised)),
    pesticideApplications: numberFact(sprays.length, 'applications', sourcesOf(sprays)),
    earliestHarvestOn: dateFact(phiEnd, phiSources, 'latest spray date + its pre-harvest interval'),
  };

  // ---------------------------------------------------------------- the engine's season input
  // Typed as both the contract's shape and the engine's own SeasonInput, so the two cannot drift.
  const mrvInput: SeasonFactsResponse['mrvInput'] & SeasonInput = {
    name: season.label,
    crop: isRice ? 'rice' : season.cropKind === 'vegetable' ? 'vegetables' : season.cropCode,
    n_inputs: nInputs,
    urea_kg_per_ha: acc.urea,
  };
  if (isRice) {
    mrvInput.efc_region = 'southeast_asia'; // methodology.md §9 item 1: Vietnam is South-East Asia (EFc 1.22)
    if (cultivationDays !== null) mrvInput.cultivation_days = cultivationDays;
    if (regime.regime !== 'unknown') mrvInput.water_regime = regime.regime;
    if (preSeasonValue) mrvInput.pre_season = preSeasonValue;
    if (organicAmendments.length) mrvInput.organic_amendments = organicAmendments;
  }
  if (acc.limestone > 0 || acc.dolomite > 0) mrvInput.lime = { limestone_kg_per_ha: acc.limestone, dolomite_kg_per_ha: acc.dolomite };
  if (burntDm > 0) mrvInput.residue_burning = { residue_dm_t_per_ha: burntDm, burned_fraction: burntT / burntDm };

  return { facts, mrvInput, missing, complete: missing.length === 0 };
}
