/**
 * VN-2000, Vietnam's national reference system, and its conversion to WGS 84 longitude/latitude.
 *
 * Cadastral and land-use maps in Vietnam are drawn in VN-2000 with a Transverse Mercator projection
 * per province: a 3° zone whose central meridian is set per province, scale factor k0 = 0.9999, false
 * easting 500 000 m (Circular 973/2001/TT-TCĐC of the General Department of Land Administration,
 * annex on central meridians; Decision 83/2000/QĐ-TTg adopting VN-2000 on the WGS 84 ellipsoid).
 *
 * The datum shift matters: VN-2000 is not WGS 84. Decision 05/2007/QĐ-BTNMT (Ministry of Natural
 * Resources and Environment) publishes the 7-parameter (Helmert) transformation between them; written
 * as PROJ's +towgs84 (VN-2000 → WGS 84) it is the TOWGS84 constant below. A definition without it —
 * the one shpjs builds from a .prj, and proj4's default for a bare "VN-2000" — places every point about
 * 200–250 m off, which is wider than most paddy plots. So we never let a library guess: every VN-2000
 * definition here is spelled out with the shift.
 */
import proj4 from 'proj4';
import type { Position } from './geometry.ts';

/** Decision 05/2007/QĐ-BTNMT: dX, dY, dZ (m), rX, rY, rZ (arc-seconds), scale (ppm), VN-2000 → WGS 84. */
export const VN2000_TOWGS84 = '-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278';

export interface Vn2000Zone {
  provinceCode: string;
  provinceName: string;
  /** The pre-2025 province whose maps used this meridian. */
  formerProvince: string;
  /** Central meridian, decimal degrees east. */
  meridian: number;
  isDefault: boolean;
}

const dm = (degrees: number, minutes: number) => degrees + minutes / 60;

/**
 * Central meridians per province (Circular 973/2001/TT-TCĐC, annex), keyed by the 2025 province code
 * (Resolution 202/2025/QH15 merged 63 provinces into 34). A merged province lists each former province
 * with its meridian, because existing maps stay in the system they were drawn in; the first is the
 * default and the others are chosen with `meridian`. The Mekong provinces, Lào Cai, Quảng Trị and
 * Hà Nội are the ones the programmes' plans cover; the rest are given for completeness from the same
 * annex.
 */
