/**
 * Plot boundaries as they arrive in import files (GeoJSON geometry objects or text, WKT) turned into
 * one shape, a list of polygons, and written as hex EWKB for PostgreSQL. Nothing here decides whether a
 * polygon is valid: PostGIS does (ST_IsValid) when the rows are checked; this file only refuses what
 * cannot be read as polygons at all.
 */

export type Position = [number, number];
export type Ring = Position[];
export type PolygonRings = Ring[];
/** Always a multipolygon: plots.boundary is geometry(MultiPolygon, 4326). */
export type Polygons = PolygonRings[];

export type GeometryReading = { ok: true; polygons: Polygons } | { ok: false; message: string };

const fail = (message: string): GeometryReading => ({ ok: false, message });

function readPosition(value: unknown): Position | null {
  if (!Array.isArray(value) || value.length < 2) return null;
  const x = value[0];
  const y = value[1];
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}

/**
 * A ring as read: at least three distinct corners; closed if the file left it open (KML and hand-made
 * CSV often do, and closing it changes no shape).
 */
function closeRing(ring: Ring): Ring | string {
  if (ring.length > 1) {
    const first = ring[0]!;
    const last = ring[ring.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
  }
  return ring.length < 4 ? `a ring needs at least 3 corners (got ${Math.max(0, ring.length - 1)})` : ring;
}

function readRings(value: unknown): PolygonRings | string {
  if (!Array.isArray(value) || value.length === 0) return 'a polygon needs at least one ring of positions';
  const rings: PolygonRings = [];
  for (const rawRing of value) {
    if (!Array.isArray(rawRing)) return 'a ring must be an array of [longitude, latitude] positions';
    const ring: Ring = [];
    for (const rawPosition of rawRing) {
      const p = readPosition(rawPosition);
      if (!p) return 'every position must be [longitude, latitude] with numbers';
      ring.push(p);
    }
    const closed = closeRing(ring);
    if (typeof closed === 'string') return closed;
    rings.push(closed);
  }
  return rings;
}

/** A GeoJSON Polygon or MultiPolygon geometry object (a Feature is unwrapped). */
export function readGeoJsonGeometry(value: unknown): GeometryReading {
  if (typeof value !== 'object' || value === null) return fail('the geometry is missing');
  const g = value as { type?: unknown; coordinates?: unknown; geometry?: unknown };
  if (g.type === 'Feature') return readGeoJsonGeometry(g.geometry);
  if (g.type === 'Polygon') {
    const rings = readRings(g.coordinates);
    return typeof rings === 'string' ? fail(rings) : { ok: true, polygons: [rings] };
  }
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return fail('a MultiPolygon needs at least one polygon');
    const polygons: Polygons = [];
    for (const p of g.coordinates) {
      const rings = readRings(p);
      if (typeof rings === 'string') return fail(rings);
      polygons.push(rings);
    }
    return { ok: true, polygons };
  }
  return fail(`the geometry must be a Polygon or MultiPolygon (got ${typeof g.type === 'string' ? g.type : 'no type'})`);
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** "x y [z [m]]" between `from` and `to` → [x, y], or null. Hand-scanned: this runs per position. */
function readWktPosition(text: string, from: number, to: number): Position | null {
  let a = from;
  while (a < to && isSpace(text.charCodeAt(a))) a++;
  let b = a;
  while (b < to && !isSpace(text.charCodeAt(b))) b++;
  let c = b;
  while (c < to && isSpace(text.charCodeAt(c))) c++;
  let d = c;
  while (d < to && !isSpace(text.charCodeAt(d))) d++;
  if (a === b || c === d) return null;
  const x = Number(text.slice(a, b));
  const y = Number(text.slice(c, d));
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}

/** WKT body "((x y, x y, …), (…))" → its innermost parenthesised lists as rings; Z/M values dropped. */
function readWktRings(body: string): PolygonRings | string {
  const rings: PolygonRings = [];
  let from = 0;
  for (;;) {
    const close = body.indexOf(')', from);
    if (close === -1) break;
    const open = body.lastIndexOf('(', close);
    if (open < from) {
      from = close + 1; // the end of an enclosing group
      continue;
    }
    const ring: Ring = [];
    for (let p = open + 1; p < close; ) {
      let comma = body.indexOf(',', p);
      if (comma === -1 || comma > close) comma = close;
      const position = readWktPosition(body, p, comma);
      if (!position) return `cannot read the position '${body.slice(p, comma).trim()}'`;
      ring.push(position);
      p = comma + 1;
    }
    const closed = closeRing(ring);
    if (typeof closed === 'string') return closed;
    rings.push(closed);
    from = close + 1;
  }
  return rings.length ? rings : 'a polygon needs at least one ring';
}

/** WKT POLYGON((…)) or MULTIPOLYGON(((…)),((…))), optionally with an EWKT "SRID=4326;" prefix. */
export function readWkt(text: string): GeometryReading {
  const m = /^\s*(?:SRID=(\d+);)?\s*(MULTIPOLYGON|POLYGON)\s*(?:ZM|Z|M)?\s*(\(.*\))\s*$/is.exec(text);
  if (!m) return fail('the geometry must be GeoJSON or WKT POLYGON((lon lat, …)) / MULTIPOLYGON(((…)))');
  if (m[1] && m[1] !== '4326') return fail(`SRID=${m[1]} is not supported in the text; use longitude/latitude (4326) or crs=vn2000`);
  const body = m[3]!;
  if (m[2]!.toUpperCase() === 'POLYGON') {
    const rings = readWktRings(body);
    return typeof rings === 'string' ? fail(rings) : { ok: true, polygons: [rings] };
  }
  // MULTIPOLYGON(((…),(…)),((…))): split on the parentheses that close one polygon.
  const inner = body.trim().slice(1, -1);
  const polygons: Polygons = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '(') {
      if (depth === 0) from = i;
      depth++;
    } else if (ch === ')') {
      depth--;
      if (depth === 0) {
        const rings = readWktRings(inner.slice(from + 1, i));
        if (typeof rings === 'string') return fail(rings);
        polygons.push(rings);
      }
    }
  }
  if (depth !== 0) return fail('unbalanced parentheses in the WKT');
  return polygons.length ? { ok: true, polygons } : fail('a MULTIPOLYGON needs at least one polygon');
}

