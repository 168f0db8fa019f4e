/**
 * The farming diary (capability 2), its offline sync (capability 3) and compliance (capability 9):
 * catalogues, seasons, typed activities, photo evidence, derived season facts and compliance flags.
 *
 * Conventions the offline app relies on:
 * - every create carries a `clientId` (a UUID made on the phone); replaying it never creates a second
 *   record: the same payload answers 200 with the stored record, a different payload answers 409;
 * - every update and delete carries the `baseVersion` the phone last saw; when the server's version
 *   differs the answer is 409 with `current` (the server's record) so the person can choose;
 * - dates are calendar dates `YYYY-MM-DD` (Vietnam local), instants are ISO 8601 with offset;
 * - quantities carry their unit in the name (`seedRateKgPerHa`, `levelCm`, `phiDays`).
 */
import { z } from 'zod';
import { PageQuery, pageOf } from './common.ts';

export const IsoDate = z.iso.date({ message: 'Use a calendar date YYYY-MM-DD' });
const CatalogueCode = z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, 'A code has 2 to 40 characters: lower-case letters, digits and _, starting with a letter');
const Fraction = z.number().min(0).max(1);
const Notes = z.string().trim().max(1000).optional();
const Name = z.string().trim().min(1).max(120);

// ---------------------------------------------------------------------------------- catalogues

export const CropKind = z.enum(['rice', 'vegetable', 'field_crop', 'fruit', 'perennial', 'other']);
export const CropVariety = z.object({ code: CatalogueCode, nameVi: Name, nameEn: Name });
export const CropResponse = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  kind: CropKind,
  /** Botanical family (Latin, lower case), used by the rotation rule: the same family twice running is flagged. */
  family: z.string(),
  varieties: z.array(CropVariety),
});
export const CropList = z.object({ items: z.array(CropResponse) });
export const CreateCropBody = z.object({
  code: CatalogueCode,
  nameVi: Name,
  nameEn: Name,
  kind: CropKind,
  family: z.string().trim().regex(/^[a-z]{3,40}$/, 'The botanical family in lower-case Latin, e.g. brassicaceae'),
  varieties: z.array(CropVariety).max(200).default([]),
});
export type CreateCropBody = z.infer<typeof CreateCropBody>;

export const NSource = z.enum(['synthetic', 'organic']);
export const LimeKind = z.enum(['limestone', 'dolomite']);
export const FertiliserProductResponse = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  /** Mass fractions printed on the bag (the grade N–P2O5–K2O ÷ 100). */
  nFraction: z.number(),
  p2o5Fraction: z.number(),
  k2oFraction: z.number(),
  /** Urea product: its mass feeds CO2 from urea (IPCC Eq 11.13). */
  isUrea: z.boolean(),
  nSource: NSource,
  limeKind: LimeKind.nullable(),
});
export const FertiliserProductList = z.object({ items: z.array(FertiliserProductResponse) });
export const CreateFertiliserProductBody = z
  .object({
    code: CatalogueCode,
    nameVi: Name,
    nameEn: Name,
    nFraction: Fraction,
    p2o5Fraction: Fraction.default(0),
    k2oFraction: Fraction.default(0),
    isUrea: z.boolean().default(false),
    nSource: NSource.default('synthetic'),
    limeKind: LimeKind.optional(),
  })
  .refine((p) => p.nFraction + p.p2o5Fraction + p.k2oFraction <= 1, { path: ['nFraction'], message: 'N + P2O5 + K2O fractions cannot exceed 1' });
export type CreateFertiliserProductBody = z.infer<typeof CreateFertiliserProductBody>;

export const ActiveIngredient = z.object({
  name: z.string().trim().min(2).max(120),
  /** As printed on the label, e.g. "100 g/l" or "20 %". */
  concentration: z.string().trim().max(40).optional(),
});
export const PesticideProductResponse = z.object({
  code: z.string(),
  name: z.string(),
  activeIngredients: z.array(ActiveIngredient),
  defaultPhiDays: z.number().int(),
  phiSource: z.string().nullable(),
});
export const PesticideProductList = z.object({ items: z.array(PesticideProductResponse) });
export const CreatePesticideProductBody = z.object({
  code: CatalogueCode,
  name: Name,
  activeIngredients: z.array(ActiveIngredient).min(1).max(6),
  defaultPhiDays: z.number().int().min(0).max(365),
  phiSource: z.string().trim().max(300).optional(),
});
export type CreatePesticideProductBody = z.infer<typeof CreatePesticideProductBody>;

