/**
 * Which actions to offer a role in the interface: buttons a person may not use are not shown. This
 * mirrors the server's permission table (apps/server/src/modules/auth/permissions.ts) for display
 * only; the server decides, and a refused action still gets its 403 message.
 */
import type { RoleName } from '../api/contracts.ts';

export type Ability = 'plots:edit' | 'plots:import' | 'households:edit' | 'growing-areas:edit' | 'growing-areas:approve' | 'plans:edit' | 'programme:edit' | 'geodata:edit';

const ABILITIES: Record<RoleName, readonly Ability[]> = {
  farmer: ['plots:edit'],
  coop_manager: ['plots:edit', 'plots:import', 'households:edit', 'growing-areas:edit'],
  coop_recorder: ['plots:edit', 'plots:import', 'households:edit'],
  commune_officer: ['households:edit', 'plans:edit', 'programme:edit'],
  province_officer: ['growing-areas:approve', 'plans:edit', 'programme:edit'],
  verifier: [],
  enterprise: [],
  admin: ['plots:edit', 'plots:import', 'households:edit', 'growing-areas:edit', 'growing-areas:approve', 'plans:edit', 'programme:edit', 'geodata:edit'],
};

export const can = (role: RoleName | undefined, ability: Ability): boolean => (role ? ABILITIES[role].includes(ability) : false);
