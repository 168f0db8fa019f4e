/**
 * The boundary a person is drawing, as plain data with pure steps (add, move, finish, undo), so the
 * map component only translates clicks and drags into these steps and the rules are unit-tested.
 * Coordinates are [longitude, latitude] in WGS 84, as GeoJSON (RFC 7946) has them.
 */
import { ringAreaM2 } from './geodesic-area.ts';

export type Vertex = [number, number];

export interface PolygonDraft {
  vertices: Vertex[];
  /** Finished: the ring is closed and vertices can only be dragged. */
  closed: boolean;
}

/** The draft with every earlier state, so "undo" can step back through adds, drags and finishing. */
export interface DraftHistory {
  past: PolygonDraft[];
  present: PolygonDraft;
}

export const MIN_VERTICES = 3;
/** Enough steps to undo a whole plot drawn vertex by vertex, without growing forever. */
const MAX_UNDO = 200;

export const emptyDraft = (): PolygonDraft => ({ vertices: [], closed: false });
export const startHistory = (present: PolygonDraft = emptyDraft()): DraftHistory => ({ past: [], present });

function push(history: DraftHistory, next: PolygonDraft): DraftHistory {
  if (next === history.present) return history;
  return { past: [...history.past, history.present].slice(-MAX_UNDO), present: next };
}

export function addVertex(draft: PolygonDraft, v: Vertex): PolygonDraft {
  if (draft.closed) return draft;
  const last = draft.vertices.at(-1);
  // A double tap lands twice on the same spot: one vertex, not a zero-length edge.
  if (last && last[0] === v[0] && last[1] === v[1]) return draft;
  return { ...draft, vertices: [...draft.vertices, v] };
}

export function moveVertex(draft: PolygonDraft, index: number, v: Vertex): PolygonDraft {
  if (index < 0 || index >= draft.vertices.length) return draft;
  return { ...draft, vertices: draft.vertices.map((old, i) => (i === index ? v : old)) };
}

export const canFinish = (draft: PolygonDraft) => !draft.closed && draft.vertices.length >= MIN_VERTICES;

export function finish(draft: PolygonDraft): PolygonDraft {
  return canFinish(draft) ? { ...draft, closed: true } : draft;
}

export const historyAdd = (h: DraftHistory, v: Vertex) => push(h, addVertex(h.present, v));
export const historyFinish = (h: DraftHistory) => push(h, finish(h.present));
export const historyClear = (h: DraftHistory) => (h.present.vertices.length === 0 ? h : push(h, emptyDraft()));
/** A drag: one history step for the whole gesture (`from` is the draft before the drag began). */
export const historyMove = (h: DraftHistory, from: PolygonDraft, index: number, v: Vertex): DraftHistory => ({
  past: h.present === from ? h.past : [...h.past, from].slice(-MAX_UNDO),
  present: moveVertex(from, index, v),
});
export function historyUndo(h: DraftHistory): DraftHistory {
  const previous = h.past.at(-1);
  return previous ? { past: h.past.slice(0, -1), present: previous } : h;
}
export const canUndo = (h: DraftHistory) => h.past.length > 0;

/** Signed area of a ring in the lon/lat plane: positive when counter-clockwise. */
function signedPlanarArea(ring: readonly Vertex[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
}

/** The GeoJSON Polygon for the draft (exterior ring counter-clockwise and closed, RFC 7946 §3.1.6), or null under 3 vertices. */
export function toPolygon(draft: PolygonDraft): { type: 'Polygon'; coordinates: Vertex[][] } | null {
  if (draft.vertices.length < MIN_VERTICES) return null;
  const ring = signedPlanarArea(draft.vertices) < 0 ? [...draft.vertices].reverse() : [...draft.vertices];
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

/**
 * The draft for an existing boundary, to edit it. Only one ring can be edited: for a MultiPolygon the
 * largest part is taken, and holes are dropped; `simplified` says so, and the page tells the person.
 */
export function draftFromGeometry(geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] }): { draft: PolygonDraft; simplified: boolean } {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: number[][][] | undefined;
  let bestArea = -1;
  for (const p of polygons) {
    const area = p[0] ? ringAreaM2(p[0]) : 0;
    if (area > bestArea) {
      best = p;
      bestArea = area;
    }
  }
  const outer = best?.[0] ?? [];
  const vertices: Vertex[] = outer.map((p) => [p[0] ?? 0, p[1] ?? 0]);
  const first = vertices[0];
  const last = vertices.at(-1);
  if (vertices.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) vertices.pop();
  return {
    draft: { vertices, closed: vertices.length >= MIN_VERTICES },
    simplified: polygons.length > 1 || (best?.length ?? 0) > 1,
  };
}

function orientation(a: Vertex, b: Vertex, c: Vertex): number {
  const v = (b[1] - a[1]) * (c[0] - b[0]) - (b[0] - a[0]) * (c[1] - b[1]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: Vertex, b: Vertex, p: Vertex): boolean {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

function segmentsCross(p1: Vertex, p2: Vertex, q1: Vertex, q2: Vertex): boolean {
  const o1 = orientation(p1, p2, q1);
  const o2 = orientation(p1, p2, q2);
  const o3 = orientation(q1, q2, p1);
  const o4 = orientation(q1, q2, p2);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(p1, p2, q1)) || (o2 === 0 && onSegment(p1, p2, q2)) || (o3 === 0 && onSegment(q1, q2, p1)) || (o4 === 0 && onSegment(q1, q2, p2));
}

/**
 * Do two edges of the closed ring cross (a "bow tie")? The server refuses such a polygon (PostGIS
 * ST_IsValid); saying so while drawing saves a round trip. Neighbouring edges share a vertex and
 * are not compared. O(n²), fine for hand-drawn rings.
 */
export function selfIntersects(vertices: readonly Vertex[]): boolean {
  const n = vertices.length;
  if (n < 4) return false;
  for (let i = 0; i < n; i++) {
    const a1 = vertices[i]!;
    const a2 = vertices[(i + 1) % n]!;
    for (let j = i + 1; j < n; j++) {
      if (j === i + 1 || (i === 0 && j === n - 1)) continue; // adjacent edges
      if (segmentsCross(a1, a2, vertices[j]!, vertices[(j + 1) % n]!)) return true;
    }
  }
  return false;
}
