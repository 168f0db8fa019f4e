/** Types for shpjs 6 (it ships none): only the object form the import module uses. */
declare module 'shpjs' {
  export interface ShapefileParts {
    shp: ArrayBuffer | ArrayBufferView;
    dbf?: ArrayBuffer | ArrayBufferView;
    /** The .cpg text naming the .dbf encoding; UTF-8 when absent. */
    cpg?: string;
    /** A .prj given here makes shpjs reproject with proj4's own definition; the import module never passes it. */
    prj?: string;
  }
  export interface ShapefileFeatureCollection {
    type: 'FeatureCollection';
    features: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> }[];
  }
  export default function getShapefile(parts: ShapefileParts): Promise<ShapefileFeatureCollection>;
}
