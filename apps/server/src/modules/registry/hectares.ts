/**
 * Hectares in messages the way Vietnamese readers write them: decimal comma, dot thousands
 * separator (1.234,5 ha). Messages are read by co-op officers first, so the number follows them.
 */
/** 1 m², the precision plot areas are stored to (numeric(14, 4) ha). */
export const ONE_SQUARE_METRE_HA = 0.0001;

const formats = new Map<string, Intl.NumberFormat>();

export function formatHectares(value: number, fractionDigits: { min: number; max: number } = { min: 4, max: 4 }) {
  const key = `${fractionDigits.min}:${fractionDigits.max}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: fractionDigits.min, maximumFractionDigits: fractionDigits.max });
    formats.set(key, format);
  }
  return `${format.format(value)} ha`;
}

export const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
