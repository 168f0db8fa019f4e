/**
 * Boundary files: GeoJSON, KML and zipped Shapefiles. Attributes map to the plot template's columns
 * (code, name, commune_code, land_use, household_phone, household_id); the geometry stays as read, in
 * whatever coordinate system the file uses, and the file's own statement about that system is kept
 * for the pipeline to decide on (vn2000.ts).
 */
import { DOMParser, onErrorStopParsing, type Element } from '@xmldom/xmldom';
import getShapefile from 'shpjs';
import { crsFromGeoJsonMember, crsFromPrj } from './vn2000.ts';
import { FileRefused, inBatches, PLOT_COLUMNS, valuesFrom, type ImportSource, type SourceRecord } from './source.ts';
import { readZip, ZipError } from './zip.ts';

function utf8(file: Buffer) {
  return file.toString('utf8').replace(/^\uFEFF/, '');
}

/** RFC 7946 GeoJSON: a FeatureCollection (or one Feature) of Polygon / MultiPolygon features. */
export function geoJsonSource(file: Buffer): ImportSource {
  let doc: unknown;
  try {
    doc = JSON.parse(utf8(file));
  } catch (err) {
    throw new FileRefused(`The file is not valid JSON: ${(err as Error).message}`);
  }
  const d = doc as { type?: unknown; features?: unknown; crs?: unknown };
  const features = d?.type === 'FeatureCollection' && Array.isArray(d.features) ? (d.features as unknown[]) : d?.type === 'Feature' ? [doc] : null;
  if (!features) throw new FileRefused('Expected a GeoJSON FeatureCollection (or a Feature)');
  const records = features.map((f, i): SourceRecord => {
    const feature = (typeof f === 'object' && f !== null ? f : {}) as { properties?: Record<string, unknown> | null; geometry?: unknown };
    return { row: i + 1, values: valuesFrom(feature.properties, PLOT_COLUMNS), geometry: feature.geometry ?? undefined };
  });
  return {
    totalRows: records.length,
    declaredCrs: crsFromGeoJsonMember(d.crs),
    async *batches(size) {
      yield* inBatches(records, size);
    },
  };
}

const childElements = (parent: Element, localName: string): Element[] =>
  Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === localName);
const descendants = (parent: Element, localName: string): Element[] => Array.from(parent.getElementsByTagNameNS('*', localName));
const textOf = (el: Element | undefined) => el?.textContent?.trim() ?? '';

/** KML <coordinates>: "lon,lat[,alt]" tuples separated by white space (KML 2.2, OGC 07-147r2 §16.9). */
function kmlRing(coordinates: Element | undefined): number[][] {
  return textOf(coordinates)
    .split(/\s+/)
    .filter(Boolean)
    .map((tuple) => tuple.split(',').map(Number));
}

function kmlPolygon(polygon: Element): number[][][] {
  const ring = (boundary: Element) => kmlRing(descendants(boundary, 'coordinates')[0]);
  return [...childElements(polygon, 'outerBoundaryIs').map(ring), ...childElements(polygon, 'innerBoundaryIs').map(ring)];
}

/**
 * KML (always WGS 84 longitude/latitude, KML 2.2 §6.2): each Placemark is a row; its Polygon(s),
 * directly or inside MultiGeometry, are the boundary; <name> and ExtendedData <Data name="…"> /
 * <SimpleData name="…"> give the columns. Without a `code`, the placemark's name is the code.
 */
export function kmlSource(file: Buffer): ImportSource {
  let placemarks: Element[];
  try {
    const doc = new DOMParser({ onError: onErrorStopParsing }).parseFromString(utf8(file), 'text/xml');
    placemarks = doc.documentElement ? descendants(doc.documentElement, 'Placemark') : [];
  } catch (err) {
    throw new FileRefused(`The file is not valid KML/XML: ${(err as Error).message}`);
  }
  if (placemarks.length === 0) throw new FileRefused('The KML file has no Placemark');
  const records = placemarks.map((placemark, i): SourceRecord => {
    const properties: Record<string, unknown> = {};
    for (const data of descendants(placemark, 'Data')) properties[data.getAttribute('name') ?? ''] = textOf(descendants(data, 'value')[0]);
    for (const data of descendants(placemark, 'SimpleData')) properties[data.getAttribute('name') ?? ''] = textOf(data);
    const values = valuesFrom(properties, PLOT_COLUMNS);
    const name = textOf(childElements(placemark, 'name')[0]);
    if (name) {
      values.name ||= name;
      values.code ||= name;
    }
    const polygons = descendants(placemark, 'Polygon').map(kmlPolygon);
    return { row: i + 1, values, geometry: polygons.length ? { type: 'MultiPolygon', coordinates: polygons } : undefined };
  });
  return {
    totalRows: records.length,
    declaredCrs: { kind: 'wgs84' },
    async *batches(size) {
      yield* inBatches(records, size);
    },
  };
}

/**
 * A zipped Shapefile: one .shp with its .dbf (attributes), ideally .prj (coordinate system) and .cpg
 * (text encoding; UTF-8 when absent). shpjs reads the shapes and attributes; we do NOT hand it the
 * .prj, because it would reproject with a VN-2000 definition that lacks the datum shift.
 */
export async function shapefileSource(file: Buffer): Promise<ImportSource> {
  let entries;
  try {
    entries = readZip(file).filter((e) => !e.name.startsWith('__MACOSX/') && !e.name.endsWith('/'));
  } catch (err) {
    if (err instanceof ZipError) throw new FileRefused(`A Shapefile is sent as a .zip of its .shp, .shx, .dbf and .prj files (${err.message})`);
    throw err;
  }
  const layers = entries.filter((e) => /\.shp$/i.test(e.name));
  if (layers.length === 0) throw new FileRefused('The ZIP holds no .shp file');
  if (layers.length > 1) throw new FileRefused(`The ZIP holds ${layers.length} shapefiles (${layers.map((l) => l.name).join(', ')}); send one layer per file`);
  const base = layers[0]!.name.slice(0, -4).toLowerCase();
  const part = (ext: string) => entries.find((e) => e.name.toLowerCase() === `${base}.${ext}`);
  const dbf = part('dbf');
  if (!dbf) throw new FileRefused(`The ZIP has no ${base}.dbf: the plots' attributes (code, name, …) are in it`);
  const prj = part('prj')?.read().toString('utf8');
  const cpg = part('cpg')?.read().toString('utf8').trim();
  let collection;
  try {
    collection = await getShapefile({ shp: layers[0]!.read(), dbf: dbf.read(), ...(cpg ? { cpg } : {}) });
  } catch (err) {
    throw new FileRefused(`The Shapefile could not be read: ${(err as Error).message}`);
  }
  const records = collection.features.map((f, i): SourceRecord => ({
    row: i + 1,
    values: valuesFrom(f.properties, PLOT_COLUMNS),
    geometry: f.geometry ?? undefined,
  }));
  return {
    totalRows: records.length,
    declaredCrs: prj ? crsFromPrj(prj) : null,
    async *batches(size) {
      yield* inBatches(records, size);
    },
  };
}
