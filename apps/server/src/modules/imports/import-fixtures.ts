/**
 * Import files built in code, for tests and the benchmark: CSV, XLSX (written with exceljs), GeoJSON,
 * KML and a zipped Shapefile written byte by byte (ESRI Shapefile Technical Description, July 1998:
 * .shp and .shx headers and polygon records; dBASE III .dbf; .prj and .cpg as text).
 */
import ExcelJS from 'exceljs';
import { csvCell } from './csv.ts';
import type { Position, Ring } from './geometry.ts';
import { writeZip } from './zip.ts';

export interface FixturePlot {
  code: string;
  name?: string;
  commune_code?: string;
  land_use?: string;
  household_phone?: string;
  household_id?: string;
  /** Rings of one polygon (first = outer), [x, y] in the file's coordinate system. */
  rings: Ring[];
}

/** A rectangle of `widthM` × `heightM` metres whose south-west corner is at lon/lat, as a closed ring. */
export function rectangleRing(lon: number, lat: number, widthM: number, heightM = widthM): Ring {
  const dLat = heightM / 110_574;
  const dLon = widthM / (111_320 * Math.cos((lat * Math.PI) / 180));
  return [[lon, lat], [lon + dLon, lat], [lon + dLon, lat + dLat], [lon, lat + dLat], [lon, lat]];
}

const wktRing = (ring: Ring) => `(${ring.map(([x, y]) => `${x} ${y}`).join(', ')})`;
export const polygonWkt = (rings: Ring[]) => `POLYGON(${rings.map(wktRing).join(', ')})`;
export const polygonGeoJson = (rings: Ring[]) => ({ type: 'Polygon' as const, coordinates: rings });

const PLOT_HEADER = ['code', 'name', 'commune_code', 'land_use', 'household_phone', 'household_id', 'geometry'] as const;

function plotCells(p: FixturePlot, geometry: 'wkt' | 'geojson'): string[] {
  return [p.code, p.name ?? '', p.commune_code ?? '', p.land_use ?? '', p.household_phone ?? '', p.household_id ?? '', geometry === 'wkt' ? polygonWkt(p.rings) : JSON.stringify(polygonGeoJson(p.rings))];
}

