/**
 * The API shapes of plans, dashboards, reports and programme management, inferred from the zod
 * schemas of @dongxanh/contracts (type-only: no zod code reaches the browser bundle).
 */
import type { z } from 'zod';
import type * as C from '@dongxanh/contracts';

export type PlanSummary = z.infer<typeof C.PlanSummary>;
export type PlanList = z.infer<typeof C.PlanList>;
export type PlanDetail = z.infer<typeof C.PlanDetail>;
export type Indicator = z.infer<typeof C.IndicatorResponse>;
export type IndicatorProgress = z.infer<typeof C.IndicatorProgress>;
export type YearTarget = z.infer<typeof C.YearTarget>;
export type ProgressStatus = z.infer<typeof C.ProgressStatus>;
export type EnterValueBody = z.input<typeof C.EnterValueBody>;
export type EvidencePage = z.infer<typeof C.EvidencePage>;

export type DashboardSummary = z.infer<typeof C.DashboardSummary>;
export type DashboardFigures = z.infer<typeof C.DashboardFigures>;
export type MapColourBy = z.infer<typeof C.MapColourBy>;

export type ReportDocument = z.infer<typeof C.ReportDocument>;
export type ReportTable = z.infer<typeof C.ReportTable>;
export type ReportColumn = z.infer<typeof C.ReportColumn>;
export type ReportCell = z.infer<typeof C.ReportCell>;
export type YearlyReportSummary = z.infer<typeof C.YearlyReportSummary>;
export type YearlyReportList = z.infer<typeof C.YearlyReportList>;
export type YearlyReportDetail = z.infer<typeof C.YearlyReportDetail>;
export type ReportStatus = z.infer<typeof C.ReportStatus>;

export type TaskList = z.infer<typeof C.TaskList>;
export type Task = z.infer<typeof C.TaskResponse>;
export type TaskStatus = z.infer<typeof C.TaskStatus>;
export type TrainingRole = z.infer<typeof C.TrainingRole>;
export type TrainingEventList = z.infer<typeof C.TrainingEventList>;
export type TrainingCoverage = z.infer<typeof C.TrainingCoverage>;
export type CreateTrainingEventBody = z.input<typeof C.CreateTrainingEventBody>;
export type LandConsolidationList = z.infer<typeof C.LandConsolidationList>;
export type LandConsolidationKind = z.infer<typeof C.LandConsolidationKind>;
export type CreateLandConsolidationBody = z.input<typeof C.CreateLandConsolidationBody>;
