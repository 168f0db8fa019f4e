/**
 * The first page after signing in: the person's role and unit, and a card for each part of the
 * platform they work with — the same entries as the main navigation (nav-entries.ts), each with a line
 * saying what it is for, so a farmer sees the diary first and a province officer the plans.
 */
import type { AdminUnit, SessionUser } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { useT, type MessageKey } from '../i18n/index.tsx';
import { navFor, type NavLinkEntry } from '../nav-entries.ts';
import { Link } from '../router/index.tsx';

/** What each destination is for; a destination without a line here gets no card. */
const DESCRIPTIONS: Partial<Record<string, MessageKey>> = {
  '/diary': 'home.diary',
  '/plots': 'home.plots',
  '/households': 'home.households',
  '/growing-areas': 'home.growingAreas',
  '/organisations': 'home.organisations',
  '/admin-units': 'home.adminUnits',
  '/import': 'home.import',
  '/lots': 'home.lots',
  '/label': 'home.label',
  '/mrv': 'home.mrv',
  '/plans': 'home.plans',
  '/dashboards': 'home.dashboards',
  '/reports': 'home.reports',
  '/calculator': 'home.calculator',
};

/** Roles that draw plots get the shortcut to drawing one, right after the plot list. */
const DRAWS_PLOTS = new Set(['farmer', 'coop_manager', 'coop_recorder', 'admin']);

export function homeShortcuts(role: SessionUser['role']): Array<{ to: string; title: MessageKey; text: MessageKey }> {
  const links: NavLinkEntry[] = navFor(role).flatMap((e) => ('group' in e ? e.items : [e]));
  return links.flatMap((n) => {
    const text = DESCRIPTIONS[n.to];
    if (!text) return [];
    const card = { to: n.to, title: n.label, text };
    return n.to === '/plots' && DRAWS_PLOTS.has(role) ? [card, { to: '/plots/new', title: 'plots.new' as MessageKey, text: 'home.drawPlot' as MessageKey }] : [card];
  });
}

export function HomePage({ user }: { user: SessionUser }) {
  const t = useT();
  const unit = useApi<AdminUnit>(user.adminUnitCode ? `/admin-units/${encodeURIComponent(user.adminUnitCode)}` : null);
  return (
    <div className="home">
      <header className="page-header">
        <h1>{t('home.greeting', { name: user.displayName })}</h1>
        <dl className="meta">
          <div>
            <dt>{t('home.role')}</dt>
            <dd>{t(`role.${user.role}`)}</dd>
          </div>
          {user.adminUnitCode ? (
            <div>
              <dt>{t('home.adminUnit')}</dt>
              <dd>{unit.data ? `${unit.data.name} (${unit.data.code})` : user.adminUnitCode}</dd>
            </div>
          ) : null}
        </dl>
      </header>
      <section aria-labelledby="home-shortcuts">
        <h2 id="home-shortcuts">{t('home.shortcuts')}</h2>
        <ul className="shortcuts">
          {homeShortcuts(user.role).map((s) => (
            <li key={s.to}>
              <Link to={s.to} className="shortcut">
                <span className="shortcut__title">{t(s.title)}</span>
                <span className="shortcut__text">{t(s.text)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