export function plotsCsv(plots: FixturePlot[], geometry: 'wkt' | 'geojson' = 'wkt'): Buffer {
  const lines = [PLOT_HEADER.join(','), ...plots.map((p) => plotCells(p, geometry).map(csvCell).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export function tableCsv(header: readonly string[], rows: (string | number)[][]): Buffer {
  return Buffer.from([header.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n', 'utf8');
}

/** An XLSX workbook: a guide sheet first (to prove the data sheet is found by its header), then the data. */
export async function tableXlsx(header: readonly string[], rows: (string | number)[][], opts: { guideFirst?: boolean } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  if (opts.guideFirst) workbook.addWorksheet('Hướng dẫn').addRow(['Đọc kỹ hướng dẫn trước khi nhập']);
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const plotsXlsx = (plots: FixturePlot[], opts: { guideFirst?: boolean } = {}) => tableXlsx(PLOT_HEADER, plots.map((p) => plotCells(p, 'wkt')), opts);

export function plotsGeoJson(plots: FixturePlot[], crsName?: string): Buffer {
  const features = plots.map(({ rings, ...properties }) => ({ type: 'Feature', properties, geometry: polygonGeoJson(rings) }));
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', ...(crsName ? { crs: { type: 'name', properties: { name: crsName } } } : {}), features }), 'utf8');
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** KML 2.2 with ExtendedData; `multi` wraps each polygon in a MultiGeometry, as Google Earth exports do. */
export function plotsKml(plots: FixturePlot[], opts: { multi?: boolean } = {}): Buffer {
  const coordinates = (ring: Ring) => `<coordinates>${ring.map(([x, y]) => `${x},${y},0`).join(' ')}</coordinates>`;
  const placemarks = plots.map(({ rings, code, name, ...data }) => {
    const [outer, ...holes] = rings;
    const polygon = `<Polygon><outerBoundaryIs><LinearRing>${coordinates(outer!)}</LinearRing></outerBoundaryIs>${holes.map((h) => `<innerBoundaryIs><LinearRing>${coordinates(h)}</LinearRing></innerBoundaryIs>`).join('')}</Polygon>`;
    const extended = Object.entries({ code, ...data })
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => `<Data name="${k}"><value>${escapeXml(String(v))}</value></Data>`)
      .join('');
    return `<Placemark><name>${escapeXml(name ?? code)}</name><ExtendedData>${extended}</ExtendedData>${opts.multi ? `<MultiGeometry>${polygon}</MultiGeometry>` : polygon}</Placemark>`;
  });
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Thửa đất</name>${placemarks.join('')}</Document></kml>`, 'utf8');
}

// ---------------------------------------------------------------- Shapefile

/** Twice the signed area (shoelace): negative for a clockwise ring in x-east / y-north axes. */
function signedArea2(ring: Ring) {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum;
}

/** Shapefile rings: outer clockwise, holes counter-clockwise (Technical Description, "Polygon"). */
function shapefileRings(rings: Ring[]): Ring[] {
  return rings.map((ring, i) => {
    const clockwise = signedArea2(ring) < 0;
    return (i === 0) === clockwise ? ring : [...ring].reverse();
  });
}

function boundingBox(points: Position[]) {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const;
}

function shapeHeader(fileLengthBytes: number, box: readonly number[]) {
  const header = Buffer.alloc(100);
  header.writeInt32BE(9994, 0);
  header.writeInt32BE(fileLengthBytes / 2, 24);
  header.writeInt32LE(1000, 28);
  header.writeInt32LE(5, 32); // polygon
  box.forEach((v, i) => header.writeDoubleLE(v, 36 + i * 8));
  return header;
}

function dbfFile(fields: string[], records: string[][]): Buffer {
  const widths = fields.map((_, i) => Math.max(1, ...records.map((r) => Buffer.byteLength(r[i] ?? '', 'utf8'))));
  const headerLength = 32 + fields.length * 32 + 1;
  const recordLength = 1 + widths.reduce((a, b) => a + b, 0);
  const header = Buffer.alloc(headerLength);
  header.writeUInt8(0x03, 0); // dBASE III without memo
  header.writeUInt8(125, 1); // last update 2025-11-23
  header.writeUInt8(11, 2);
  header.writeUInt8(23, 3);
  header.writeUInt32LE(records.length, 4);
  header.writeUInt16LE(headerLength, 8);
  header.writeUInt16LE(recordLength, 10);
  fields.forEach((name, i) => {
    const at = 32 + i * 32;
    header.write(name.slice(0, 10), at, 'latin1');
    header.write('C', at + 11, 'latin1');
    header.writeUInt8(widths[i]!, at + 16);
  });
  header.writeUInt8(0x0d, headerLength - 1);
  const body = Buffer.alloc(records.length * recordLength + 1, 0x20);
  records.forEach((record, r) => {
    let at = r * recordLength + 1; // byte 0 of a record: ' ' = not deleted
    fields.forEach((_, i) => {
      body.write(record[i] ?? '', at, 'utf8');
      at += widths[i]!;
    });
  });
  body.writeUInt8(0x1a, body.length - 1);
  return Buffer.concat([header, body]);
}

export const WGS84_PRJ = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
export const vn2000Prj = (meridian: number) =>
  `PROJCS["VN_2000_TM_3",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${meridian}],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;

/**
 * A zipped polygon Shapefile of the plots; attribute names are cut to 10 characters as the .dbf format
 * requires ("commune_code" becomes "commune_co"), like real exports.
 */
export function plotsShapefileZip(plots: FixturePlot[], opts: { prj?: string | null; base?: string } = {}): Buffer {
  const records: Buffer[] = [];
  const index: Buffer[] = [];
  let offset = 100;
  const all: Position[] = [];
  plots.forEach((plot, i) => {
    const rings = shapefileRings(plot.rings);
    const points = rings.flat();
    all.push(...points);
    const contentLength = 4 + 32 + 4 + 4 + rings.length * 4 + points.length * 16;
    const record = Buffer.alloc(8 + contentLength);
    record.writeInt32BE(i + 1, 0);
    record.writeInt32BE(contentLength / 2, 4);
    record.writeInt32LE(5, 8);
    boundingBox(points).forEach((v, k) => record.writeDoubleLE(v, 12 + k * 8));
    record.writeInt32LE(rings.length, 44);
    record.writeInt32LE(points.length, 48);
    let start = 0;
    rings.forEach((ring, k) => {
      record.writeInt32LE(start, 52 + k * 4);
      start += ring.length;
    });
    let at = 52 + rings.length * 4;
    for (const [x, y] of points) {
      record.writeDoubleLE(x, at);
      record.writeDoubleLE(y, at + 8);
      at += 16;
    }
    const entry = Buffer.alloc(8);
    entry.writeInt32BE(offset / 2, 0);
    entry.writeInt32BE(contentLength / 2, 4);
    index.push(entry);
    records.push(record);
    offset += record.length;
  });
  const box = [...boundingBox(all), 0, 0, 0, 0];
  const shp = Buffer.concat([shapeHeader(offset, box), ...records]);
  const shx = Buffer.concat([shapeHeader(100 + plots.length * 8, box), ...index]);
  const fields = ['code', 'name', 'commune_code', 'land_use', 'hh_phone'];
  const dbf = dbfFile(fields, plots.map((p) => [p.code, p.name ?? '', p.commune_code ?? '', p.land_use ?? '', p.household_phone ?? '']));
  const base = opts.base ?? 'thua_dat';
  const prj = opts.prj === undefined ? WGS84_PRJ : opts.prj;
  return writeZip([
    { name: `${base}.shp`, data: shp },
    { name: `${base}.shx`, data: shx },
    { name: `${base}.dbf`, data: dbf },
    { name: `${base}.cpg`, data: Buffer.from('UTF-8') },
    ...(prj ? [{ name: `${base}.prj`, data: Buffer.from(prj) }] : []),
  ]);
}