// ---------------------------------------------------------------------------------- seasons

export const SeasonName = z.enum(['dong_xuan', 'he_thu', 'thu_dong', 'xuan_he', 'mua', 'other']);
export const SeasonStatus = z.enum(['planned', 'in_progress', 'harvested', 'closed']);
export const ProductionStandard = z.enum(['vietgap', 'globalgap', 'organic', 'basic', 'low_emission_rice', 'none']);

const seasonFields = {
  cropCode: CatalogueCode,
  variety: z.string().trim().min(1).max(80).optional(),
  seasonName: SeasonName,
  /** The crop year: the year of harvest (Đông Xuân 2025–2026 is 2026). */
  year: z.number().int().min(2000).max(2100),
  plannedStartOn: IsoDate,
  /** Expected harvest date (a required record of a growing area, vn-standards.md §1.2). */
  plannedEndOn: IsoDate.optional(),
  actualStartOn: IsoDate.optional(),
  actualEndOn: IsoDate.optional(),
  /** Harvest date of the previous rice crop on this plot when the platform has no record of it (pre-season water status). */
  previousHarvestOn: IsoDate.optional(),
  standard: ProductionStandard.optional(),
  expectedYieldKgPerHa: z.number().positive().max(30000).optional(),
  expectedMarket: z.string().trim().min(1).max(200).optional(),
  notes: Notes,
};
const datesInOrder = (s: { plannedStartOn?: string | undefined; plannedEndOn?: string | undefined; actualStartOn?: string | undefined; actualEndOn?: string | undefined }) =>
  (!s.plannedStartOn || !s.plannedEndOn || s.plannedEndOn >= s.plannedStartOn) && (!s.actualStartOn || !s.actualEndOn || s.actualEndOn >= s.actualStartOn);

export const CreateSeasonBody = z
  .object({ clientId: z.uuid().optional(), ...seasonFields })
  .refine(datesInOrder, { path: ['plannedEndOn'], message: 'An end date cannot be before its start date' });
export type CreateSeasonBody = z.infer<typeof CreateSeasonBody>;

export const UpdateSeasonBody = z
  .object({
    baseVersion: z.number().int().min(1),
    cropCode: CatalogueCode.optional(),
    variety: z.string().trim().min(1).max(80).nullable().optional(),
    seasonName: SeasonName.optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    plannedStartOn: IsoDate.optional(),
    plannedEndOn: IsoDate.nullable().optional(),
    actualStartOn: IsoDate.nullable().optional(),
    actualEndOn: IsoDate.nullable().optional(),
    previousHarvestOn: IsoDate.nullable().optional(),
    standard: ProductionStandard.nullable().optional(),
    expectedYieldKgPerHa: z.number().positive().max(30000).nullable().optional(),
    expectedMarket: z.string().trim().min(1).max(200).nullable().optional(),
    notes: z.string().trim().max(1000).nullable().optional(),
    status: SeasonStatus.optional(),
  })
  .refine((s) => datesInOrder({ plannedStartOn: s.plannedStartOn, plannedEndOn: s.plannedEndOn ?? undefined, actualStartOn: s.actualStartOn ?? undefined, actualEndOn: s.actualEndOn ?? undefined }), {
    path: ['plannedEndOn'],
    message: 'An end date cannot be before its start date',
  });
export type UpdateSeasonBody = z.infer<typeof UpdateSeasonBody>;

export const SeasonResponse = z.object({
  id: z.uuid(),
  clientId: z.uuid().nullable(),
  plotId: z.uuid(),
  plotCode: z.string(),
  plotName: z.string(),
  provinceCode: z.string(),
  communeCode: z.string(),
  organisationId: z.uuid().nullable(),
  householdId: z.uuid().nullable(),
  cropCode: z.string(),
  cropNameVi: z.string(),
  cropNameEn: z.string(),
  variety: z.string().nullable(),
  seasonName: SeasonName,
  year: z.number().int(),
  plannedStartOn: z.string(),
  plannedEndOn: z.string().nullable(),
  actualStartOn: z.string().nullable(),
  actualEndOn: z.string().nullable(),
  previousHarvestOn: z.string().nullable(),
  /** Plot area when the season was created (PostGIS, ha). Activities given per plot are converted with it. */
  areaHa: z.number(),
  status: SeasonStatus,
  standard: ProductionStandard.nullable(),
  expectedYieldKgPerHa: z.number().nullable(),
  expectedMarket: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  activityCount: z.number().int(),
  openFlagCount: z.number().int(),
  createdBy: z.uuid(),
  createdAt: z.string(),
  updatedBy: z.uuid().nullable(),
  updatedAt: z.string().nullable(),
});
export type SeasonResponse = z.infer<typeof SeasonResponse>;
export const SeasonPage = pageOf(SeasonResponse);
export const SeasonEnvelope = z.object({ season: SeasonResponse });
export const SeasonQuery = PageQuery.extend({
  plotId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  crop: CatalogueCode.optional(),
  seasonName: SeasonName.optional(),
});
export const PlotIdParams = z.object({ plotId: z.uuid() });

