/**
 * What a boundary overlapping other plots means for the caller: overlaps are checked against every
 * plot (a boundary may not silently cover another organisation's field), but only plots the caller
 * may see are named; the others are "a plot of another organisation".
 */
import { message, renderMessage } from '../../shared/messages.ts';
import { formatHectares, ONE_SQUARE_METRE_HA, round } from './hectares.ts';

/** 1 m² in hectares: overlaps at or below it are drawing noise along a shared edge, not overlaps. */
export const OVERLAP_TOLERANCE_HA = ONE_SQUARE_METRE_HA;

export interface BoundaryOverlap {
  id: string;
  code: string;
  /** Whether the caller may see the other plot (else its id and code are withheld). */
  visible: boolean;
  overlapHa: number;
}

/**
 * The 409 detail (English, and as a message key for the user's language) and extension member for a
 * boundary that overlaps other plots. Hectares keep the Vietnamese way of writing in both languages.
 */
export function overlapConflict(overlaps: readonly BoundaryOverlap[]) {
  const parts = overlaps.map((o) =>
    o.visible ? message('registry.overlapVisible', { code: o.code, area: formatHectares(o.overlapHa) }) : message('registry.overlapHidden', { area: formatHectares(o.overlapHa) }),
  );
  const localised = message('registry.overlaps', { overlaps: { list: parts } });
  return {
    detail: renderMessage('en', localised),
    localised,
    overlaps: overlaps.map((o) => ({ id: o.visible ? o.id : null, code: o.visible ? o.code : null, overlapHa: round(o.overlapHa, 6) })),
  };
}

