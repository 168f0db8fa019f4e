import { fileURLToPath } from 'node:url';

/**
 * The shared reference data (administrative units, conversion table, banned pesticides, GS1 schemas)
 * lives in `shared/data` beside the project's root; REFERENCE_DATA_DIR (config.ts) points elsewhere.
 */
export const defaultReferenceDataDir = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
