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
  | 'catalogues:edit'
  | MrvPermission
  | TracePermission
  | PlanPermission;

/**
 * MRV runs, review and verification, credits (issue 5). Separation of duties: cooperatives submit,
 * commune and province officers review, verifiers verify; the services also refuse a person who
 * submitted or recorded the data from reviewing it, and a reviewer from verifying it.
 */
type MrvPermission = 'mrv:run' | 'mrv:manage' | 'submissions:submit' | 'submissions:review' | 'submissions:verify' | 'credits:issue' | 'credits:trade';
const mrvPermissionsByRole: Record<Role, readonly MrvPermission[]> = {
  farmer: [],
  coop_manager: ['mrv:run', 'submissions:submit', 'credits:trade'],
  coop_recorder: ['mrv:run', 'submissions:submit'],
  commune_officer: ['mrv:run', 'submissions:review'],
  province_officer: ['mrv:run', 'mrv:manage', 'submissions:review', 'credits:issue', 'credits:trade'],
  verifier: ['submissions:verify'],
  enterprise: ['credits:trade'],
  admin: ['mrv:run', 'mrv:manage', 'submissions:submit', 'submissions:review', 'submissions:verify', 'credits:issue', 'credits:trade'],
};

/**
 * Traceability and the label (issue 6): co-ops and enterprises record lots and events; officers,
 * verifiers and the holders evaluate label criteria; only verifiers and the province issue, suspend or
 * revoke certificates (VIETRISA's label is verified by the local authority or an accredited body,
 * vn-standards.md §6.3).
 */
type TracePermission = 'trace:write' | 'label:evaluate' | 'label:certify';
const tracePermissionsByRole: Record<Role, readonly TracePermission[]> = {
  farmer: [],
  coop_manager: ['trace:write', 'label:evaluate'],
  coop_recorder: ['trace:write'],
  commune_officer: ['label:evaluate'],
  province_officer: ['label:evaluate', 'label:certify'],
  verifier: ['label:evaluate', 'label:certify'],
  enterprise: ['trace:write', 'label:evaluate'],
  admin: ['trace:write', 'label:evaluate', 'label:certify'],
};

/**
 * Targets, dashboards, yearly reports and programme management (issue 7). Officers read plans and
 * dashboards of their unit; they keep their own unit's plans, entered values, tasks and reports;
 * the province returns a commune's submitted report; boundaries and ecological zones are the admin's.
 */
type PlanPermission = 'plans:read' | 'plans:edit' | 'reports:prepare' | 'reports:return' | 'programme:edit' | 'geodata:edit';
const planPermissionsByRole: Record<Role, readonly PlanPermission[]> = {
  farmer: [],
  coop_manager: [],
  coop_recorder: [],
  commune_officer: ['plans:read', 'plans:edit', 'reports:prepare', 'programme:edit'],
  province_officer: ['plans:read', 'plans:edit', 'reports:prepare', 'reports:return', 'programme:edit'],
  verifier: ['plans:read'],
  enterprise: [],
  admin: ['plans:read', 'plans:edit', 'reports:prepare', 'reports:return', 'programme:edit', 'geodata:edit'],
};

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
  const granted = [...permissionsByRole[role], ...mrvPermissionsByRole[role], ...tracePermissionsByRole[role], ...planPermissionsByRole[role]];
  if (!tokenScopes) return new Set(granted);
  return new Set(granted.filter((p) => tokenScopes.includes(p)));
}

export const can = (actor: Actor, permission: Permission) => actor.permissions.has(permission);

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden(permission.replace(':', ' '));
}
