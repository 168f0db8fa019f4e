/**
 * The dashboard's map (MapLibre, offline style: map/offline-map.ts). Two layers of the server's
 * GeoJSON:
 * - units: a province's communes coloured by an indicator — the uploaded boundary where there is one
 *   (an illustrative one drawn dashed), else a circle where the commune's plots are;
 * - plots: a commune's plots coloured by their season's practice (AWD, drained, flooded, no diary)
 *   or by emission intensity (t CO2e/ha).
 * A click (or tap) selects a feature. The container carries its view (data-center, data-zoom) once
 * the map is idle, so browser tests can find a feature's pixel.
 */
import { useEffect, useRef, useState } from 'react';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useT } from '../i18n/index.tsx';
import { createOfflineMap, fitPositions } from '../map/offline-map.ts';
import { INTENSITY_STOPS, PRACTICE_COLOURS, SHARE_STOPS } from './map-colours.ts';

/** plotCount: a commune's plots on record, when the server sends only the first 5 000 of them. */
export type MapFeatureCollection = FeatureCollection<Geometry, Record<string, unknown>> & { plotCount?: number };

export interface DashboardMapProps {
  mode: 'units' | 'plots';
  data: MapFeatureCollection | null;
  /** plots: 'practice' or 'intensity'; units: the indicator is in each feature's `value`. */
  colourBy: 'practice' | 'intensity' | 'share' | 'intensityValue';
  label: string;
  onSelect: (id: string, properties: Record<string, unknown>) => void;
  className?: string;
}

function colourExpression(colourBy: DashboardMapProps['colourBy']): ExpressionSpecification {
  const ramp = (property: string, stops: Array<[number, string]>): ExpressionSpecification =>
    ['case', ['==', ['get', property], null], '#d6d6d6', ['interpolate', ['linear'], ['to-number', ['get', property]], ...stops.flat()]] as ExpressionSpecification;
  switch (colourBy) {
    case 'practice':
      // MapLibre's match expression is variadic; its static type cannot express a spread of pairs.
      return ['match', ['get', 'practice'], ...Object.entries(PRACTICE_COLOURS).flat(), '#8d8d8d'] as unknown as ExpressionSpecification;
    case 'intensity':
      return ramp('intensityTCo2ePerHa', INTENSITY_STOPS);
    case 'intensityValue':
      return ramp('value', INTENSITY_STOPS);
    case 'share':
      return ramp('value', SHARE_STOPS);
  }
}

function* positionsOf(collection: MapFeatureCollection): Generator<Position> {
  const walk = function* (c: unknown): Generator<Position> {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') yield c as Position;
    else for (const x of c) yield* walk(x);
  };
  for (const f of collection.features) if (f.geometry && 'coordinates' in f.geometry) yield* walk(f.geometry.coordinates);
}

const EMPTY: MapFeatureCollection = { type: 'FeatureCollection', features: [] };

export default function DashboardMap({ mode, data, colourBy, label, onSelect, className }: DashboardMapProps) {
  const t = useT();
  const container = useRef<HTMLDivElement | null>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const selectRef = useRef(onSelect);
  /** Whether this map has been given its data (until then, being idle does not mean it shows anything). */
  const appliedRef = useRef(false);
  const [failed, setFailed] = useState(false);
  selectRef.current = onSelect;

  useEffect(() => {
    if (!container.current) return;
    let map: MapLibreMap;
    try {
      map = createOfflineMap(container.current, t, {
        sources: { features: { type: 'geojson', data: EMPTY, promoteId: mode === 'plots' ? 'id' : 'code' } },
        layers: [
          { id: 'areas-fill', type: 'fill', source: 'features', filter: ['!=', ['geometry-type'], 'Point'], paint: { 'fill-color': colourExpression(colourBy), 'fill-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.95, 0.72] } },
          { id: 'areas-line', type: 'line', source: 'features', filter: ['all', ['!=', ['geometry-type'], 'Point'], ['!=', ['get', 'illustrative'], true]], paint: { 'line-color': '#1d3b24', 'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1] } },
          { id: 'areas-line-illustrative', type: 'line', source: 'features', filter: ['all', ['!=', ['geometry-type'], 'Point'], ['==', ['get', 'illustrative'], true]], paint: { 'line-color': '#1d3b24', 'line-width': 2, 'line-dasharray': [3, 2] } },
          { id: 'points', type: 'circle', source: 'features', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 14, 'circle-color': colourExpression(colourBy), 'circle-stroke-color': '#1d3b24', 'circle-stroke-width': 1.5 } },
        ],
      });
    } catch (err) {
      console.error(err);
      setFailed(true);
      return;
    }
    const el = container.current;
    // A new map (another mode or colouring) is busy until its own data is drawn: the attributes the
    // previous map left describe a view this one does not show.
    el.setAttribute('aria-busy', 'true');
    delete el.dataset.centerLon;
    delete el.dataset.centerLat;
    delete el.dataset.zoom;
    appliedRef.current = false;
    let selected: string | number | undefined;
    const pick = (e: { features?: Array<{ id?: string | number; properties: Record<string, unknown> }> }) => {
      const f = e.features?.[0];
      if (!f || f.id === undefined) return;
      if (selected !== undefined) map.setFeatureState({ source: 'features', id: selected }, { selected: false });
      selected = f.id;
      map.setFeatureState({ source: 'features', id: f.id }, { selected: true });
      selectRef.current(String(f.id), f.properties);
    };
    for (const layer of ['areas-fill', 'points']) {
      map.on('click', layer, pick);
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
    map.on('idle', () => {
      if (!appliedRef.current) return;
      const c = map.getCenter();
      el.dataset.centerLon = String(c.lng);
      el.dataset.centerLat = String(c.lat);
      el.dataset.zoom = String(map.getZoom());
      el.setAttribute('aria-busy', 'false');
    });
    mapRef.current = map;
    return () => {
      mapRef.current = null;
      map.remove();
    };
    // The map is rebuilt when what it colours by changes (paint expressions are set at creation).
  }, [mode, colourBy]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !data) return;
    const apply = () => {
      container.current?.setAttribute('aria-busy', 'true');
      appliedRef.current = true;
      map.getSource<GeoJSONSource>('features')?.setData(data);
      fitPositions(map, positionsOf(data), { maxZoom: mode === 'units' ? 13 : 17, padding: 32 });
    };
    if (map.isStyleLoaded()) apply();
    else map.once('load', apply);
  }, [data, mode, colourBy]);

  if (failed) return <div className={`map map--failed ${className ?? ''}`} role="note">{t('plots.mapUnsupported')}</div>;
  return <div ref={container} className={`map dashboard-map ${className ?? ''}`} role="region" aria-label={label} aria-busy="true" />;
}

export type { Feature };
