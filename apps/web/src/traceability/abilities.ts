/**
 * Which traceability and label actions to offer a role (display only; the server's permission table,
 * apps/server/src/modules/auth/permissions.ts, decides and answers 403 otherwise).
 */
import type { RoleName } from '../api/contracts.ts';

const WRITE: readonly RoleName[] = ['coop_manager', 'coop_recorder', 'enterprise', 'admin'];
const EVALUATE: readonly RoleName[] = ['coop_manager', 'commune_officer', 'province_officer', 'verifier', 'enterprise', 'admin'];
const CERTIFY: readonly RoleName[] = ['province_officer', 'verifier', 'admin'];

export const canTrace = (role: RoleName | undefined) => !!role && WRITE.includes(role);
export const canEvaluate = (role: RoleName | undefined) => !!role && EVALUATE.includes(role);
export const canCertify = (role: RoleName | undefined) => !!role && CERTIFY.includes(role);