const MERIDIANS: Record<string, { name: string; former: [string, number][] }> = {
  '01': { name: 'Hà Nội', former: [['Hà Nội', dm(105, 0)]] },
  '04': { name: 'Cao Bằng', former: [['Cao Bằng', dm(105, 45)]] },
  '08': { name: 'Tuyên Quang', former: [['Tuyên Quang', dm(106, 0)], ['Hà Giang', dm(105, 30)]] },
  '11': { name: 'Điện Biên', former: [['Điện Biên', dm(103, 0)]] },
  '12': { name: 'Lai Châu', former: [['Lai Châu', dm(103, 0)]] },
  '14': { name: 'Sơn La', former: [['Sơn La', dm(104, 0)]] },
  '15': { name: 'Lào Cai', former: [['Lào Cai', dm(104, 45)], ['Yên Bái', dm(104, 45)]] },
  '19': { name: 'Thái Nguyên', former: [['Thái Nguyên', dm(106, 30)], ['Bắc Kạn', dm(106, 30)]] },
  '20': { name: 'Lạng Sơn', former: [['Lạng Sơn', dm(107, 15)]] },
  '22': { name: 'Quảng Ninh', former: [['Quảng Ninh', dm(107, 45)]] },
  '24': { name: 'Bắc Ninh', former: [['Bắc Ninh', dm(105, 30)], ['Bắc Giang', dm(107, 0)]] },
  '25': { name: 'Phú Thọ', former: [['Phú Thọ', dm(104, 45)], ['Vĩnh Phúc', dm(105, 0)], ['Hòa Bình', dm(106, 0)]] },
  '31': { name: 'Hải Phòng', former: [['Hải Phòng', dm(105, 45)], ['Hải Dương', dm(105, 30)]] },
  '33': { name: 'Hưng Yên', former: [['Hưng Yên', dm(105, 30)], ['Thái Bình', dm(105, 30)]] },
  '37': { name: 'Ninh Bình', former: [['Ninh Bình', dm(105, 0)], ['Hà Nam', dm(105, 0)], ['Nam Định', dm(105, 30)]] },
  '38': { name: 'Thanh Hóa', former: [['Thanh Hóa', dm(105, 0)]] },
  '40': { name: 'Nghệ An', former: [['Nghệ An', dm(104, 45)]] },
  '42': { name: 'Hà Tĩnh', former: [['Hà Tĩnh', dm(105, 30)]] },
  '44': { name: 'Quảng Trị', former: [['Quảng Trị', dm(106, 15)], ['Quảng Bình', dm(106, 0)]] },
  '46': { name: 'Huế', former: [['Thừa Thiên Huế', dm(107, 0)]] },
  '48': { name: 'Đà Nẵng', former: [['Đà Nẵng', dm(107, 45)], ['Quảng Nam', dm(107, 45)]] },
  '51': { name: 'Quảng Ngãi', former: [['Quảng Ngãi', dm(108, 0)], ['Kon Tum', dm(107, 30)]] },
  '52': { name: 'Gia Lai', former: [['Gia Lai', dm(108, 30)], ['Bình Định', dm(108, 15)]] },
  '56': { name: 'Khánh Hòa', former: [['Khánh Hòa', dm(108, 15)], ['Ninh Thuận', dm(108, 15)]] },
  '66': { name: 'Đắk Lắk', former: [['Đắk Lắk', dm(108, 30)], ['Phú Yên', dm(108, 30)]] },
  '68': { name: 'Lâm Đồng', former: [['Lâm Đồng', dm(107, 45)], ['Đắk Nông', dm(108, 30)], ['Bình Thuận', dm(108, 30)]] },
  '75': { name: 'Đồng Nai', former: [['Đồng Nai', dm(107, 45)], ['Bình Phước', dm(106, 15)]] },
  '79': { name: 'Hồ Chí Minh', former: [['Hồ Chí Minh', dm(105, 45)], ['Bình Dương', dm(105, 45)], ['Bà Rịa – Vũng Tàu', dm(107, 45)]] },
  '80': { name: 'Tây Ninh', former: [['Tây Ninh', dm(105, 30)], ['Long An', dm(105, 45)]] },
  '82': { name: 'Đồng Tháp', former: [['Đồng Tháp', dm(105, 0)], ['Tiền Giang', dm(105, 45)]] },
  '86': { name: 'Vĩnh Long', former: [['Vĩnh Long', dm(105, 30)], ['Bến Tre', dm(105, 45)], ['Trà Vinh', dm(105, 30)]] },
  '91': { name: 'An Giang', former: [['An Giang', dm(104, 45)], ['Kiên Giang', dm(104, 30)]] },
  '92': { name: 'Cần Thơ', former: [['Cần Thơ', dm(105, 0)], ['Hậu Giang', dm(105, 0)], ['Sóc Trăng', dm(105, 30)]] },
  '96': { name: 'Cà Mau', former: [['Cà Mau', dm(104, 30)], ['Bạc Liêu', dm(105, 0)]] },
};

export function vn2000Zones(): Vn2000Zone[] {
  return Object.entries(MERIDIANS)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([provinceCode, p]) =>
    p.former.map(([formerProvince, meridian], i) => ({ provinceCode, provinceName: p.name, formerProvince, meridian, isDefault: i === 0 })),
  );
}

export type MeridianChoice = { ok: true; meridian: number } | { ok: false; field: 'province' | 'meridian'; message: string };

/** The central meridian for a 2025 province, or the named one of its former provinces. */
export function meridianFor(provinceCode: string, meridian?: number): MeridianChoice {
  const province = MERIDIANS[provinceCode];
  if (!province) {
    return { ok: false, field: 'province', message: `No VN-2000 central meridian is known for province ${provinceCode}; known: ${Object.keys(MERIDIANS).sort().join(', ')}` };
  }
  if (meridian === undefined) return { ok: true, meridian: province.former[0]![1] };
  const match = province.former.find(([, m]) => Math.abs(m - meridian) < 1e-6);
  if (!match) {
    const listed = province.former.map(([name, m]) => `${m} (${name})`).join(', ');
    return { ok: false, field: 'meridian', message: `Province ${provinceCode} (${province.name}) used the meridian(s) ${listed}, not ${meridian}` };
  }
  return { ok: true, meridian: match[1] };
}

/** PROJ definition of a provincial VN-2000 3° zone (TT 973/2001: k0 0.9999, x0 500 km). */
export function vn2000TmDefinition(meridian: number, opts: { withDatumShift?: boolean; scale?: number; falseEasting?: number; falseNorthing?: number; latitudeOfOrigin?: number } = {}) {
  const shift = opts.withDatumShift === false ? '' : ` +towgs84=${VN2000_TOWGS84}`;
  return `+proj=tmerc +lat_0=${opts.latitudeOfOrigin ?? 0} +lon_0=${meridian} +k=${opts.scale ?? 0.9999} +x_0=${opts.falseEasting ?? 500000} +y_0=${opts.falseNorthing ?? 0} +ellps=WGS84${shift} +units=m +no_defs`;
}

