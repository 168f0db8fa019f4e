/** The heading of a page: its title, an optional line under it and actions beside it. */
import type { ReactNode } from 'react';
import { useT } from '../i18n/index.tsx';
import { Link } from '../router/index.tsx';
import type { BackLink } from './record-page.tsx';

export function PageHeader({ title, lead, actions }: { title: ReactNode; lead?: ReactNode; actions?: ReactNode }) {
  return (
    <header className={actions === undefined ? 'page-header' : 'page-header page-header--actions'}>
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {actions === undefined ? null : <div className="page-actions">{actions}</div>}
    </header>
  );
}

/** A record's page header: "← back to the list" above its title. */
export function RecordHeader({ back, title, lead }: { back: BackLink; title: ReactNode; lead?: ReactNode }) {
  const t = useT();
  return (
    <>
      <p className="breadcrumb">
        <Link to={back.to}>← {t(back.label)}</Link>
      </p>
      <PageHeader title={title} lead={lead} />
    </>
  );
}
