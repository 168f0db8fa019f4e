/**
 * The diary's catalogues (crops, fertilisers, pesticides), kept on the phone once loaded so the
 * forms can be filled with no signal. Loaded when the person signs in (OfflineAgent) and whenever a
 * form opens online.
 */
import { apiRequest } from '../api/client.ts';
import { cacheKeys, cachePut } from '../offline/store.ts';
import { useCached } from '../offline/use-cached.ts';
import type { CropList, FertiliserProductList, PesticideProductList } from './types.ts';

const PATHS = { crops: '/catalogues/crops', fertilisers: '/catalogues/fertilisers', pesticides: '/catalogues/pesticides' } as const;

export function useCatalogues() {
  const crops = useCached<CropList>(PATHS.crops, cacheKeys.catalogue('crops'));
  const fertilisers = useCached<FertiliserProductList>(PATHS.fertilisers, cacheKeys.catalogue('fertilisers'));
  const pesticides = useCached<PesticideProductList>(PATHS.pesticides, cacheKeys.catalogue('pesticides'));
  return {
    crops: crops.data?.items ?? [],
    fertilisers: fertilisers.data?.items ?? [],
    pesticides: pesticides.data?.items ?? [],
    /** Nothing at all to offer: never loaded on this phone and no connection now. */
    missing: !crops.loading && !fertilisers.loading && (crops.data === null || fertilisers.data === null),
    loading: crops.loading && crops.data === null,
  };
}

/** Saves all three catalogues for use offline; failures are fine (they load again on the next form). */
export async function prefetchCatalogues(): Promise<void> {
  const savedAt = new Date().toISOString();
  await Promise.all(
    (Object.keys(PATHS) as Array<keyof typeof PATHS>).map(async (name) => {
      try {
        await cachePut(cacheKeys.catalogue(name), await apiRequest<unknown>(PATHS[name]), savedAt);
      } catch {
        // Offline or signed out: nothing to save now.
      }
    }),
  );
}

export { cropName, productName } from './labels.ts';
