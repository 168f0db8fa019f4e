/** The shell: top bar (brand, navigation, language, account) and the routes. */
import { useEffect, useRef, useState } from 'react';
import { useSession } from './auth/session.tsx';
import { CalculatorPage } from './calculator/calculator-page.tsx';
import { Loading } from './components/feedback.tsx';
import { useLang, useT, type Lang, type MessageKey } from './i18n/index.tsx';
import { AdminUnitsPage } from './pages/admin-units-page.tsx';
import { GrowingAreaDetailPage } from './pages/growing-area-detail-page.tsx';
import { GrowingAreasPage } from './pages/growing-areas-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { HouseholdDetailPage } from './pages/household-detail-page.tsx';
import { HouseholdsPage } from './pages/households-page.tsx';
import { ImportPage } from './pages/import-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { OrganisationDetailPage } from './pages/organisation-detail-page.tsx';
import { OrganisationsPage } from './pages/organisations-page.tsx';
import { PlotDetailPage } from './pages/plot-detail-page.tsx';
import { PlotNewPage } from './pages/plot-new-page.tsx';
import { PlotsPage } from './pages/plots-page.tsx';
import { LabelPage } from './label/label-page.tsx';
import { LotDetailPage } from './traceability/lot-detail-page.tsx';
import { LotsPage } from './traceability/lots-page.tsx';
import { AuditPage } from './mrv/audit-page.tsx';
import { CreditsPage } from './mrv/credits-page.tsx';
import { EvidencePage } from './mrv/evidence-page.tsx';
import { RecalculationsPage } from './mrv/recalculations-page.tsx';
import { SeasonRunsPage } from './mrv/season-runs-page.tsx';
import { SubmissionPage } from './mrv/submission-page.tsx';
import { NewSubmissionPage, SubmissionsPage } from './mrv/submissions-page.tsx';
import { DIARY_TITLES, DiaryRoutes, isDiaryPath } from './diary/diary-routes.tsx';
import { PLANNING_TITLES, planningPage } from './plans/plans-routes.tsx';
import { MainNav } from './main-nav.tsx';
import { OfflineAgent } from './offline/offline-agent.tsx';
import { Link, matchPath, useLocation, useNavigate, useSearchParams, withQuery } from './router/index.tsx';

export function App() {
  const t = useT();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement | null>(null);
  const firstRender = useRef(true);

  // After a navigation, move focus to the page so screen readers start at its content.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <TopBar />
      <main id="main" ref={mainRef} tabIndex={-1} className="main">
        <Routes />
      </main>
      <footer className="footer">
        <p>
          {t('app.name')} · {t('app.tagline')}
        </p>
      </footer>
      <OfflineAgent />
    </>
  );
}

function TopBar() {
  const t = useT();
  const { pathname } = useLocation();
  const { state, user } = useSession();
  const [open, setOpen] = useState(false);

  useEffect(() => setOpen(false), [pathname]);

  return (
    <header className="topbar">
      <div className="topbar__inner">
        <Link to={user ? '/' : '/calculator'} className="brand">
          <img src="/icon.svg" alt="" width="32" height="32" className="brand__logo" />
          <span className="brand__name">{t('app.name')}</span>
        </Link>
        <LanguageSwitch />
        <button type="button" className="nav-toggle button button--ghost" aria-expanded={open} aria-controls="topbar-panel" onClick={() => setOpen((o) => !o)}>
          <span aria-hidden="true" className="nav-toggle__icon">
            {open ? '✕' : '☰'}
          </span>{' '}
          {open ? t('nav.close') : t('nav.menu')}
        </button>
        <div id="topbar-panel" className={`topbar__panel ${open ? 'topbar__panel--open' : ''}`}>
          <MainNav />
          <div className="account">
            {user ? <UserMenu /> : state.status === 'loading' ? null : pathname !== '/login' ? <Link to={withQuery('/login', { next: pathname === '/calculator' ? null : pathname })} className="button button--secondary">{t('user.login')}</Link> : null}
          </div>
        </div>
      </div>
    </header>
  );
}

function LanguageSwitch() {
  const t = useT();
  const { lang, setLang } = useLang();
  const options: Array<{ lang: Lang; short: string; name: MessageKey }> = [
    { lang: 'vi', short: 'VI', name: 'lang.vi' },
    { lang: 'en', short: 'EN', name: 'lang.en' },
  ];
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {options.map((o) => (
        <button key={o.lang} type="button" lang={o.lang} title={t(o.name)} aria-pressed={lang === o.lang} onClick={() => setLang(o.lang)}>
          {o.short}
        </button>
      ))}
    </div>
  );
}

function UserMenu() {
  const t = useT();
  const navigate = useNavigate();
  const { user, logout } = useSession();
  const [busy, setBusy] = useState(false);
  if (!user) return null;
  const onLogout = async () => {
    setBusy(true);
    await logout();
    setBusy(false);
    navigate('/login', { replace: true });
  };
  return (
    <details className="user-menu">
      <summary>
        <span className="user-menu__name">{user.displayName}</span>
        <span className="visually-hidden"> · {t('user.account')}</span>
      </summary>
      <div className="user-menu__panel">
        <p className="user-menu__role">{t(`role.${user.role}`)}</p>
        <button type="button" className="button button--secondary button--block" onClick={onLogout} disabled={busy}>
          {busy ? t('user.loggingOut') : t('user.logout')}
        </button>
      </div>
    </details>
  );
}

