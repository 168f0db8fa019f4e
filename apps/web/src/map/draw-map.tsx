/**
 * The map on which a plot boundary is drawn: a tap or click adds a vertex, a tap on the first vertex
 * closes the ring, and any vertex can be dragged (mouse or one finger). Other plots are shown in grey
 * as context (in red those the server said the boundary overlaps). MapLibre events and GeoJSON
 * sources only, no drawing plugin. The drawing itself is state owned by the page (polygon-draft.ts);
 * this component shows it and reports gestures.
 */
import { useEffect, useRef, useState } from 'react';
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap, MapMouseEvent, MapTouchEvent } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useT } from '../i18n/index.tsx';
import { emptyCollection, positionsOf, type PlotFeatureCollection } from './geojson.ts';
import { MAP_COLORS, createOfflineMap, fitPositions, maplibregl } from './offline-map.ts';
import { canFinish, type PolygonDraft, type Vertex } from './polygon-draft.ts';

export interface MapView {
  center: [number, number];
  zoom: number;
}

export interface DrawMapProps {
  label: string;
  draft: PolygonDraft;
  /** Existing plots around the one being drawn. */
  context: PlotFeatureCollection | null;
  /** Ids of context plots to show as conflicting (overlapped). */
  conflictIds: readonly string[];
  /** Where to start; without it the map fits the draft, else the context plots. */
  initialView: MapView | null;
  onAdd: (v: Vertex) => void;
  onFinish: () => void;
  onDragStart: () => void;
  onDrag: (index: number, v: Vertex) => void;
  onDragEnd: () => void;
  className?: string;
}

/** How close (CSS px) a tap must land to a vertex to grab it: a fingertip is ~10 mm wide. */
const TOUCH_TOLERANCE_PX = 24;
const MOUSE_TOLERANCE_PX = 12;

function draftFeatures(draft: PolygonDraft): { shape: FeatureCollection; vertices: FeatureCollection } {
  const v = draft.vertices;
  const shape: Feature<Geometry, { role: string }>[] = [];
  if (v.length >= 3) shape.push({ type: 'Feature', properties: { role: 'area' }, geometry: { type: 'Polygon', coordinates: [[...v, v[0]!]] } });
  if (v.length >= 2) shape.push({ type: 'Feature', properties: { role: 'path' }, geometry: { type: 'LineString', coordinates: draft.closed ? [...v, v[0]!] : v } });
  // While open, the edge that finishing would add is dashed.
  if (!draft.closed && v.length >= 3) shape.push({ type: 'Feature', properties: { role: 'closing' }, geometry: { type: 'LineString', coordinates: [v.at(-1)!, v[0]!] } });
  const finishable = canFinish(draft);
  return {
    shape: { type: 'FeatureCollection', features: shape },
    vertices: {
      type: 'FeatureCollection',
      features: v.map((p, i) => ({ type: 'Feature', properties: { index: i, first: i === 0 && finishable }, geometry: { type: 'Point', coordinates: p } })),
    },
  };
}

const conflictExpression = (ids: readonly string[]): ExpressionSpecification => ['in', ['get', 'id'], ['literal', [...ids]]];

