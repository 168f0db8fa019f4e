/**
 * Calendar arithmetic on `YYYY-MM-DD` dates as whole day numbers (UTC days since 1970-01-01), so that
 * "days between" never depends on the machine's time zone or on daylight saving.
 */
const MS_PER_DAY = 86_400_000;

/** Vietnam keeps UTC+7 all year (no daylight saving): a photo's instant becomes a local date with it. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export const isoDateOfDay = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
export const daysBetween = (fromIso: string, toIso: string) => dayNumber(toIso) - dayNumber(fromIso);
export const addDays = (isoDate: string, days: number) => isoDateOfDay(dayNumber(isoDate) + days);
export const vietnamDateOf = (instant: Date) => new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

export const minDate = (dates: readonly string[]) => (dates.length ? dates.reduce((a, b) => (b < a ? b : a)) : null);
export const maxDate = (dates: readonly string[]) => (dates.length ? dates.reduce((a, b) => (b > a ? b : a)) : null);
