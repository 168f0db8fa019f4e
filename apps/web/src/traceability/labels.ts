/** Message keys for the traceability enums. */
import type { MessageKey } from '../i18n/index.tsx';
import type { ProductKind } from './types.ts';

export const PRODUCT_KIND_KEYS: Record<ProductKind, MessageKey> = {
  paddy: 'trace.product.paddy', milled_rice: 'trace.product.milled_rice', broken_rice: 'trace.product.broken_rice', bran: 'trace.product.bran', husk: 'trace.product.husk', other: 'trace.product.other',
};
const OPERATION_KEYS: Record<string, MessageKey> = {
  harvest: 'trace.op.harvest', aggregation: 'trace.op.aggregation', transformation: 'trace.op.transformation', split: 'trace.op.split', packing: 'trace.op.packing',
  palletising: 'trace.op.palletising', shipping: 'trace.op.shipping', receiving: 'trace.op.receiving', imported: 'trace.op.imported',
};
export const operationKey = (op: string): MessageKey => OPERATION_KEYS[op] ?? 'trace.op.imported';
const STATUS_KEYS: Record<string, MessageKey> = { active: 'trace.status.active', in_transit: 'trace.status.in_transit', consumed: 'trace.status.consumed' };
export const lotStatusKey = (s: string): MessageKey => STATUS_KEYS[s] ?? 'trace.status.active';
