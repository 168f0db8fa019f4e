/**
 * The parts every registry record's page has: what to show before the record is there (not found —
 * also what a record outside the caller's scope answers —, an error, loading), its facts as a
 * definition list, and a history of status changes. Its header is in page-header.tsx.
 */
import type { ReactNode } from 'react';
import type { Resource } from '../api/use-api.ts';
import { usePersonName } from '../auth/people.ts';
import { useFormat, type MessageKey } from '../i18n/index.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { ApiErrorMessage, Loading } from './feedback.tsx';

export interface BackLink {
  to: string;
  label: MessageKey;
}

interface RecordStatesProps<T> {
  record: Resource<T> & { reload: () => void };
  notFound: { title: MessageKey; body: MessageKey };
  back: BackLink;
  /** The page, once the record is loaded (a failed reload keeps showing the record already loaded). */
  children: (record: T) => ReactNode;
}

export function RecordStates<T>({ record, notFound, back, children }: RecordStatesProps<T>) {
  if (record.status === 'error' && record.error.status === 404) return <NotFoundPage title={notFound.title} body={notFound.body} back={back} />;
  if (record.status === 'error' && !record.data) return <ApiErrorMessage error={record.error} onRetry={record.reload} />;
  if (!record.data) return <Loading />;
  return <>{children(record.data)}</>;
}

export interface Fact {
  label: string;
  value: ReactNode;
  className?: string;
}

/** A record's facts; `null` entries (facts the record does not have) are left out. */
export function Facts({ facts, compact = false }: { facts: ReadonlyArray<Fact | null>; compact?: boolean }) {
  return (
    <dl className={compact ? 'facts facts--compact' : 'facts'}>
      {facts.map((f, i) =>
        f ? (
          <div key={i} className={f.className}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}

export interface StatusChange<S extends string> {
  status: S;
  changedAt: string;
  changedBy: string | null;
  reason: string | null;
}

/** Status changes, in the order given: the status, when, by whom and why. */
export function StatusHistory<S extends string>({ changes, statusLabel }: { changes: ReadonlyArray<StatusChange<S>>; statusLabel: (status: S) => string }) {
  const fmt = useFormat();
  const personName = usePersonName();
  return (
    <ol className="history">
      {changes.map((h, i) => (
        <li key={`${h.changedAt}-${i}`}>
          <strong>{statusLabel(h.status)}</strong> · {fmt.dateTime(h.changedAt)}
          {h.changedBy ? ` · ${personName(h.changedBy)}` : ''}
          {h.reason ? <span className="history__reason"> — {h.reason}</span> : null}
        </li>
      ))}
    </ol>
  );
}
