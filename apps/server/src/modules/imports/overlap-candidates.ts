/**
 * Which plots might overlap, found from their bounding boxes in memory, so that PostGIS only runs its
 * exact test (ST_Relate, then ST_Area of ST_Intersection on the spheroid) on those few pairs.
 *
 * Why not a GiST self-join in SQL: it costs one index probe per row, measured at about 10 µs each on
 * PostgreSQL 15 + PostGIS 3.3 (1 s per 100 000 plots, most of the check's time), while a uniform grid
 * of boxes in memory finds the same candidates in tens of milliseconds.
 *
 * The filter is conservative: a pair is dropped only when the intersection of the two boxes is smaller
 * than 0.5 m² (estimated with the shortest degree lengths of the WGS 84 ellipsoid, so never over-
 * estimated), and two polygons can never share more area than their boxes do — so every overlap of
 * more than 1 m² remains a candidate. Touching neighbours (a shared bund) have boxes that only touch
 * and are not candidates.
 */
import type { Polygons } from './geometry.ts';

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function boxOf(polygons: Polygons): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const rings of polygons) {
    // The outer ring bounds the polygon; holes lie inside it.
    for (const [x, y] of rings[0] ?? []) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return { minX, minY, maxX, maxY };
}

/** Metres per degree: of latitude at the equator (the shortest), of longitude at the equator. */
const M_PER_DEG_LAT_MIN = 110_574;
const M_PER_DEG_LON_EQUATOR = 111_320;
/** Candidates must share more than this many m² of box; the refusal threshold is 1 m². */
const MIN_SHARED_BOX_M2 = 0.5;

function sharedBoxArea(a: Box, b: Box): number {
  const w = Math.min(a.maxX, b.maxX) - Math.max(a.minX, b.minX);
  const h = Math.min(a.maxY, b.maxY) - Math.max(a.minY, b.minY);
  if (w <= 0 || h <= 0) return 0;
  const farthestFromEquator = Math.max(Math.abs(a.minY), Math.abs(a.maxY));
  return w * M_PER_DEG_LON_EQUATOR * Math.cos((farthestFromEquator * Math.PI) / 180) * h * M_PER_DEG_LAT_MIN;
}

/** ~220 m at the equator: a paddy plot spans one to four cells. */
const CELL_DEG = 0.002;
/** Boxes spanning more cells than this (a plot of several km²) are kept aside and compared with all. */
const MAX_CELLS = 4096;

/** A uniform grid of the staged plots' boxes, keyed by row number. */
export class BoxIndex {
  private readonly boxes = new Map<number, Box>();
  private readonly cells = new Map<number, number[]>();
  private readonly oversized: number[] = [];

  private cellRange(box: Box) {
    const x0 = Math.floor(box.minX / CELL_DEG);
    const x1 = Math.floor(box.maxX / CELL_DEG);
    const y0 = Math.floor(box.minY / CELL_DEG);
    const y1 = Math.floor(box.maxY / CELL_DEG);
    return { x0, x1, y0, y1, count: (x1 - x0 + 1) * (y1 - y0 + 1) };
  }

  /** Rows already indexed whose box shares enough area with `box` to hide an overlap. */
  candidatesFor(box: Box): number[] {
    const found: number[] = [];
    const range = this.cellRange(box);
    if (range.count > MAX_CELLS) {
      for (const [row, other] of this.boxes) if (sharedBoxArea(box, other) > MIN_SHARED_BOX_M2) found.push(row);
      return found;
    }
    const manyCells = range.count > 1;
    for (let x = range.x0; x <= range.x1; x++) {
      for (let y = range.y0; y <= range.y1; y++) {
        const rows = this.cells.get(x * 1_000_000 + y);
        if (!rows) continue;
        for (const row of rows) {
          // A box in several cells is met once per cell: count it once.
          if (sharedBoxArea(box, this.boxes.get(row)!) > MIN_SHARED_BOX_M2 && !(manyCells && found.includes(row))) found.push(row);
        }
      }
    }
    for (const row of this.oversized) {
      if (sharedBoxArea(box, this.boxes.get(row)!) > MIN_SHARED_BOX_M2 && !found.includes(row)) found.push(row);
    }
    return found;
  }

  add(row: number, box: Box) {
    this.boxes.set(row, box);
    const range = this.cellRange(box);
    if (range.count > MAX_CELLS) {
      this.oversized.push(row);
      return;
    }
    for (let x = range.x0; x <= range.x1; x++) {
      for (let y = range.y0; y <= range.y1; y++) {
        const key = x * 1_000_000 + y;
        const list = this.cells.get(key);
        if (list) list.push(row);
        else this.cells.set(key, [row]);
      }
    }
  }

  get size() {
    return this.boxes.size;
  }

  /**
   * Envelopes (about 5.5 km square) covering every indexed box: where to look for existing plots
   * without reading a whole province when a file's rows are spread out.
   */
  tiles(tileDeg = 0.05): Box[] {
    const keys = new Set<string>();
    for (const box of this.boxes.values()) {
      for (let x = Math.floor(box.minX / tileDeg); x <= Math.floor(box.maxX / tileDeg); x++) {
        for (let y = Math.floor(box.minY / tileDeg); y <= Math.floor(box.maxY / tileDeg); y++) keys.add(`${x}:${y}`);
      }
    }
    return [...keys].map((key) => {
      const [x, y] = key.split(':').map(Number) as [number, number];
      return { minX: x * tileDeg, minY: y * tileDeg, maxX: (x + 1) * tileDeg, maxY: (y + 1) * tileDeg };
    });
  }
}
