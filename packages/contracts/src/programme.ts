/**
 * Programme management (capability 12): the plans' task tables with progress notes and overdue
 * tasks, training events with attendance by role and coverage against targets, and land
 * consolidation records feeding the consolidated-area indicator.
 */
import { z } from 'zod';
import { IsoDate } from './diary.ts';

export const TaskStatus = z.enum(['not_started', 'in_progress', 'done', 'cancelled']);

export const TaskNoteResponse = z.object({
  id: z.number().int(),
  note: z.string(),
  status: TaskStatus,
  progressPct: z.number().int().nullable(),
  notedBy: z.string(),
  notedByName: z.string().nullable(),
  notedAt: z.string(),
});

export const TaskResponse = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  code: z.string(),
  position: z.number().int(),
  groupCode: z.string().nullable(),
  groupTitle: z.string().nullable(),
  title: z.string(),
  leadAgency: z.string(),
  partnerAgencies: z.string().nullable(),
  expectedResult: z.string().nullable(),
  deadlineText: z.string(),
  dueOn: z.string().nullable(),
  recurrence: z.enum(['none', 'yearly']),
  /** For a yearly task, this year's due date; otherwise dueOn. */
  currentDueOn: z.string().nullable(),
  status: TaskStatus,
  overdue: z.boolean(),
  daysOverdue: z.number().int().nullable(),
  source: z.string().nullable(),
  latestNote: TaskNoteResponse.nullable(),
  noteCount: z.number().int(),
});
export const TaskList = z.object({ items: z.array(TaskResponse), overdueCount: z.number().int(), today: z.string() });
export const TaskQuery = z.object({ overdue: z.enum(['true', 'false']).optional() });

export const CreateTaskBody = z.object({
  code: z.string().trim().min(1).max(40),
  groupCode: z.string().trim().max(40).optional(),
  groupTitle: z.string().trim().max(500).optional(),
  title: z.string().trim().min(1).max(2000),
  leadAgency: z.string().trim().min(1).max(300),
  partnerAgencies: z.string().trim().max(1000).optional(),
  expectedResult: z.string().trim().max(1000).optional(),
  deadlineText: z.string().trim().min(1).max(120),
  dueOn: IsoDate.optional(),
  recurrence: z.enum(['none', 'yearly']).default('none'),
  source: z.string().trim().max(1000).optional(),
});

export const AddTaskNoteBody = z.object({
  note: z.string().trim().min(1, 'write what was done or what blocks the task').max(4000),
  status: TaskStatus,
  progressPct: z.number().int().min(0).max(100).optional(),
});
export const TaskNotes = z.object({ items: z.array(TaskNoteResponse) });

export const TrainingRole = z.enum(['extension_officer', 'technical_staff', 'commune_officer', 'manager', 'core_farmer', 'farmer', 'cooperative', 'enterprise', 'other']);

export const CreateTrainingEventBody = z.object({
  planId: z.uuid().optional(),
  /** The province or commune where it was held. */
  unitCode: z.string().regex(/^[0-9]{2}$|^[0-9]{5}$/, 'a 2-digit province or 5-digit commune code'),
  topic: z.string().trim().min(1).max(500),
  heldOn: IsoDate,
  place: z.string().trim().min(1).max(300),
  trainer: z.string().trim().min(1).max(300),
  notes: z.string().trim().max(2000).optional(),
  attendance: z.array(z.object({ role: TrainingRole, count: z.number().int().min(1).max(100_000) })).min(1, 'give the number of attendees of at least one role'),
}).refine((b) => new Set(b.attendance.map((a) => a.role)).size === b.attendance.length, { path: ['attendance'], message: 'each role once' });

export const TrainingEventResponse = z.object({
  id: z.uuid(),
  planId: z.uuid().nullable(),
  provinceCode: z.string(),
  communeCode: z.string().nullable(),
  unitName: z.string(),
  topic: z.string(),
  heldOn: z.string(),
  place: z.string(),
  trainer: z.string(),
  notes: z.string().nullable(),
  attendance: z.array(z.object({ role: TrainingRole, count: z.number().int() })),
  totalAttendees: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const TrainingEventList = z.object({ items: z.array(TrainingEventResponse) });
export const TrainingEventQuery = z.object({
  provinceCode: z.string().regex(/^[0-9]{2}$/).optional(),
  planId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const SetTrainingTargetBody = z.object({
  role: TrainingRole,
  /** How many people of this role there are to train in the plan's unit. */
  population: z.number().int().min(1).max(10_000_000),
  targetPct: z.number().gt(0).max(100),
  targetYear: z.number().int().min(2000).max(2100),
  source: z.string().trim().min(3, 'say where the head count comes from').max(1000),
});
export const TrainingCoverage = z.object({
  planId: z.uuid(),
  asOf: z.string(),
  roles: z.array(z.object({
    role: TrainingRole,
    population: z.number().int().nullable(),
    targetPct: z.number().nullable(),
    targetYear: z.number().int().nullable(),
    source: z.string().nullable(),
    attendees: z.number().int(),
    /** Attendances ÷ population, capped at 100 %: a person trained twice counts twice. */
    coveragePct: z.number().nullable(),
  })),
  events: z.number().int(),
});

export const LandConsolidationKind = z.enum(['lease', 'transfer', 'capital_contribution']);
export const CreateLandConsolidationBody = z.object({
  communeCode: z.string().regex(/^[0-9]{5}$/),
  kind: LandConsolidationKind,
  fromParty: z.string().trim().min(1).max(300),
  toParty: z.string().trim().min(1).max(300),
  toOrganisationId: z.uuid().optional(),
  /** Registered plots concerned; their PostGIS area is the record's area when areaHa is not given. */
  plotIds: z.array(z.uuid()).max(500).default([]),
  areaHa: z.number().positive().max(100_000).optional(),
  agreedOn: IsoDate,
  termYears: z.number().int().min(1).max(99).optional(),
  notes: z.string().trim().max(2000).optional(),
}).refine((b) => b.plotIds.length > 0 || b.areaHa !== undefined, { path: ['areaHa'], message: 'give the area, or the plots concerned' })
  .refine((b) => b.kind !== 'lease' || b.termYears !== undefined, { path: ['termYears'], message: 'a lease needs its term in years' });

export const LandConsolidationResponse = z.object({
  id: z.uuid(),
  provinceCode: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  kind: LandConsolidationKind,
  fromParty: z.string(),
  toParty: z.string(),
  toOrganisationId: z.uuid().nullable(),
  areaHa: z.number(),
  agreedOn: z.string(),
  termYears: z.number().int().nullable(),
  notes: z.string().nullable(),
  plots: z.array(z.object({ id: z.uuid(), code: z.string(), areaHa: z.number() })),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const LandConsolidationList = z.object({ items: z.array(LandConsolidationResponse), totalAreaHa: z.number() });
export const LandConsolidationQuery = z.object({ provinceCode: z.string().regex(/^[0-9]{2}$/).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });

export type CreateTaskBody = z.infer<typeof CreateTaskBody>;
export type AddTaskNoteBody = z.infer<typeof AddTaskNoteBody>;
export type CreateTrainingEventBody = z.infer<typeof CreateTrainingEventBody>;
export type SetTrainingTargetBody = z.infer<typeof SetTrainingTargetBody>;
export type CreateLandConsolidationBody = z.infer<typeof CreateLandConsolidationBody>;
