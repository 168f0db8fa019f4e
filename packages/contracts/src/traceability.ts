/**
 * Traceability (capability 8): trade items (GTIN), lots and units, the events that move them (harvest,
 * aggregation, transformation, split, packing, shipping, receiving), EPCIS 2.0 export and import.
 * Masses are kg; intensities kg CO2e per kg of product.
 */
import { z } from 'zod';
import { PageQuery, pageOf } from './common.ts';
import { IsoDate } from './diary.ts';

/** GS1 AI encodable character set 82; lot numbers and serials are 1–20 of these characters. */
export const Gs1Code = z
  .string()
  .trim()
  .regex(/^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/, 'Use 1–20 characters: letters A–Z a–z (no diacritics), digits and !"%&\'()*+,-./:;<=>?_');
export const Gtin = z.string().trim().regex(/^(\d{8}|\d{12,14})$/, 'A GTIN has 8, 12, 13 or 14 digits');
export const Mass = z.number().positive('Must be more than 0 kg').max(1e9);

export const ProductKind = z.enum(['paddy', 'milled_rice', 'broken_rice', 'bran', 'husk', 'other']);
export type ProductKind = z.infer<typeof ProductKind>;

export const CreateTradeItemBody = z.object({
  organisationId: z.uuid().optional(),
  /** The GS1 company prefix (Vietnam's start with 893), 6–12 digits. */
  companyPrefix: z.string().regex(/^\d{6,12}$/, 'A GS1 company prefix has 6 to 12 digits'),
  /** Either the full GTIN, or the item reference under the company prefix (the check digit is computed). */
  gtin: Gtin.optional(),
  itemReference: z.string().regex(/^\d{1,6}$/, 'Digits only').optional(),
  nameVi: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  productKind: ProductKind,
  netContentKg: z.number().positive().max(100000).optional(),
});
export type CreateTradeItemBody = z.infer<typeof CreateTradeItemBody>;
export const TradeItemResponse = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  gtin: z.string(),
  companyPrefix: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  productKind: ProductKind,
  netContentKg: z.number().nullable(),
});
export type TradeItemResponse = z.infer<typeof TradeItemResponse>;

const eventTime = z.iso.datetime({ offset: true }).optional();

export const HarvestLotBody = z.object({
  code: Gs1Code,
  tradeItemId: z.uuid().optional(),
  producedOn: IsoDate,
  moisturePct: z.number().min(0).max(100).optional(),
  sources: z.array(z.object({ seasonId: z.uuid(), massKg: Mass })).min(1).max(500),
  eventTime,
});
export type HarvestLotBody = z.infer<typeof HarvestLotBody>;

export const AggregateLotsBody = z.object({
  code: Gs1Code,
  tradeItemId: z.uuid().optional(),
  producedOn: IsoDate,
  inputs: z.array(z.object({ lotId: z.uuid(), massKg: Mass })).min(1).max(500),
  eventTime,
});
export type AggregateLotsBody = z.infer<typeof AggregateLotsBody>;

export const TransformBody = z.object({
  producedOn: IsoDate,
  /** What the process is, e.g. milling ('milling' gets its own business step). */
  process: z.enum(['milling', 'drying', 'sorting', 'other']),
  inputs: z.array(z.object({ lotId: z.uuid(), massKg: Mass })).min(1).max(100),
  outputs: z
    .array(z.object({ code: Gs1Code, tradeItemId: z.uuid().optional(), productKind: ProductKind, massKg: Mass, byProduct: z.boolean().default(false), moisturePct: z.number().min(0).max(100).optional() }))
    .min(1)
    .max(20),
  eventTime,
});
export type TransformBody = z.infer<typeof TransformBody>;

export const SplitLotBody = z.object({
  producedOn: IsoDate,
  parts: z.array(z.object({ code: Gs1Code, massKg: Mass })).min(1).max(100),
  eventTime,
});
export type SplitLotBody = z.infer<typeof SplitLotBody>;

export const PackUnitsBody = z.object({
  tradeItemId: z.uuid(),
  producedOn: IsoDate,
  count: z.number().int().min(1).max(5000),
  /** Net mass of one unit; defaults to the trade item's net content. */
  unitMassKg: Mass.optional(),
  /** Serials are this prefix and a running number (U-0001 …). */
  serialPrefix: z.string().regex(/^[A-Za-z0-9-]{1,12}$/, 'Letters, digits and - only, up to 12').default('U'),
  eventTime,
});
export type PackUnitsBody = z.infer<typeof PackUnitsBody>;

