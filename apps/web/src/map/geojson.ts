/**
 * The plot layer the server sends at GET /plots.geojson: standard GeoJSON (RFC 7946) features whose
 * properties are a few of the plot summary's fields. Standard GeoJSON types, so MapLibre takes them
 * as they are.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeoJsonArea, PlotSummary } from '../api/contracts.ts';

export type { Position };
export type PlotFeatureProperties = Pick<PlotSummary, 'id' | 'code' | 'name' | 'areaHa'>;
export type PlotFeature = Feature<Polygon | MultiPolygon, PlotFeatureProperties>;
export type PlotFeatureCollection = FeatureCollection<Polygon | MultiPolygon, PlotFeatureProperties>;

export const emptyCollection = (): PlotFeatureCollection => ({ type: 'FeatureCollection', features: [] });

/** Every vertex of a Polygon or MultiPolygon. */
export function* positionsOfGeometry(g: GeoJsonArea | Polygon | MultiPolygon | null | undefined): Generator<Position> {
  if (!g) return;
  if (g.type === 'Polygon') for (const ring of g.coordinates) yield* ring;
  else for (const poly of g.coordinates) for (const ring of poly) yield* ring;
}

export function* positionsOf(collection: PlotFeatureCollection): Generator<Position> {
  for (const f of collection.features) yield* positionsOfGeometry(f.geometry);
}

/** A one-feature collection for a single plot's boundary. */
export function plotCollection(plot: PlotFeatureProperties & { boundary: GeoJsonArea }): PlotFeatureCollection {
  const { boundary, ...properties } = plot;
  return { type: 'FeatureCollection', features: [{ type: 'Feature', id: plot.id, geometry: boundary, properties: { id: properties.id, code: properties.code, name: properties.name, areaHa: properties.areaHa } }] };
}
