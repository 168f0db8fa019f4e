/**
 * What every map of the app shares: MapLibre's CSP bundle with its worker URL set (in a Vite build,
 * without setWorkerUrl() the worker never starts and the map stays blank), a style with no tiles,
 * glyphs or sprites so the map needs no network and no key, and MapLibre's own texts translated.
 * Imported only by the lazily loaded map components, so the ~800 kB bundle loads with the first map.
 */
import maplibregl from 'maplibre-gl/dist/maplibre-gl-csp.js';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { LngLatBoundsLike, Map as MapLibreMap, SourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { Translate } from '../i18n/index.tsx';
import type { Position } from './geojson.ts';

maplibregl.setWorkerUrl(workerUrl);

export { maplibregl };

/** Cần Thơ, for an empty map. */
export const FALLBACK_CENTER: [number, number] = [105.78, 10.03];

export const MAP_COLORS = {
  background: '#eef2e6',
  fill: '#3f9b4f',
  outline: '#1d5e2c',
  selected: '#e0a100',
  context: '#8a948a',
  contextOutline: '#4d574d',
  conflict: '#c62828',
  draft: '#0b63ce',
} as const;

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

/**
 * A north-up map with zoom buttons and a metric scale. `cooperativeGestures` keeps one finger for
 * scrolling the page on phones (two fingers move the map); taps still reach the map.
 * Throws when the device cannot show WebGL maps.
 */
export function createOfflineMap(
  container: HTMLElement,
  t: Translate,
  opts: { sources: Record<string, SourceSpecification>; layers: LayerSpecification[]; center?: [number, number]; zoom?: number },
): MapLibreMap {
  const map = new maplibregl.Map({
    container,
    style: {
      version: 8,
      sources: opts.sources,
      layers: [{ id: 'background', type: 'background', paint: { 'background-color': MAP_COLORS.background } }, ...opts.layers],
    },
    center: opts.center ?? FALLBACK_CENTER,
    zoom: opts.zoom ?? 9,
    attributionControl: false,
    cooperativeGestures: true,
    dragRotate: false,
    pitchWithRotate: false,
    locale: mapLocale(t),
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  return map;
}

/** Bounding box of every position; null when nothing has finite coordinates. */
export function boundsOfPositions(positions: Iterable<Position>): [[number, number], [number, number]] | null {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of positions) {
    if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (!Number.isFinite(minX)) return null;
  return [
    [minX, minY],
    [maxX, maxY],
  ];
}

export function fitPositions(map: MapLibreMap, positions: Iterable<Position>, opts: { maxZoom?: number; padding?: number } = {}): boolean {
  const bounds = boundsOfPositions(positions);
  if (!bounds) return false;
  map.fitBounds(bounds as LngLatBoundsLike, { padding: opts.padding ?? 24, maxZoom: opts.maxZoom ?? 18, animate: false });
  return true;
}