/** A spreadsheet cell: GeoJSON geometry text or WKT. */
export function readGeometryText(text: string): GeometryReading {
  const trimmed = text.trim();
  if (trimmed === '') return fail('the geometry is empty');
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return fail('the geometry looks like GeoJSON but is not valid JSON');
    }
    return readGeoJsonGeometry(parsed);
  }
  return readWkt(trimmed);
}

export function mapPositions(polygons: Polygons, convert: (p: Position) => Position): Polygons {
  return polygons.map((rings) => rings.map((ring) => ring.map(convert)));
}

/**
 * Mainland Vietnam, its islands and the Spratly and Paracel archipelagos lie within about 102.1–117.9°E
 * and 6.5–23.4°N; a little margin is allowed. A position outside is almost always VN-2000 metres sent as
 * WGS 84, or latitude and longitude swapped.
 */
const VIETNAM = { minLon: 101.5, maxLon: 118.5, minLat: 6, maxLat: 24 };

export function outsideVietnam(polygons: Polygons): Position | null {
  for (const rings of polygons) {
    for (const ring of rings) {
      for (const p of ring) {
        if (p[0] < VIETNAM.minLon || p[0] > VIETNAM.maxLon || p[1] < VIETNAM.minLat || p[1] > VIETNAM.maxLat) return p;
      }
    }
  }
  return null;
}

const EWKB_MULTIPOLYGON_WITH_SRID = 6 | 0x20000000;
const WKB_POLYGON = 3;

/**
 * Hex EWKB (little-endian, SRID 4326) of a MultiPolygon: the form PostGIS reads fastest from COPY text
 * and from a text parameter cast to geometry.
 */
export function toHexEwkb(polygons: Polygons): string {
  let size = 1 + 4 + 4 + 4;
  for (const rings of polygons) {
    size += 1 + 4 + 4;
    for (const ring of rings) size += 4 + ring.length * 16;
  }
  const buffer = Buffer.allocUnsafe(size);
  let o = 0;
  buffer.writeUInt8(1, o);
  buffer.writeUInt32LE(EWKB_MULTIPOLYGON_WITH_SRID, o + 1);
  buffer.writeUInt32LE(4326, o + 5);
  buffer.writeUInt32LE(polygons.length, o + 9);
  o += 13;
  for (const rings of polygons) {
    buffer.writeUInt8(1, o);
    buffer.writeUInt32LE(WKB_POLYGON, o + 1);
    buffer.writeUInt32LE(rings.length, o + 5);
    o += 9;
    for (const ring of rings) {
      buffer.writeUInt32LE(ring.length, o);
      o += 4;
      for (const p of ring) {
        buffer.writeDoubleLE(p[0], o);
        buffer.writeDoubleLE(p[1], o + 8);
        o += 16;
      }
    }
  }
  return buffer.toString('hex');
}
