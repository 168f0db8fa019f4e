import { useT, type MessageKey } from '../i18n/index.tsx';
import { Link } from '../router/index.tsx';

export function NotFoundPage({ title = 'notFound.title', body = 'notFound.body', back }: { title?: MessageKey; body?: MessageKey; back?: { to: string; label: MessageKey } }) {
  const t = useT();
  return (
    <div className="not-found">
      <h1>{t(title)}</h1>
      <p>{t(body)}</p>
      <p>
        <Link to={back?.to ?? '/'}>{t(back?.label ?? 'notFound.home')}</Link>
      </p>
    </div>
  );
}