const TITLES: Array<[string, MessageKey]> = [
  ...PLANNING_TITLES,
  ['/lots/:id', 'nav.lots'],
  ['/lots', 'nav.lots'],
  ['/label', 'nav.lowEmissionLabel'],
  ['/calculator', 'nav.calculator'],
  ['/login', 'login.title'],
  ['/plots/new', 'plotNew.title'],
  ['/plots/:id', 'nav.plots'],
  ['/plots', 'nav.plots'],
  ['/households/:id', 'nav.households'],
  ['/households', 'nav.households'],
  ['/growing-areas/:id', 'nav.growingAreas'],
  ['/growing-areas', 'nav.growingAreas'],
  ['/organisations/:id', 'nav.organisations'],
  ['/organisations', 'nav.organisations'],
  ['/admin-units', 'nav.adminUnits'],
  ['/import', 'nav.import'],
  ['/mrv/submissions/new', 'mrv.new.title'],
  ['/mrv/submissions/:id/evidence/:seasonId', 'mrv.items.evidence'],
  ['/mrv/submissions/:id', 'mrv.tab.submissions'],
  ['/mrv/seasons/:id', 'mrv.tab.submissions'],
  ['/mrv/credits', 'mrv.tab.credits'],
  ['/mrv/recalculations', 'mrv.tab.recalculations'],
  ['/mrv/audit', 'mrv.tab.audit'],
  ['/mrv', 'mrv.tab.submissions'],
  ...DIARY_TITLES,
  ['/', 'nav.home'],
];

function Routes() {
  const t = useT();
  const { pathname } = useLocation();
  const params = useSearchParams();
  const navigate = useNavigate();
  const { state, user } = useSession();

  const titleKey = TITLES.find(([pattern]) => matchPath(pattern, pathname))?.[1] ?? 'notFound.title';
  useEffect(() => {
    document.title = `${t(titleKey)} · ${t('app.name')}`;
  }, [t, titleKey]);

  const next = params.get('next');
  useEffect(() => {
    if (pathname === '/login' && user) navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
  }, [pathname, user, next, navigate]);

  // Public pages.
  if (pathname === '/calculator') return <CalculatorPage />;
  if (pathname === '/login') return user ? <Loading /> : <LoginPage next={next} />;

  // Pages that need a session: while it is being checked, wait; without one, sign in here.
  const page = (() => {
    if (!user) return null;
    const plot = matchPath('/plots/:id', pathname);
    const household = matchPath('/households/:id', pathname);
    const organisation = matchPath('/organisations/:id', pathname);
    const area = matchPath('/growing-areas/:id', pathname);
    if (pathname === '/') return <HomePage user={user} />;
    if (pathname === '/plots') return <PlotsPage />;
    if (pathname === '/plots/new') return <PlotNewPage />;
    if (plot?.id) return <PlotDetailPage key={plot.id} id={plot.id} />;
    if (pathname === '/households') return <HouseholdsPage />;
    if (household?.id) return <HouseholdDetailPage key={household.id} id={household.id} />;
    if (pathname === '/growing-areas') return <GrowingAreasPage />;
    if (area?.id) return <GrowingAreaDetailPage key={area.id} id={area.id} />;
    if (pathname === '/organisations') return <OrganisationsPage />;
    if (organisation?.id) return <OrganisationDetailPage key={organisation.id} id={organisation.id} />;
    if (pathname === '/admin-units') return <AdminUnitsPage />;
    if (pathname === '/import') return <ImportPage />;
    const lot = matchPath('/lots/:id', pathname);
    if (pathname === '/lots') return <LotsPage />;
    if (lot?.id) return <LotDetailPage key={lot.id} id={lot.id} />;
    if (pathname === '/label') return <LabelPage />;
    const evidence = matchPath('/mrv/submissions/:id/evidence/:seasonId', pathname);
    const submission = matchPath('/mrv/submissions/:id', pathname);
    const seasonRuns = matchPath('/mrv/seasons/:id', pathname);
    if (pathname === '/mrv') return <SubmissionsPage />;
    if (pathname === '/mrv/submissions/new') return <NewSubmissionPage />;
    if (evidence?.id && evidence.seasonId) return <EvidencePage key={`${evidence.id}/${evidence.seasonId}`} submissionId={evidence.id} seasonId={evidence.seasonId} />;
    if (submission?.id) return <SubmissionPage key={submission.id} id={submission.id} />;
    if (seasonRuns?.id) return <SeasonRunsPage key={seasonRuns.id} seasonId={seasonRuns.id} />;
    if (pathname === '/mrv/credits') return <CreditsPage />;
    if (pathname === '/mrv/recalculations') return <RecalculationsPage />;
    if (pathname === '/mrv/audit') return <AuditPage />;
    const planning = planningPage(pathname);
    if (planning) return planning;
    if (isDiaryPath(pathname)) return <DiaryRoutes pathname={pathname} />;
    return null;
  })();
  const known = titleKey !== 'notFound.title';
  if (!known) return <NotFoundPage />;
  if (state.status === 'loading') return <Loading label={t('app.loading')} />;
  if (!user) return <LoginPage inPlace />;
  return page ?? <NotFoundPage />;
}
