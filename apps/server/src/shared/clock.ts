/** The clock is passed in, never read ambiently, so tests can fix time. */
export interface Clock {
  now(): Date;
}
export const systemClock = (): Clock => ({ now: () => new Date() });
export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });
