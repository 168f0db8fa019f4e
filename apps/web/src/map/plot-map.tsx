/**
 * A MapLibre map of plot polygons that works with no internet: the style has no tiles, fonts or
 * sprites, only a background colour and the plots' own GeoJSON. Loaded lazily (its bundle is large)
 * by the pages that show a map.
 *
 * MapLibre 5 in a Vite build: use the CSP bundle and hand it the worker file's URL; without
 * setWorkerUrl() the worker never starts and the map stays blank.
 */
import { useEffect, useRef, useState } from 'react';
import maplibregl from 'maplibre-gl/dist/maplibre-gl-csp.js';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { GeoJSONSource, LngLatBoundsLike, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { PlotFeatureCollection, Position } from '../api/types.ts';
import { useT, type Translate } from '../i18n/index.tsx';

maplibregl.setWorkerUrl(workerUrl);

/** Cần Thơ, for an empty map. */
const FALLBACK_CENTER: [number, number] = [105.78, 10.03];

const COLORS = { background: '#eef2e6', fill: '#3f9b4f', outline: '#1d5e2c', selected: '#e0a100' };

function emptyCollection(): PlotFeatureCollection {
  return { type: 'FeatureCollection', features: [] };
}

/** Bounding box of every polygon ring; null when nothing has coordinates. */
export function boundsOf(data: PlotFeatureCollection): [[number, number], [number, number]] | null {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const visit = (p: Position) => {
    const [x, y] = p;
    if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  };
  for (const f of data.features) {
    const g = f.geometry;
    if (!g) continue;
    if (g.type === 'Polygon') g.coordinates.forEach((ring) => ring.forEach(visit));
    else g.coordinates.forEach((poly) => poly.forEach((ring) => ring.forEach(visit)));
  }
  if (!Number.isFinite(minX)) return null;
  return [
    [minX, minY],
    [maxX, maxY],
  ];
}

function offlineStyle(data: PlotFeatureCollection): StyleSpecification {
  return {
    version: 8,
    sources: { plots: { type: 'geojson', data, promoteId: 'id' } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': COLORS.background } },
      {
        id: 'plots-fill',
        type: 'fill',
        source: 'plots',
        paint: {
          'fill-color': ['case', ['boolean', ['feature-state', 'hover'], false], COLORS.selected, COLORS.fill],
          'fill-opacity': 0.5,
        },
      },
      { id: 'plots-outline', type: 'line', source: 'plots', paint: { 'line-color': COLORS.outline, 'line-width': 1.5 } },
    ],
  };
}

function mapLocale(t: Translate): Record<string, string> {
  return {
    'Map.Title': t('map.title'),
    'NavigationControl.ZoomIn': t('map.zoomIn'),
    'NavigationControl.ZoomOut': t('map.zoomOut'),
    'NavigationControl.ResetBearing': t('map.resetBearing'),
    'ScaleControl.Meters': t('map.scaleMeters'),
    'ScaleControl.Kilometers': t('map.scaleKilometers'),
    'CooperativeGesturesHandler.MobileHelpText': t('map.gestureMobile'),
    'CooperativeGesturesHandler.WindowsHelpText': t('map.gestureWindows'),
    'CooperativeGesturesHandler.MacHelpText': t('map.gestureMac'),
  };
}

function fit(map: MapLibreMap, data: PlotFeatureCollection) {
  const bounds = boundsOf(data);
  if (bounds) map.fitBounds(bounds as LngLatBoundsLike, { padding: 24, maxZoom: 18, animate: false });
}

export interface PlotMapProps {
  data: PlotFeatureCollection | null;
  /** Accessible name of the map region. */
  label: string;
  onSelectPlot?: (id: string) => void;
  className?: string;
}

export default function PlotMap({ data, label, onSelectPlot, className }: PlotMapProps) {
  const t = useT();
  const container = useRef<HTMLDivElement | null>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const selectRef = useRef(onSelectPlot);
  const [failed, setFailed] = useState(false);
  selectRef.current = onSelectPlot;

  // Create the map once; its language is fixed at creation (MapLibre reads `locale` only then).
  useEffect(() => {
    if (!container.current) return;
    let map: MapLibreMap;
    try {
      map = new maplibregl.Map({
        container: container.current,
        style: offlineStyle(emptyCollection()),
        center: FALLBACK_CENTER,
        zoom: 9,
        attributionControl: false,
        cooperativeGestures: true,
        dragRotate: false,
        pitchWithRotate: false,
        locale: mapLocale(t),
      });
    } catch (err) {
      console.error(err);
      setFailed(true);
      return;
    }
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');

    let hovered: string | number | undefined;
    const setHover = (id: string | number | undefined) => {
      if (hovered !== undefined) map.setFeatureState({ source: 'plots', id: hovered }, { hover: false });
      hovered = id;
      if (id !== undefined) map.setFeatureState({ source: 'plots', id }, { hover: true });
    };
    map.on('mousemove', 'plots-fill', (e) => {
      map.getCanvas().style.cursor = selectRef.current ? 'pointer' : '';
      setHover(e.features?.[0]?.id);
    });
    map.on('mouseleave', 'plots-fill', () => {
      map.getCanvas().style.cursor = '';
      setHover(undefined);
    });
    map.on('click', 'plots-fill', (e) => {
      const id = e.features?.[0]?.properties?.id;
      if (typeof id === 'string' || typeof id === 'number') selectRef.current?.(String(id));
    });
    mapRef.current = map;
    return () => {
      mapRef.current = null;
      map.remove();
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !data) return;
    const apply = () => {
      const source = map.getSource<GeoJSONSource>('plots');
      source?.setData(data);
      fit(map, data);
    };
    if (map.isStyleLoaded()) apply();
    else map.once('load', apply);
  }, [data]);

  if (failed) {
    return (
      <div className={`map map--failed ${className ?? ''}`} role="note">
        {t('plots.mapUnsupported')}
      </div>
    );
  }
  return <div ref={container} className={`map ${className ?? ''}`} role="region" aria-label={label} />;
}
