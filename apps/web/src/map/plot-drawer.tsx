/**
 * Drawing a plot boundary: the map (lazy), what to do next, the area computed live in the browser
 * (geodesic-area.ts; display only, the server's PostGIS area is the one stored), and large Undo /
 * Clear / Finish buttons that a thumb can hit on a phone.
 */
import { useMemo, useRef, type Dispatch, type SetStateAction } from 'react';
import { useFormat, useT } from '../i18n/index.tsx';
import type { PlotFeatureCollection } from './geojson.ts';
import { polygonAreaM2 } from './geodesic-area.ts';
import type { MapView } from './draw-map.tsx';
import { LazyDrawMap } from './lazy-plot-map.tsx';
import {
  canFinish,
  canUndo,
  historyAdd,
  historyClear,
  historyFinish,
  historyMove,
  historyUndo,
  MIN_VERTICES,
  selfIntersects,
  type DraftHistory,
  type PolygonDraft,
} from './polygon-draft.ts';

export interface PlotDrawerProps {
  /** Base of the DOM ids (help, area, error). */
  id: string;
  label: string;
  history: DraftHistory;
  setHistory: Dispatch<SetStateAction<DraftHistory>>;
  context: PlotFeatureCollection | null;
  conflictIds: readonly string[];
  initialView: MapView | null;
  /** An error about the boundary (from the server or the form). */
  error?: string | null | undefined;
}

/** Hectares with 2 decimals, or 4 under 0,1 ha so a small vegetable bed does not read "0,00". */
export const haDigits = (ha: number) => (ha < 0.1 ? 4 : 2);

export function PlotDrawer({ id, label, history, setHistory, context, conflictIds, initialView, error }: PlotDrawerProps) {
  const t = useT();
  const fmt = useFormat();
  const draft = history.present;
  const dragFrom = useRef<PolygonDraft | null>(null);

  const areaHa = useMemo(() => (draft.vertices.length >= MIN_VERTICES ? polygonAreaM2([draft.vertices]) / 10_000 : null), [draft.vertices]);
  const crossing = useMemo(() => selfIntersects(draft.vertices), [draft.vertices]);

  const help = draft.closed ? t('draw.helpClosed') : draft.vertices.length === 0 ? t('draw.helpStart') : canFinish(draft) ? t('draw.helpFinish') : t('draw.helpMore');

  return (
    <div className={`drawer ${error || crossing ? 'field--invalid' : ''}`}>
      <p className="drawer__help" id={`${id}-help`}>
        {help}
      </p>
      <LazyDrawMap
        label={label}
        draft={draft}
        context={context}
        conflictIds={conflictIds}
        initialView={initialView}
        onAdd={(v) => setHistory((h) => historyAdd(h, v))}
        onFinish={() => setHistory(historyFinish)}
        onDragStart={() => {
          dragFrom.current = history.present;
        }}
        onDrag={(index, v) => {
          const from = dragFrom.current;
          if (from) setHistory((h) => historyMove(h, from, index, v));
        }}
        onDragEnd={() => {
          dragFrom.current = null;
        }}
      />
      <div className="drawer__bar">
        <p className="drawer__area" id={`${id}-area`} role="status" aria-live="polite">
          {areaHa === null ? (
            <span className="muted">{t('draw.needVertices', { n: MIN_VERTICES, count: draft.vertices.length })}</span>
          ) : (
            <>
              <span className="drawer__area-label">{draft.closed ? t('draw.area') : t('draw.areaOpen')}</span>{' '}
              <strong className="drawer__area-value">{t('draw.ha', { value: fmt.number(areaHa, { fixed: haDigits(areaHa) }) })}</strong>{' '}
              <span className="muted">· {t('draw.vertices', { count: String(draft.vertices.length) })}</span>
            </>
          )}
        </p>
        <div className="drawer__tools" role="toolbar" aria-label={t('draw.tools')}>
          <button type="button" className="button button--secondary" onClick={() => setHistory(historyUndo)} disabled={!canUndo(history)}>
            <span aria-hidden="true">↶</span> {t('draw.undo')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setHistory(historyClear)} disabled={draft.vertices.length === 0}>
            <span aria-hidden="true">✕</span> {t('draw.clear')}
          </button>
          <button type="button" className="button button--primary" onClick={() => setHistory(historyFinish)} disabled={!canFinish(draft)}>
            <span aria-hidden="true">✓</span> {t('draw.finish')}
          </button>
        </div>
      </div>
      {crossing ? (
        <p className="field__error" id={`${id}-crossing`}>
          {t('draw.selfIntersects')}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <p className="muted drawer__note">{t('draw.areaNote')}</p>
    </div>
  );
}
