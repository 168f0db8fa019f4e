// MapLibre's CSP bundle has the same API as the package's main entry (it is a UMD build without
// the inlined blob worker); the worker comes separately through setWorkerUrl().
declare module 'maplibre-gl/dist/maplibre-gl-csp.js' {
  import * as maplibregl from 'maplibre-gl';
  export default maplibregl;
}
