/**
 * What a boundary overlapping other plots means for the caller: overlaps are checked against every
 * plot (a boundary may not silently cover another organisation's field), but only plots the caller
 * may see are named; the others are "a plot of another organisation".
 */
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

/** The 409 detail and extension member for a boundary that overlaps other plots. */
export function overlapConflict(overlaps: readonly BoundaryOverlap[]) {
  const parts = overlaps.map((o) => `${o.visible ? `plot ${o.code}` : 'a plot of another organisation'} by ${formatHectares(o.overlapHa)}`);
  const listed = parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return {
    detail: `The boundary overlaps ${listed}. Redraw it, or save it with overlapOverride.reason to record why the overlap is accepted.`,
    overlaps: overlaps.map((o) => ({ id: o.visible ? o.id : null, code: o.visible ? o.code : null, overlapHa: round(o.overlapHa, 6) })),
  };
}