/** EPSG codes of VN-2000 that name their projection completely. */
const VN2000_EPSG: Record<string, string> = {
  '4756': `+proj=longlat +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +no_defs`, // VN-2000 geographic
  '3405': `+proj=utm +zone=48 +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`, // VN-2000 / UTM zone 48N
  '3406': `+proj=utm +zone=49 +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`, // VN-2000 / UTM zone 49N
};

const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';

export type ToWgs84 = (p: Position) => Position;

const converters = new Map<string, ToWgs84>();

/** A function from positions in `definition` to WGS 84 longitude/latitude (cached per definition). */
export function converterFrom(definition: string): ToWgs84 {
  let convert = converters.get(definition);
  if (!convert) {
    const projection = proj4(definition, WGS84);
    convert = (p) => {
      const [lon, lat] = projection.forward([p[0], p[1]]);
      return [lon!, lat!];
    };
    converters.set(definition, convert);
  }
  return convert;
}

/** WGS 84 longitude/latitude to a definition's coordinates (for tests and fixtures). */
export function converterTo(definition: string): ToWgs84 {
  const projection = proj4(definition, WGS84);
  return (p) => {
    const [x, y] = projection.inverse([p[0], p[1]]);
    return [x!, y!];
  };
}

/** The coordinate system a file declares about itself. */
export type DeclaredCrs =
  | { kind: 'wgs84' }
  | { kind: 'vn2000-province' } // VN-2000 in a provincial zone the file does not name: needs `province`
  | { kind: 'definition'; definition: string; label: string }
  | { kind: 'unknown'; label: string };

/** A GeoJSON 2008 `crs` member ({ type: 'name', properties: { name } }); RFC 7946 dropped it. */
export function crsFromGeoJsonMember(crs: unknown): DeclaredCrs | null {
  if (typeof crs !== 'object' || crs === null) return null;
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name !== 'string') return null;
  const epsg = /EPSG:{1,2}(\d+)/i.exec(name)?.[1];
  if (epsg === '4326' || /CRS84$/i.test(name)) return { kind: 'wgs84' };
  if (epsg && VN2000_EPSG[epsg]) return { kind: 'definition', definition: VN2000_EPSG[epsg], label: `EPSG:${epsg}` };
  if (/VN[-_ ]?2000/i.test(name)) return { kind: 'vn2000-province' };
  return { kind: 'unknown', label: name };
}

function wktParameter(prj: string, name: string): number | undefined {
  const m = new RegExp(`PARAMETER\\s*\\[\\s*"${name}"\\s*,\\s*([-+0-9.eE]+)`, 'i').exec(prj);
  return m ? Number(m[1]) : undefined;
}

/**
 * A Shapefile's .prj (ESRI WKT). VN-2000 is recognised by its datum or name and rebuilt here with the
 * datum shift, whatever the .prj says about TOWGS84; other systems go to proj4 as written.
 */
export function crsFromPrj(prj: string): DeclaredCrs {
  const text = prj.trim();
  const isVn2000 = /VN[-_ ]?2000|Vietnam[-_ ]?2000/i.test(text);
  const isProjected = /^PROJCS\[/i.test(text);
  if (isVn2000) {
    if (!isProjected) return { kind: 'definition', definition: VN2000_EPSG['4756']!, label: 'VN-2000 (geographic)' };
    const meridian = wktParameter(text, 'Central_Meridian') ?? wktParameter(text, 'longitude_of_center');
    if (!/Transverse_Mercator/i.test(text) || meridian === undefined) return { kind: 'unknown', label: 'VN-2000 with a projection other than Transverse Mercator' };
    const scale = wktParameter(text, 'Scale_Factor') ?? 0.9999;
    const definition = vn2000TmDefinition(meridian, {
      scale,
      falseEasting: wktParameter(text, 'False_Easting') ?? 500000,
      falseNorthing: wktParameter(text, 'False_Northing') ?? 0,
      latitudeOfOrigin: wktParameter(text, 'Latitude_Of_Origin') ?? 0,
    });
    return { kind: 'definition', definition, label: `VN-2000 TM, central meridian ${meridian}°, k0 ${scale}` };
  }
  if (!isProjected && /WGS[-_ ]?(19)?84/i.test(text)) return { kind: 'wgs84' };
  try {
    proj4(text, WGS84);
    return { kind: 'definition', definition: text, label: /^\w+\["([^"]+)"/.exec(text)?.[1] ?? 'the .prj system' };
  } catch {
    return { kind: 'unknown', label: /^\w+\["([^"]+)"/.exec(text)?.[1] ?? 'the .prj system' };
  }
}
