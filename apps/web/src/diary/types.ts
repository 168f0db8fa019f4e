/**
 * The diary API's types, inferred from the zod schemas of @dongxanh/contracts (packages/contracts/src/diary.ts).
 * Type-only: no zod code reaches the browser bundle.
 */
import type { z } from 'zod';
import type * as C from '@dongxanh/contracts';

export type Crop = z.infer<typeof C.CropResponse>;
export type CropList = z.infer<typeof C.CropList>;
export type FertiliserProduct = z.infer<typeof C.FertiliserProductResponse>;
export type FertiliserProductList = z.infer<typeof C.FertiliserProductList>;
export type PesticideProduct = z.infer<typeof C.PesticideProductResponse>;
export type PesticideProductList = z.infer<typeof C.PesticideProductList>;

export type SeasonName = z.infer<typeof C.SeasonName>;
export type SeasonStatus = z.infer<typeof C.SeasonStatus>;
export type ProductionStandard = z.infer<typeof C.ProductionStandard>;
export type Season = z.infer<typeof C.SeasonResponse>;
export type SeasonPage = z.infer<typeof C.SeasonPage>;
export type SeasonDetail = z.infer<typeof C.SeasonDetailResponse>;
export type CreateSeasonBody = z.input<typeof C.CreateSeasonBody>;

export type ActivityType = z.infer<typeof C.ActivityType>;
export type TypedActivityDetails = z.infer<typeof C.TypedActivityDetails>;
export type ActivityDetails<T extends ActivityType = ActivityType> = Extract<TypedActivityDetails, { type: T }>['details'];
export type Activity = z.infer<typeof C.ActivityResponse>;
export type Photo = z.infer<typeof C.PhotoResponse>;
export type ComplianceFlag = z.infer<typeof C.ComplianceFlagResponse>;
export type ComplianceFlagKind = z.infer<typeof C.ComplianceFlagKind>;

export type SeasonFactsResponse = z.infer<typeof C.SeasonFactsResponse>;
export type SeasonFacts = z.infer<typeof C.SeasonFacts>;
export type FactSource = z.infer<typeof C.FactSource>;
export type WaterRegimeValue = z.infer<typeof C.WaterRegimeValue>;

export type BulkActivityBody = z.input<typeof C.BulkActivityBody>;
export type BulkActivityResponse = z.infer<typeof C.BulkActivityResponse>;
export type SyncMutation = z.input<typeof C.SyncMutation>;
export type SyncResult = z.infer<typeof C.SyncResult>;
export type SyncResponse = z.infer<typeof C.SyncResponse>;
export type RestrictedIngredientMatch = z.infer<typeof C.RestrictedIngredientMatch>;

export type PlotSummary = z.infer<typeof C.PlotSummary>;
export type PlotPage = z.infer<typeof C.PlotPage>;