// ---------------------------------------------------------------------------------- activity details, one schema per type

export const ActivityType = z.enum([
  'land_preparation', 'sowing', 'fertiliser', 'pesticide', 'irrigation', 'drainage', 'water_level', 'straw', 'mechanised_operation', 'harvest', 'post_harvest_loss',
]);
export type ActivityType = z.infer<typeof ActivityType>;

export const LandPreparationDetails = z.object({
  operation: z.enum(['ploughing', 'harrowing', 'rotavating', 'puddling', 'levelling', 'laser_levelling', 'other']),
  mechanised: z.boolean().optional(),
  notes: Notes,
});

export const SowingDetails = z.object({
  method: z.enum(['transplanting_manual', 'transplanting_machine', 'direct_seeding_broadcast', 'direct_seeding_drum', 'direct_seeding_machine', 'direct_seeding_drone']),
  /** Seed used per hectare (for transplanting: the nursery seed for one hectare). */
  seedRateKgPerHa: z.number().positive().max(400),
  variety: z.string().trim().min(1).max(80).optional(),
  seedSource: z.enum(['certified', 'purchased_uncertified', 'saved']).optional(),
  seedLot: z.string().trim().max(80).optional(),
  notes: Notes,
});

export const CustomFertiliserProduct = z
  .object({
    name: Name,
    nFraction: Fraction,
    p2o5Fraction: Fraction.optional(),
    k2oFraction: Fraction.optional(),
    isUrea: z.boolean().optional(),
    nSource: NSource.optional(),
    limeKind: LimeKind.optional(),
  })
  .refine((p) => p.nFraction + (p.p2o5Fraction ?? 0) + (p.k2oFraction ?? 0) <= 1, { path: ['nFraction'], message: 'N + P2O5 + K2O fractions cannot exceed 1' });

export const FertiliserDetails = z
  .object({
    /** A catalogue product (GET /catalogues/fertilisers) … */
    productCode: CatalogueCode.optional(),
    /** … or a product the catalogue lacks, with its label fractions. Exactly one of the two. */
    customProduct: CustomFertiliserProduct.optional(),
    amount: z.number().positive().max(1_000_000),
    /** kg of product per hectare, or kg of product on the whole plot (converted with the season's area). */
    amountUnit: z.enum(['kg_per_ha', 'kg_per_plot']),
    method: z.enum(['broadcast', 'deep_placement', 'band', 'foliar', 'fertigation']).optional(),
    growthStage: z.string().trim().max(60).optional(),
    notes: Notes,
  })
  .refine((f) => (f.productCode === undefined) !== (f.customProduct === undefined), { path: ['productCode'], message: 'Give either productCode or customProduct' })
  .refine((f) => f.amountUnit !== 'kg_per_ha' || f.amount <= 50_000, { path: ['amount'], message: 'More than 50 000 kg of product per hectare is not plausible' });

export const PesticideDetails = z
  .object({
    /** A catalogue product fills in the name, active ingredients and PHI. */
    productCode: CatalogueCode.optional(),
    productName: Name.optional(),
    activeIngredients: z.array(ActiveIngredient).min(1).max(6).optional(),
    dose: z.number().positive().max(100_000),
    doseUnit: z.enum(['l_per_ha', 'ml_per_ha', 'kg_per_ha', 'g_per_ha', 'ml_per_16l_tank', 'g_per_16l_tank']),
    /** Pre-harvest interval in days (thời gian cách ly): defaults to the catalogue product's. */
    phiDays: z.number().int().min(0).max(365).optional(),
    target: z.string().trim().max(120).optional(),
    sprayer: z.enum(['knapsack', 'motorised', 'drone']).optional(),
    notes: Notes,
  })
  .refine((p) => p.productCode !== undefined || (p.productName !== undefined && p.activeIngredients !== undefined && p.phiDays !== undefined), {
    path: ['activeIngredients'],
    message: 'Without productCode give productName, activeIngredients and phiDays',
  });

