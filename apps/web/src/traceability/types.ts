/** API types of traceability and the label, inferred from @dongxanh/contracts (type-only). */
import type { z } from 'zod';
import type * as C from '@dongxanh/contracts';

export type LotSummary = z.infer<typeof C.LotSummary>;
export type LotPage = z.infer<typeof C.LotPage>;
export type LotDetail = z.infer<typeof C.LotDetailResponse>;
export type LotEvent = z.infer<typeof C.LotEventSummary>;
export type ProductKind = z.infer<typeof C.ProductKind>;
export type TradeItem = z.infer<typeof C.TradeItemResponse>;
export type TradePartnerList = z.infer<typeof C.TradePartnerList>;
export type EventResult = z.infer<typeof C.EventResultResponse>;
export type HarvestLotBody = z.input<typeof C.HarvestLotBody>;
export type TransformBody = z.input<typeof C.TransformBody>;
export type SeasonPage = z.infer<typeof C.SeasonPage>;
export type LabelScheme = z.infer<typeof C.LabelSchemeResponse>;
export type LabelCriterion = z.infer<typeof C.LabelCriterion>;
export type Evaluation = z.infer<typeof C.EvaluationResponse>;
export type Certificate = z.infer<typeof C.CertificateResponse>;
export type IssueCertificateBody = z.input<typeof C.IssueCertificateBody>;
