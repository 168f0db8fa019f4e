/** The map bundle (MapLibre, ~800 kB) loads only when a page shows a map, not for the calculator. */
import { lazy, Suspense } from 'react';
import { Loading } from '../components/feedback.tsx';
import type { DrawMapProps } from './draw-map.tsx';
import type { PlotMapProps } from './plot-map.tsx';

const PlotMap = lazy(() => import('./plot-map.tsx'));
const DrawMap = lazy(() => import('./draw-map.tsx'));

export function LazyPlotMap(props: PlotMapProps) {
  return (
    <Suspense fallback={<div className={`map map--loading ${props.className ?? ''}`}><Loading /></div>}>
      <PlotMap {...props} />
    </Suspense>
  );
}

export function LazyDrawMap(props: DrawMapProps) {
  return (
    <Suspense fallback={<div className={`map map--draw map--loading ${props.className ?? ''}`}><Loading /></div>}>
      <DrawMap {...props} />
    </Suspense>
  );
}
