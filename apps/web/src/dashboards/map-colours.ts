/** Colours and names of the dashboard map's classes, shared by the (lazily loaded) map and its legend. */
import type { MessageKey } from '../i18n/index.tsx';

export const PRACTICE_COLOURS: Record<string, string> = {
  awd: '#1b7f3b',
  drained: '#6fb36b',
  flooded: '#d9822b',
  other_crop: '#4a7fc1',
  unknown: '#8d8d8d',
  no_diary: '#b9b9b9',
  no_season: '#e4e4e4',
};
/** Intensity, t CO2e/ha: green where low, red where high (a Mekong rice season is about 3–9). */
export const INTENSITY_STOPS: Array<[number, string]> = [[0, '#1b7f3b'], [3, '#8cc265'], [6, '#f2c94c'], [9, '#d9822b'], [12, '#b3261e']];
/** Shares, %: pale to deep green. */
export const SHARE_STOPS: Array<[number, string]> = [[0, '#f3ead3'], [25, '#cfe3b4'], [50, '#93c47d'], [75, '#4f9a4f'], [100, '#1b6b34']];

const PRACTICE_KEYS: Record<string, MessageKey> = {
  awd: 'dash.practice.awd',
  drained: 'dash.practice.drained',
  flooded: 'dash.practice.flooded',
  other_crop: 'dash.practice.other_crop',
  unknown: 'dash.practice.unknown',
  no_diary: 'dash.practice.no_diary',
  no_season: 'dash.practice.no_season',
};
export const practiceKey = (p: string): MessageKey => PRACTICE_KEYS[p] ?? 'dash.practice.unknown';