export const IrrigationDetails = z.object({
  /** Standing water depth after irrigating, cm above the soil surface. */
  waterDepthCm: z.number().min(0).max(60).optional(),
  source: z.enum(['canal', 'pump', 'rain', 'other']).optional(),
  durationHours: z.number().positive().max(240).optional(),
  notes: Notes,
});

export const DrainageDetails = z.object({
  purpose: z.enum(['mid_season', 'awd', 'end_of_season', 'other']).optional(),
  notes: Notes,
});

export const WaterLevelDetails = z.object({
  /** The perforated field tube's id (one plot may have several). */
  tubeId: z.string().trim().min(1).max(40),
  /** Water level in the tube, cm: positive = standing water above the surface, negative = below it. */
  levelCm: z.number().min(-60).max(60),
  notes: Notes,
});

export const StrawDetails = z
  .object({
    /** Whose straw: the previous crop's (handled before this crop, feeds this season) or this crop's (after its harvest). */
    residueOf: z.enum(['previous_crop', 'this_crop']),
    /** Straw dry matter, t/ha; or give freshMassTPerHa with dryMatterFraction (methodology.md §4). */
    dryMatterTPerHa: z.number().min(0).max(20).optional(),
    freshMassTPerHa: z.number().min(0).max(60).optional(),
    dryMatterFraction: z.number().gt(0).max(1).optional(),
    burntFraction: Fraction,
    incorporatedFraction: Fraction,
    removedFraction: Fraction,
    leftOnSurfaceFraction: Fraction,
    /** When the straw was worked into the soil; defaults to the activity date. */
    incorporatedOn: IsoDate.optional(),
    /** Only when the next crop's start is not recorded: was it incorporated ≤ 30 days or > 30 days before it? */
    incorporationTiming: z.enum(['shortly_before_next_crop', 'long_before_next_crop']).optional(),
    notes: Notes,
  })
  .refine((s) => Math.abs(s.burntFraction + s.incorporatedFraction + s.removedFraction + s.leftOnSurfaceFraction - 1) <= 0.001, {
    path: ['burntFraction'],
    message: 'burnt + incorporated + removed + left on the surface must add up to 1',
  })
  .refine((s) => s.dryMatterTPerHa !== undefined || (s.freshMassTPerHa !== undefined && s.dryMatterFraction !== undefined), {
    path: ['dryMatterTPerHa'],
    message: 'Give dryMatterTPerHa, or freshMassTPerHa with dryMatterFraction',
  });

export const MechanisedOperationDetails = z.object({
  operation: z.enum(['ploughing', 'harrowing', 'levelling', 'seeding', 'transplanting', 'spraying', 'drone_spraying', 'fertiliser_spreading', 'harvesting', 'straw_baling', 'drying', 'transport', 'other']),
  machine: z.string().trim().max(120).optional(),
  fuelLitres: z.number().min(0).max(10_000).optional(),
  workedAreaHa: z.number().positive().max(10_000).optional(),
  serviceProvider: z.string().trim().max(200).optional(),
  notes: Notes,
});

export const HarvestDetails = z
  .object({
    yieldKgPerHa: z.number().positive().max(20_000).optional(),
    /** Or the plot's total, converted with the season's area. */
    totalKg: z.number().positive().max(10_000_000).optional(),
    moisturePct: z.number().min(5).max(40).optional(),
    method: z.enum(['manual', 'combine']).optional(),
    lotCode: z.string().trim().max(80).optional(),
    buyer: z.string().trim().max(200).optional(),
    notes: Notes,
  })
  .refine((h) => (h.yieldKgPerHa === undefined) !== (h.totalKg === undefined), { path: ['yieldKgPerHa'], message: 'Give either yieldKgPerHa or totalKg' });

export const PostHarvestLossDetails = z
  .object({
    stage: z.enum(['harvesting', 'threshing', 'drying', 'storage', 'transport', 'milling']),
    lossPct: z.number().min(0).max(100).optional(),
    lossKg: z.number().min(0).max(10_000_000).optional(),
    notes: Notes,
  })
  .refine((l) => (l.lossPct === undefined) !== (l.lossKg === undefined), { path: ['lossPct'], message: 'Give either lossPct or lossKg' });