export default function DrawMap(props: DrawMapProps) {
  const t = useT();
  const container = useRef<HTMLDivElement | null>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  // Event handlers are registered once; they read the latest props from here.
  const latest = useRef(props);
  latest.current = props;
  const fitted = useRef(false);

  useEffect(() => {
    if (!container.current) return;
    let map: MapLibreMap;
    const start = latest.current.initialView;
    try {
      map = createOfflineMap(container.current, t, {
        ...(start ? { center: start.center, zoom: start.zoom } : {}),
        sources: {
          context: { type: 'geojson', data: emptyCollection(), promoteId: 'id' },
          shape: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
          vertices: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
        },
        layers: [
          {
            id: 'context-fill',
            type: 'fill',
            source: 'context',
            paint: { 'fill-color': ['case', conflictExpression([]), MAP_COLORS.conflict, MAP_COLORS.context], 'fill-opacity': 0.35 },
          },
          {
            id: 'context-outline',
            type: 'line',
            source: 'context',
            paint: { 'line-color': ['case', conflictExpression([]), MAP_COLORS.conflict, MAP_COLORS.contextOutline], 'line-width': ['case', conflictExpression([]), 3, 1] },
          },
          { id: 'draft-fill', type: 'fill', source: 'shape', filter: ['==', ['get', 'role'], 'area'], paint: { 'fill-color': MAP_COLORS.draft, 'fill-opacity': 0.25 } },
          { id: 'draft-path', type: 'line', source: 'shape', filter: ['==', ['get', 'role'], 'path'], paint: { 'line-color': MAP_COLORS.draft, 'line-width': 3 } },
          {
            id: 'draft-closing',
            type: 'line',
            source: 'shape',
            filter: ['==', ['get', 'role'], 'closing'],
            paint: { 'line-color': MAP_COLORS.draft, 'line-width': 2, 'line-dasharray': [2, 2] },
          },
          {
            id: 'draft-vertices',
            type: 'circle',
            source: 'vertices',
            paint: {
              'circle-radius': ['case', ['boolean', ['get', 'first'], false], 11, 8],
              'circle-color': ['case', ['boolean', ['get', 'first'], false], '#ffd54f', '#ffffff'],
              'circle-stroke-color': MAP_COLORS.draft,
              'circle-stroke-width': 3,
            },
          },
        ],
      });
    } catch (err) {
      console.error(err);
      setFailed(true);
      return;
    }
    // A person in the field can centre the map on where they stand (GPS; no network needed).
    map.addControl(new maplibregl.GeolocateControl({ positionOptions: { enableHighAccuracy: true }, fitBoundsOptions: { maxZoom: 17 } }), 'top-right');

    /** The vertex nearest to a screen point, if within `tolerance` px. */
    const vertexAt = (point: { x: number; y: number }, tolerance: number): number | null => {
      let best: number | null = null;
      let bestDistance = tolerance;
      latest.current.draft.vertices.forEach((v, i) => {
        const p = map.project(v);
        const d = Math.hypot(p.x - point.x, p.y - point.y);
        if (d <= bestDistance) {
          best = i;
          bestDistance = d;
        }
      });
      return best;
    };

    let drag: { index: number; moved: boolean } | null = null;
    let suppressClick = false;
    const lngLatOf = (e: MapMouseEvent | MapTouchEvent): Vertex => [e.lngLat.lng, e.lngLat.lat];

    const startDrag = (e: MapMouseEvent | MapTouchEvent, tolerance: number) => {
      const index = vertexAt(e.point, tolerance);
      if (index === null) return;
      e.preventDefault(); // the map does not pan while a vertex is dragged
      drag = { index, moved: false };
      latest.current.onDragStart();
    };
    const moveDrag = (e: MapMouseEvent | MapTouchEvent) => {
      if (!drag) return;
      drag.moved = true;
      latest.current.onDrag(drag.index, lngLatOf(e));
    };
    const endDrag = () => {
      if (!drag) return;
      suppressClick = drag.moved;
      drag = null;
      latest.current.onDragEnd();
    };

    map.on('mousedown', (e) => startDrag(e, MOUSE_TOLERANCE_PX));
    map.on('mousemove', (e) => {
      if (drag) {
        moveDrag(e);
        return;
      }
      const overVertex = vertexAt(e.point, MOUSE_TOLERANCE_PX) !== null;
      map.getCanvas().style.cursor = overVertex ? 'move' : latest.current.draft.closed ? '' : 'crosshair';
    });
    map.on('mouseup', endDrag);
    map.on('touchstart', (e) => {
      if (e.points.length === 1) startDrag(e, TOUCH_TOLERANCE_PX);
    });
    map.on('touchmove', moveDrag);
    map.on('touchend', endDrag);
    map.on('touchcancel', endDrag);

    map.on('click', (e) => {
      if (suppressClick) {
        suppressClick = false;
        return;
      }
      const { draft, onAdd, onFinish } = latest.current;
      const touch = (e.originalEvent as PointerEvent).pointerType === 'touch';
      const hit = vertexAt(e.point, touch ? TOUCH_TOLERANCE_PX : MOUSE_TOLERANCE_PX);
      if (hit === 0 && canFinish(draft)) onFinish();
      else if (hit === null && !draft.closed) onAdd(lngLatOf(e));
    });

    map.on('load', () => setReady(true));
    mapRef.current = map;
    return () => {
      mapRef.current = null;
      map.remove();
    };
    // The map is created once; its language is fixed at creation (MapLibre reads `locale` only then).
  }, []);

  const { draft, context, conflictIds, initialView } = props;

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const { shape, vertices } = draftFeatures(draft);
    map.getSource<GeoJSONSource>('shape')?.setData(shape);
    map.getSource<GeoJSONSource>('vertices')?.setData(vertices);
  }, [draft, ready]);

  // Frame the work once: an existing boundary being edited, else the plots around the new one.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || fitted.current || initialView) return;
    const { vertices } = latest.current.draft;
    if (vertices.length > 0) fitted.current = fitPositions(map, vertices, { padding: 48 });
    else if (context) fitted.current = fitPositions(map, positionsOf(context));
  }, [context, ready, initialView]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !context) return;
    map.getSource<GeoJSONSource>('context')?.setData(context);
  }, [context, ready]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const inConflict = conflictExpression(conflictIds);
    map.setPaintProperty('context-fill', 'fill-color', ['case', inConflict, MAP_COLORS.conflict, MAP_COLORS.context]);
    map.setPaintProperty('context-outline', 'line-color', ['case', inConflict, MAP_COLORS.conflict, MAP_COLORS.contextOutline]);
    map.setPaintProperty('context-outline', 'line-width', ['case', inConflict, 3, 1]);
    // Show the new boundary and what it overlaps together.
    if (conflictIds.length > 0 && context) {
      const overlapped = context.features.filter((f) => conflictIds.includes(f.properties.id));
      fitPositions(map, [...latest.current.draft.vertices, ...positionsOf({ type: 'FeatureCollection', features: overlapped })], { padding: 48 });
    }
  }, [conflictIds, context, ready]);

  if (failed) {
    return (
      <div className={`map map--failed ${props.className ?? ''}`} role="note">
        {t('plots.mapUnsupported')}
      </div>
    );
  }
  // aria-busy until the map has loaded: assistive technology (and browser tests) know when taps will register.
  return <div ref={container} className={`map map--draw ${props.className ?? ''}`} role="application" aria-label={props.label} aria-busy={!ready} />;
}
