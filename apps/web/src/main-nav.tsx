/**
 * The main navigation: what each role works with, and nothing else. A farmer sees the diary and the
 * plots, a cooperative its registry, lots and MRV, an officer the plans, dashboards and reports. The
 * registry's less-used pages sit in one "Sổ đăng ký" menu so the bar stays on one or two lines on a
 * 1366-px office screen; on a phone the menu is a plain list under its heading.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useSession } from './auth/session.tsx';
import { useT, type MessageKey } from './i18n/index.tsx';
import { isCurrent, navFor, type NavGroupEntry, type NavLinkEntry } from './nav-entries.ts';
import { Link, useLocation } from './router/index.tsx';

export function MainNav() {
  const t = useT();
  const { pathname } = useLocation();
  const { user } = useSession();
  const entries = navFor(user?.role ?? null);
  return (
    <nav aria-label={t('nav.label')} className="nav">
      <ul>
        {entries.map((entry) =>
          'group' in entry ? (
            <NavGroup key={entry.group} entry={entry} pathname={pathname} />
          ) : (
            // On a wide screen the brand is the way home, which leaves room for the other links.
            <li key={entry.to} className={entry.to === '/' ? 'nav__home' : undefined}>
              <NavItemLink entry={entry} pathname={pathname} />
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}

function NavItemLink({ entry, pathname }: { entry: NavLinkEntry; pathname: string }) {
  const t = useT();
  return (
    <Link to={entry.to} aria-current={isCurrent(entry.to, pathname) ? 'page' : undefined}>
      {t(entry.label)}
    </Link>
  );
}

/**
 * A disclosure menu on wide screens (button + list, closed by Escape, a click elsewhere or a
 * navigation); on a phone the list is always shown under the group's name.
 */
function NavGroup({ entry, pathname }: { entry: NavGroupEntry; pathname: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const ref = useRef<HTMLLIElement | null>(null);
  const holdsCurrent = entry.items.some((n) => isCurrent(n.to, pathname));

  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        ref.current?.querySelector('button')?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <li ref={ref} className={`nav__group${open ? ' nav__group--open' : ''}${holdsCurrent ? ' nav__group--current' : ''}`}>
      <button type="button" className="nav__group-toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
        {t(entry.group)}
        <span aria-hidden="true" className="nav__caret">{open ? '▴' : '▾'}</span>
      </button>
      <span className="nav__group-label">{t(entry.group)}</span>
      <ul id={listId} className="nav__submenu">
        {entry.items.map((n) => (
          <li key={n.to}>
            <NavItemLink entry={n} pathname={pathname} />
          </li>
        ))}
      </ul>
    </li>
  );
}