export const ShipBody = z.object({
  toOrganisationId: z.uuid(),
  /** The lots or units shipped (whole). */
  lotIds: z.array(z.uuid()).min(1).max(5000),
  despatchAdviceNumber: z.string().trim().min(1).max(60),
  eventTime,
});
export type ShipBody = z.infer<typeof ShipBody>;

export const ReceiveBody = z.object({
  lotIds: z.array(z.uuid()).min(1).max(5000),
  eventTime,
});
export type ReceiveBody = z.infer<typeof ReceiveBody>;

export const LotStatus = z.enum(['active', 'in_transit', 'consumed']);
export const VerificationShare = z.object({ verifiedKg: z.number(), totalKg: z.number(), verifiedPct: z.number() });

export const LotSummary = z.object({
  id: z.uuid(),
  kind: z.enum(['lot', 'unit']),
  code: z.string(),
  lotNumber: z.string().nullable(),
  gtin: z.string().nullable(),
  productKind: ProductKind,
  productName: z.string().nullable(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  massKg: z.number(),
  availableKg: z.number(),
  producedOn: z.string(),
  status: LotStatus,
  inTransitTo: z.uuid().nullable(),
  /** kg CO2e per kg of this product, allocated by mass (modules/traceability/allocation.ts). */
  intensityKgCo2ePerKg: z.number(),
  baselineIntensityKgCo2ePerKg: z.number(),
  digitalLink: z.string().nullable(),
  createdAt: z.string(),
});
export type LotSummary = z.infer<typeof LotSummary>;
export const LotQuery = PageQuery.extend({
  kind: z.enum(['lot', 'unit']).optional(),
  status: LotStatus.optional(),
  q: z.string().trim().max(60).optional(),
  parentLotId: z.uuid().optional(),
});
export const LotPage = pageOf(LotSummary);

export const LotEventSummary = z.object({
  id: z.uuid(),
  eventId: z.string(),
  operation: z.string(),
  eventType: z.string(),
  bizStep: z.string().nullable(),
  disposition: z.string().nullable(),
  eventTime: z.string(),
  organisationName: z.string().nullable(),
  inputKg: z.number().nullable(),
  outputKg: z.number().nullable(),
  lots: z.array(z.object({ lotId: z.uuid(), code: z.string(), role: z.string(), massKg: z.number().nullable(), productKind: ProductKind })),
});
export type LotEventSummary = z.infer<typeof LotEventSummary>;

export const LotOriginResponse = z.object({
  seasonId: z.uuid(),
  plotCode: z.string(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  variety: z.string().nullable(),
  seasonLabel: z.string(),
  harvestedKg: z.number(),
  verified: z.boolean(),
  growingAreaCodes: z.array(z.string()),
});
export const LotDetailResponse = z.object({
  lot: LotSummary,
  origins: z.array(LotOriginResponse),
  verification: VerificationShare,
  /** Mass balance of this lot: produced, taken by later events, left. */
  massBalance: z.object({ producedKg: z.number(), consumedKg: z.number(), availableKg: z.number() }),
  /** Every event upstream and downstream of this lot, oldest first. */
  chain: z.array(LotEventSummary),
  unitCount: z.number().int(),
  allocationRule: z.string(),
});
export type LotDetailResponse = z.infer<typeof LotDetailResponse>;

export const EventResultResponse = z.object({
  eventIds: z.array(z.uuid()),
  lots: z.array(LotSummary),
});
export type EventResultResponse = z.infer<typeof EventResultResponse>;

export const EpcisExportQuery = z.object({
  lotId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const EpcisImportSummary = z.object({
  id: z.uuid(),
  documentType: z.string(),
  eventCount: z.number().int(),
  eventsByType: z.record(z.string(), z.number().int()),
  bizSteps: z.record(z.string(), z.number().int()),
  epcs: z.array(z.string()),
  epcClasses: z.array(z.string()),
  duplicates: z.number().int(),
});
export type EpcisImportSummary = z.infer<typeof EpcisImportSummary>;

export const QrFormat = z.enum(['png', 'svg']);
export const QrSheetQuery = z.object({
  lotIds: z.string().regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36})*$/, 'Comma-separated lot ids').optional(),
  parentLotId: z.uuid().optional(),
  lang: z.enum(['vi', 'en']).default('vi'),
});

/** Organisations lots can be shipped to (business names only; the registry's scoped views stay scoped). */
export const TradePartner = z.object({ id: z.uuid(), name: z.string(), kind: z.string(), gln: z.string().nullable() });
export const TradePartnerList = z.object({ items: z.array(TradePartner) });
