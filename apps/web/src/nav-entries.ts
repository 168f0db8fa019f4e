/**
 * What the main navigation offers each role (rendered by main-nav.tsx). Which role sees which entry
 * mirrors the server's permission table (apps/server/src/modules/auth/permissions.ts) for display
 * only: a hidden link is not a protection, the server still answers 403/404.
 */
import type { RoleName } from './api/contracts.ts';
import type { MessageKey } from './i18n/index.tsx';

export interface NavLinkEntry {
  to: string;
  label: MessageKey;
  /** Shown only to a signed-in user with one of these roles; absent = every signed-in user. */
  roles?: readonly RoleName[];
  /** Shown without a session too. */
  public?: true;
}

export interface NavGroupEntry {
  group: MessageKey;
  items: NavLinkEntry[];
}

export type NavEntry = NavLinkEntry | NavGroupEntry;

const OFFICERS: readonly RoleName[] = ['commune_officer', 'province_officer', 'verifier', 'admin'];
/** Those who record or read lots and the label: not a farmer alone (their cooperative does it). */
const VALUE_CHAIN: readonly RoleName[] = ['coop_manager', 'coop_recorder', 'enterprise', 'commune_officer', 'province_officer', 'verifier', 'admin'];
/** plots:import or households:edit (the two kinds of file the import page takes). */
const IMPORTERS: readonly RoleName[] = ['coop_manager', 'coop_recorder', 'commune_officer', 'admin'];

const NAV: NavEntry[] = [
  { to: '/', label: 'nav.home' },
  { to: '/diary', label: 'diary.nav', roles: ['farmer', 'coop_manager', 'coop_recorder', 'commune_officer', 'province_officer', 'verifier', 'admin'] },
  { to: '/plots', label: 'nav.plots' },
  {
    group: 'nav.registry',
    items: [
      { to: '/households', label: 'nav.households', roles: ['farmer', 'coop_manager', 'coop_recorder', 'commune_officer', 'province_officer', 'verifier', 'admin'] },
      { to: '/growing-areas', label: 'nav.growingAreas' },
      { to: '/organisations', label: 'nav.organisations' },
      { to: '/admin-units', label: 'nav.adminUnits', roles: OFFICERS },
      { to: '/import', label: 'nav.import', roles: IMPORTERS },
    ],
  },
  { to: '/lots', label: 'nav.lots', roles: VALUE_CHAIN },
  { to: '/label', label: 'nav.lowEmissionLabel', roles: VALUE_CHAIN },
  { to: '/mrv', label: 'mrv.nav', roles: ['coop_manager', 'coop_recorder', 'enterprise', 'commune_officer', 'province_officer', 'verifier', 'admin'] },
  { to: '/plans', label: 'plans.nav', roles: OFFICERS },
  { to: '/dashboards', label: 'dash.nav', roles: OFFICERS },
  { to: '/reports', label: 'reports.nav', roles: OFFICERS },
  { to: '/calculator', label: 'nav.calculator', public: true },
];

export const isCurrent = (to: string, pathname: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));

const visibleTo = (role: RoleName | null) => (n: NavLinkEntry) => (role ? !n.roles || n.roles.includes(role) : n.public === true);

/** The entries a caller sees: groups keep only their visible links and disappear when none is left. */
export function navFor(role: RoleName | null): NavEntry[] {
  const visible = visibleTo(role);
  return NAV.flatMap((entry): NavEntry[] => {
    if ('group' in entry) {
      const items = entry.items.filter(visible);
      return items.length ? [{ group: entry.group, items }] : [];
    }
    return visible(entry) ? [entry] : [];
  });
}

