/**
 * A MapLibre map of plot polygons that works with no internet (offline-map.ts): a background colour
 * and the plots' own GeoJSON. Loaded lazily (its bundle is large) by the pages that show a map.
 */
import { useEffect, useRef, useState } from 'react';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useT } from '../i18n/index.tsx';
import { emptyCollection, positionsOf, type PlotFeatureCollection } from './geojson.ts';
import { MAP_COLORS, createOfflineMap, fitPositions } from './offline-map.ts';

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
      map = createOfflineMap(container.current, t, {
        sources: { plots: { type: 'geojson', data: emptyCollection(), promoteId: 'id' } },
        layers: [
          {
            id: 'plots-fill',
            type: 'fill',
            source: 'plots',
            paint: {
              'fill-color': ['case', ['boolean', ['feature-state', 'hover'], false], MAP_COLORS.selected, MAP_COLORS.fill],
              'fill-opacity': 0.5,
            },
          },
          { id: 'plots-outline', type: 'line', source: 'plots', paint: { 'line-color': MAP_COLORS.outline, 'line-width': 1.5 } },
        ],
      });
    } catch (err) {
      console.error(err);
      setFailed(true);
      return;
    }

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
      map.getSource<GeoJSONSource>('plots')?.setData(data);
      fitPositions(map, positionsOf(data));
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
