import type { SessionUser } from '../api/contracts.ts';
import { useT, type MessageKey } from '../i18n/index.tsx';
import { Link } from '../router/index.tsx';

const SHORTCUTS: Array<{ to: string; title: MessageKey; text: MessageKey }> = [
  { to: '/calculator', title: 'nav.calculator', text: 'home.calculator' },
  { to: '/plots', title: 'nav.plots', text: 'home.plots' },
  { to: '/plots/new', title: 'plots.new', text: 'home.drawPlot' },
  { to: '/households', title: 'nav.households', text: 'home.households' },
  { to: '/growing-areas', title: 'nav.growingAreas', text: 'home.growingAreas' },
  { to: '/organisations', title: 'nav.organisations', text: 'home.organisations' },
  { to: '/admin-units', title: 'nav.adminUnits', text: 'home.adminUnits' },
  { to: '/import', title: 'nav.import', text: 'home.import' },
];

export function HomePage({ user }: { user: SessionUser }) {
  const t = useT();
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
              <dd>{user.adminUnitCode}</dd>
            </div>
          ) : null}
        </dl>
      </header>
      <section aria-labelledby="home-shortcuts">
        <h2 id="home-shortcuts">{t('home.shortcuts')}</h2>
        <ul className="shortcuts">
          {SHORTCUTS.map((s) => (
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
