/**
 * The shape of a plan transcribed from its source document (../shared/seeds/*.txt). Every figure
 * carries the section it comes from; `asWritten` keeps the plan's own wording of a target ("80–100
 * kg/ha", "trên 50 %") so a reader can check the transcription against the original.
 */
import type { ComputationName } from '../indicator-computations.ts';

export type Comparator = 'gte' | 'gt' | 'lte' | 'lt' | 'eq';

export interface SeedTarget {
  year: number;
  comparator: Comparator;
  value: number;
  asWritten: string;
  /** Defaults to the indicator's source. */
  source?: string;
  breakdown?: string;
}

export interface SeedValue {
  year: number;
  value: number;
  breakdown?: string;
  source: string;
}

export interface SeedIndicator {
  code: string;
  section: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  direction: 'increase' | 'decrease';
  computation: 'entered' | `computed:${ComputationName}`;
  params?: { crop?: string; cropKind?: string; roles?: string[] };
  baseline?: { year: number | null; value: number; unit?: string; source: string };
  breakdownLabel?: { vi: string; en: string };
  source: string;
  note?: { vi: string; en: string };
  details?: Record<string, unknown>;
  targets: SeedTarget[];
  /** Actual values the plan itself states (e.g. the 2020 column of a table). */
  values?: SeedValue[];
}

export interface SeedTask {
  code: string;
  groupCode?: string;
  groupTitle?: string;
  title: string;
  leadAgency: string;
  partnerAgencies?: string;
  expectedResult?: string;
  deadlineText: string;
  /** The last day the task can be done by, read from deadlineText (a year's or a period's 31 December). */
  dueOn: string | null;
  recurrence?: 'none' | 'yearly';
  source: string;
}

export interface SeedPlan {
  code: string;
  nameVi: string;
  nameEn: string;
  issuingBody: string;
  decisionNumber: string | null;
  legalBasis: string;
  scopeLevel: 'province' | 'commune';
  provinceCode: string;
  communeCode: string | null;
  periodStartYear: number;
  periodEndYear: number;
  reportDue: { month: number; day: number; source: string };
  sourceDocument: string;
  descriptionVi: string;
  descriptionEn: string;
  indicators: SeedIndicator[];
  tasks: SeedTask[];
}