/** The details schema of each activity type (PATCH validates `details` against the stored type). */
export const ActivityDetailsByType = {
  land_preparation: LandPreparationDetails,
  sowing: SowingDetails,
  fertiliser: FertiliserDetails,
  pesticide: PesticideDetails,
  irrigation: IrrigationDetails,
  drainage: DrainageDetails,
  water_level: WaterLevelDetails,
  straw: StrawDetails,
  mechanised_operation: MechanisedOperationDetails,
  harvest: HarvestDetails,
  post_harvest_loss: PostHarvestLossDetails,
} as const satisfies Record<ActivityType, z.ZodType>;
export type ActivityDetails<T extends ActivityType = ActivityType> = z.infer<(typeof ActivityDetailsByType)[T]>;

const variant = <T extends ActivityType>(type: T) => z.object({ type: z.literal(type), details: ActivityDetailsByType[type] });
/** `{ type, details }` with the details schema chosen by type. */
export const TypedActivityDetails = z.discriminatedUnion('type', [
  variant('land_preparation'), variant('sowing'), variant('fertiliser'), variant('pesticide'), variant('irrigation'), variant('drainage'),
  variant('water_level'), variant('straw'), variant('mechanised_operation'), variant('harvest'), variant('post_harvest_loss'),
]);
export type TypedActivityDetails = z.infer<typeof TypedActivityDetails>;

export const CreateActivityBody = z.intersection(z.object({ clientId: z.uuid(), occurredOn: IsoDate }), TypedActivityDetails);
export type CreateActivityBody = z.infer<typeof CreateActivityBody>;

export const UpdateActivityBody = z.object({
  baseVersion: z.number().int().min(1),
  /** Optional id of this change, so that a replayed update answers 200 instead of a conflict. */
  clientId: z.uuid().optional(),
  occurredOn: IsoDate.optional(),
  /** Replaces the whole details object; validated against the activity's type. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export const DeleteActivityQuery = z.object({ baseVersion: z.coerce.number().int().min(1), clientId: z.uuid().optional() });
export type UpdateActivityBody = z.infer<typeof UpdateActivityBody>;

export const BulkActivityBody = z.intersection(
  z.object({ clientId: z.uuid(), seasonIds: z.array(z.uuid()).min(1).max(1000), occurredOn: IsoDate }),
  TypedActivityDetails,
);
export type BulkActivityBody = z.infer<typeof BulkActivityBody>;

// ---------------------------------------------------------------------------------- responses

export const PhotoFlag = z.enum(['photo_far', 'photo_stale', 'photo_unlocated']);
export const PhotoResponse = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  mimeType: z.string(),
  byteSize: z.number().int(),
  sha256: z.string(),
  capturedAt: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  /** Distance from the plot boundary computed by PostGIS (0 inside the plot); null without a GPS position. */
  distanceToPlotM: z.number().nullable(),
  flags: z.array(PhotoFlag),
  uploadedBy: z.uuid(),
  uploadedAt: z.string(),
  /** GET this URL for the bytes. */
  url: z.string(),
});
export const PhotoEnvelope = z.object({ photo: PhotoResponse });
export const PhotoQuery = z.object({
  capturedAt: z.iso.datetime({ offset: true, message: 'capturedAt must be an ISO 8601 instant, e.g. 2026-01-05T08:30:00+07:00' }),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lon: z.coerce.number().min(-180).max(180).optional(),
});

const activityMeta = {
  id: z.uuid(),
  clientId: z.uuid(),
  seasonId: z.uuid(),
  occurredOn: z.string(),
  version: z.number().int(),
  deletedAt: z.string().nullable(),
  recordedBy: z.uuid(),
  recordedAt: z.string(),
  /** Entered by someone other than the plot's household (a cooperative recorder, for instance). */
  recordedOnBehalf: z.boolean(),
  batchId: z.uuid().nullable(),
  updatedBy: z.uuid().nullable(),
  updatedAt: z.string().nullable(),
  photos: z.array(PhotoResponse),
};
export const ActivityResponse = z.intersection(z.object(activityMeta), TypedActivityDetails);
export type ActivityResponse = z.infer<typeof ActivityResponse>;
export const ActivityEnvelope = z.object({ activity: ActivityResponse });
export const BulkActivityResponse = z.object({ batchId: z.uuid(), activities: z.array(ActivityResponse) });

