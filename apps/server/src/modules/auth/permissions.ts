/**
 * Roles and what each may do, declared in code (not in rows with magic ids). What a role may SEE is
 * decided by its scope (auth/scope.ts); what it may DO is this table. A caller who can see a record
 * but may not act on it gets 403; one who cannot see it gets 404.
 */
import type { Role } from '../../db/schema.ts';
import { forbidden } from '../../shared/errors.ts';

export const ROLES = ['farmer', 'coop_manager', 'coop_recorder', 'commune_officer', 'province_officer', 'verifier', 'enterprise', 'admin'] as const satisfies readonly Role[];

export type Permission =
  | 'registry:read'
  | 'plots:edit'
  | 'plots:import'
  | 'households:edit'
  | 'organisations:edit'
  | 'growing-areas:edit'
  | 'growing-areas:approve'
  | 'users:manage'
  | 'admin-units:edit'
  | 'tokens:manage'
  | 'diary:write'
  | 'catalogues:edit';

const everyone: Permission[] = ['registry:read', 'tokens:manage'];

export const permissionsByRole: Record<Role, readonly Permission[]> = {
  farmer: [...everyone, 'plots:edit', 'diary:write'],
  coop_manager: [...everyone, 'plots:edit', 'plots:import', 'households:edit', 'growing-areas:edit', 'users:manage', 'diary:write'],
  coop_recorder: [...everyone, 'plots:edit', 'plots:import', 'households:edit', 'diary:write'],
  commune_officer: [...everyone, 'households:edit', 'organisations:edit'],
  province_officer: [...everyone, 'organisations:edit', 'growing-areas:approve', 'users:manage'],
  verifier: [...everyone],
  enterprise: [...everyone],
  admin: [...everyone, 'plots:edit', 'plots:import', 'households:edit', 'organisations:edit', 'growing-areas:edit', 'growing-areas:approve', 'users:manage', 'admin-units:edit', 'diary:write', 'catalogues:edit'],
};

/** Who is acting: a logged-in user or a machine token (whose scopes narrow the role's permissions). */
export interface Actor {
  userId: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  householdId: string | null;
  /** A province or commune code for officers and verifiers. */
  adminUnitCode: string | null;
  permissions: ReadonlySet<Permission>;
  via: 'session' | 'token';
}

export function permissionsFor(role: Role, tokenScopes?: readonly string[]): Set<Permission> {
  const granted = permissionsByRole[role];
  if (!tokenScopes) return new Set(granted);
  return new Set(granted.filter((p) => tokenScopes.includes(p)));
}

export const can = (actor: Actor, permission: Permission) => actor.permissions.has(permission);

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden(permission.replace(':', ' '));
}
