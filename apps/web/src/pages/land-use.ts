/** Land-use types of a plot, in the order the forms list them, with their message keys. */
import type { LandUse } from '../api/contracts.ts';
import type { MessageKey } from '../i18n/index.tsx';

// A Record over the contract's enum: a land use added to the contract fails the typecheck here until it has a name.
const KEYS: Record<LandUse, MessageKey> = {
  rice: 'landUse.rice',
  vegetables: 'landUse.vegetables',
  fruit: 'landUse.fruit',
  tea: 'landUse.tea',
  coffee: 'landUse.coffee',
  other: 'landUse.other',
};

export const LAND_USES = Object.keys(KEYS) as LandUse[];
export const landUseKey = (u: LandUse): MessageKey => KEYS[u];