export const ComplianceFlagKind = z.enum(['phi_violation', 'rotation', 'photo_far', 'photo_stale', 'photo_unlocated', 'missing_records']);
export const ComplianceFlagResponse = z.object({
  id: z.uuid(),
  seasonId: z.uuid(),
  activityId: z.uuid().nullable(),
  kind: ComplianceFlagKind,
  detail: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});

// ---------------------------------------------------------------------------------- derived facts

export const FactSource = z.object({ activityId: z.uuid(), type: ActivityType, occurredOn: z.string() });
const fact = <T extends z.ZodType>(value: T) => z.object({ value: value.nullable(), unit: z.string().nullable(), sources: z.array(FactSource), note: z.string().optional() });
export const NumberFact = fact(z.number());
export const DateFact = fact(z.string());

export const WaterRegimeValue = z.enum(['continuously_flooded', 'single_drainage', 'multiple_drainage', 'unknown']);
export const DrainagePeriodResponse = z.object({
  startOn: z.string(),
  endOn: z.string(),
  days: z.number(),
  /** Days that count: the period clipped at the start of the end-of-season window. */
  countedDays: z.number(),
  counted: z.boolean(),
  why: z.string(),
  minLevelCm: z.number().nullable(),
  reachedSafeAwdDepth: z.boolean(),
  sources: z.array(FactSource),
});
export const WaterRegimeFact = fact(WaterRegimeValue).extend({
  awd: z.boolean(),
  safeAwdCycles: z.number().int(),
  provisional: z.boolean(),
  drainagePeriods: z.array(DrainagePeriodResponse),
  endOfSeasonDrainage: z.object({ startOn: z.string(), days: z.number() }).nullable(),
  gaps: z.array(z.object({ fromOn: z.string(), toOn: z.string(), days: z.number() })),
  reason: z.string(),
});
export const PreSeasonValue = z.enum(['non_flooded_lt_180d', 'non_flooded_gt_180d', 'flooded_gt_30d', 'non_flooded_gt_365d']);
export const PreSeasonFact = fact(PreSeasonValue).extend({
  previousHarvestOn: z.string().nullable(),
  fallowDays: z.number().nullable(),
  floodedDays: z.number().nullable(),
});
export const StrawTimingValue = z.enum(['shortly_before', 'long_before']);

export const SeasonFacts = z.object({
  cultivationStartOn: DateFact,
  cultivationEndOn: DateFact,
  cultivationDays: NumberFact,
  waterRegime: WaterRegimeFact,
  preSeason: PreSeasonFact,
  nSyntheticKgPerHa: NumberFact,
  nOrganicKgPerHa: NumberFact,
  nTotalKgPerHa: NumberFact,
  ureaKgPerHa: NumberFact,
  p2o5KgPerHa: NumberFact,
  k2oKgPerHa: NumberFact,
  fertiliserProductKgPerHa: NumberFact,
  limestoneKgPerHa: NumberFact,
  dolomiteKgPerHa: NumberFact,
  strawIncorporatedTPerHa: NumberFact,
  strawIncorporationTiming: fact(StrawTimingValue),
  strawBurntTPerHa: NumberFact,
  strawRemovedTPerHa: NumberFact,
  strawLeftOnSurfaceTPerHa: NumberFact,
  seedRateKgPerHa: NumberFact,
  yieldKgPerHa: NumberFact,
  harvestMoisturePct: NumberFact,
  postHarvestLossPct: NumberFact,
  mechanisedOperations: NumberFact,
  pesticideApplications: NumberFact,
  earliestHarvestOn: DateFact,
});
export type SeasonFacts = z.infer<typeof SeasonFacts>;

