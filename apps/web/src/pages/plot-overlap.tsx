/**
 * A boundary the server refused because it overlaps other plots (409, `overlaps` in the problem):
 * which plots and by how much, and the way to save anyway with a reason that is recorded
 * ("Vẫn lưu (ghi nhận lý do)"), which re-sends the same body with `overlapOverride: { reason }`.
 */
import type { ApiError } from '../api/client.ts';
import type { OverlapProblem, PlotOverlap } from '../api/contracts.ts';
import { TextAreaField } from '../components/fields.tsx';
import { useFormat, useT } from '../i18n/index.tsx';
import { Link } from '../router/index.tsx';

/**
 * The refusal as the page keeps it: each overlapped plot (`id`, `code` null outside the caller's
 * scope). The problem's `detail` is the server's English sentence; the panel says it in the UI's words.
 */
export type OverlapConflict = Pick<OverlapProblem, 'overlaps'>;

/** Override reasons: the server takes 5 to 500 characters. */
export const OVERRIDE_REASON_MIN = 5;
export const OVERRIDE_REASON_MAX = 500;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The overlap refusal carried by a 409 problem, or null for any other error. */
export function overlapConflictOf(err: ApiError): OverlapConflict | null {
  if (err.status !== 409 || !Array.isArray(err.problem.overlaps)) return null;
  const overlaps = err.problem.overlaps.flatMap((o): PlotOverlap[] =>
    isRecord(o) && typeof o.overlapHa === 'number'
      ? [{ id: typeof o.id === 'string' ? o.id : null, code: typeof o.code === 'string' ? o.code : null, overlapHa: o.overlapHa }]
      : [],
  );
  return { overlaps };
}

export const conflictIdsOf = (conflict: OverlapConflict | null): string[] => conflict?.overlaps.flatMap((o) => (o.id ? [o.id] : [])) ?? [];

interface OverlapPanelProps {
  id: string;
  conflict: OverlapConflict;
  reason: string;
  onReason: (reason: string) => void;
  reasonError: string | null;
  busy: boolean;
  onOverride: () => void;
}

export function OverlapPanel({ id, conflict, reason, onReason, reasonError, busy, onOverride }: OverlapPanelProps) {
  const t = useT();
  const fmt = useFormat();
  return (
    <section className="alert alert--warning overlap" role="alert" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="overlap__title">
        {t('overlap.title')}
      </h2>
      <ul className="overlap__list">
        {conflict.overlaps.map((o, i) => (
          <li key={o.id ?? `hidden-${i}`}>
            {o.id && o.code ? (
              <>
                {t('overlap.withPlot')}{' '}
                <Link to={`/plots/${encodeURIComponent(o.id)}`} target="_blank" rel="noopener">
                  <strong>{o.code}</strong>
                </Link>
              </>
            ) : (
              t('overlap.withHidden')
            )}
            {': '}
            <strong>{t('draw.ha', { value: fmt.number(o.overlapHa, { max: 4 }) })}</strong>
          </li>
        ))}
      </ul>
      <p>{t('overlap.explain')}</p>
      <TextAreaField
        id={`${id}-reason`}
        label={t('overlap.reason')}
        hint={t('overlap.reasonHint', { min: OVERRIDE_REASON_MIN, max: OVERRIDE_REASON_MAX })}
        value={reason}
        onValueChange={onReason}
        error={reasonError}
        maxLength={OVERRIDE_REASON_MAX}
        required
      />
      <button type="button" className="button button--warning" onClick={onOverride} disabled={busy}>
        {t('overlap.saveAnyway')}
      </button>
    </section>
  );
}

/** Checks the override reason before sending; the server checks it again. */
export function overrideReasonError(reason: string, t: (key: 'overlap.reasonMissing' | 'overlap.reasonShort') => string): string | null {
  const trimmed = reason.trim();
  if (trimmed === '') return t('overlap.reasonMissing');
  if (trimmed.length < OVERRIDE_REASON_MIN) return t('overlap.reasonShort');
  return null;
}