/** The calculation contract's season (docs/mrv-calculation-contract.md), snake_case as the engine reads it. */
export const MrvSeasonInput = z.object({
  name: z.string(),
  crop: z.string(),
  cultivation_days: z.number().optional(),
  water_regime: z.enum(['continuously_flooded', 'single_drainage', 'multiple_drainage']).optional(),
  pre_season: PreSeasonValue.optional(),
  efc_region: z.literal('southeast_asia').optional(),
  organic_amendments: z.array(z.object({ type: z.enum(['straw_lt30d', 'straw_gt30d']), t_per_ha: z.number(), basis: z.literal('dry') })).optional(),
  n_inputs: z.array(z.object({ source: NSource, product: z.string(), product_kg_per_ha: z.number(), n_fraction: z.number() })).optional(),
  urea_kg_per_ha: z.number().optional(),
  lime: z.object({ limestone_kg_per_ha: z.number(), dolomite_kg_per_ha: z.number() }).optional(),
  residue_burning: z.object({ residue_dm_t_per_ha: z.number(), burned_fraction: z.number() }).optional(),
});
export const SeasonFactsResponse = z.object({
  seasonId: z.uuid(),
  cropCode: z.string(),
  areaHa: z.number(),
  facts: SeasonFacts,
  /** The methodology engine's SeasonInput built from the facts; keys that cannot be derived are absent and listed in `missing`. */
  mrvInput: MrvSeasonInput,
  missing: z.array(z.object({ fact: z.string(), reason: z.string() })),
  /** True when nothing is missing: `{ area_ha: areaHa, seasons: [mrvInput] }` is a complete scenario for POST /mrv/calculate. */
  complete: z.boolean(),
});
export type SeasonFactsResponse = z.infer<typeof SeasonFactsResponse>;

export const SeasonDetailResponse = z.object({
  season: SeasonResponse,
  activities: z.array(ActivityResponse),
  facts: SeasonFactsResponse,
  complianceFlags: z.array(ComplianceFlagResponse),
});

// ---------------------------------------------------------------------------------- sync (offline queue flush)

export const SyncMutation = z.object({
  /** The mutation's id made on the phone; the idempotency key. */
  clientId: z.uuid(),
  kind: z.enum(['createSeason', 'createActivity', 'updateActivity', 'deleteActivity']),
  /** createActivity: the season's id, or the clientId of a season created earlier (also offline). */
  seasonId: z.uuid().optional(),
  /** updateActivity/deleteActivity: the activity's id, or the clientId it was created with. */
  activityId: z.uuid().optional(),
  baseVersion: z.number().int().min(1).optional(),
  /**
   * createSeason: CreateSeasonBody plus `plotId`; createActivity: `{ type, occurredOn, details }`;
   * updateActivity: `{ occurredOn?, details? }`; deleteActivity: `{}`.
   */
  payload: z.record(z.string(), z.unknown()).default({}),
});
export const SyncBody = z.object({ mutations: z.array(SyncMutation).min(1).max(1000) });
export type SyncMutation = z.infer<typeof SyncMutation>;
export const SyncResult = z.object({
  clientId: z.uuid(),
  status: z.enum(['applied', 'duplicate', 'conflict', 'rejected']),
  /** applied / duplicate: the stored record (a SeasonResponse or an ActivityResponse). */
  record: z.unknown().optional(),
  /** conflict: the server's current record, to show beside the phone's version. */
  current: z.unknown().optional(),
  /** rejected (and conflict): why, as in a problem body. */
  error: z.object({ code: z.string(), detail: z.string(), errors: z.array(z.object({ path: z.string(), message: z.string() })).optional() }).optional(),
});
export const SyncResponse = z.object({ results: z.array(SyncResult) });
export type SyncResult = z.infer<typeof SyncResult>;

// ---------------------------------------------------------------------------------- record completeness (growing areas)

export const RequiredRecord = z.object({
  key: z.string(),
  /** Where the requirement comes from, e.g. "vn-standards.md §1.2 (Decision 3156/QĐ-BNN-TT)". */
  basis: z.string(),
  present: z.boolean(),
  detail: z.string(),
});
export const RecordCompletenessResponse = z.object({
  growingAreaId: z.uuid(),
  seasons: z.array(
    z.object({
      seasonId: z.uuid(),
      plotId: z.uuid(),
      plotCode: z.string(),
      cropCode: z.string(),
      seasonName: SeasonName,
      year: z.number().int(),
      status: SeasonStatus,
      complete: z.boolean(),
      records: z.array(RequiredRecord),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const RecordCompletenessQuery = PageQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });

// ---------------------------------------------------------------------------------- problems with extensions

export const RestrictedIngredientMatch = z.object({
  ingredient: z.string(),
  listedAs: z.string(),
  status: z.string(),
  legalBasis: z.string(),
  group: z.string(),
  groupVi: z.string(),
  prohibitedFrom: z.string().nullable(),
});
