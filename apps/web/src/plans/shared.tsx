/** Small pieces the plan, dashboard, report and programme pages share: units, statuses, progress bars. */
import type { ReactNode } from 'react';
import type { SessionUser } from '../api/contracts.ts';
import { can } from '../auth/abilities.ts';
import { useFormat, useLang, useT, type MessageKey } from '../i18n/index.tsx';
import type { ProgressStatus, ReportStatus, TaskStatus, TrainingRole, YearTarget } from './types.ts';

const UNIT_KEYS: Record<string, MessageKey> = {
  ha: 'plans.unit.ha',
  '%': 'plans.unit.pct',
  'kg/ha': 'plans.unit.kgPerHa',
  'ta/ha': 'plans.unit.taPerHa',
  t: 'plans.unit.t',
  products: 'plans.unit.products',
  models: 'plans.unit.models',
  packages: 'plans.unit.packages',
  zones: 'plans.unit.zones',
  billion_vnd: 'plans.unit.billionVnd',
};

export function useUnit() {
  const t = useT();
  return (unit: string) => (UNIT_KEYS[unit] ? t(UNIT_KEYS[unit]!) : unit);
}

/** Decimals a figure of this unit is shown with (whole tonnes, counts; one decimal otherwise). */
export const digitsOf = (unit: string) => (['t', 'products', 'models', 'packages', 'zones', 'billion_vnd'].includes(unit) ? 0 : 1);

/** A figure with its unit: "92,0 kg/ha", "52,6 %", "66,9 ha". */
export function useFigure() {
  const fmt = useFormat();
  const unitText = useUnit();
  return (value: number | null | undefined, unit: string) => {
    if (value === null || value === undefined) return '—';
    const n = fmt.number(value, { fixed: digitsOf(unit) });
    return unit === '%' ? fmt.percent(value, 1) : `${n} ${unitText(unit)}`;
  };
}

const STATUS_KEYS: Record<ProgressStatus, MessageKey> = {
  met: 'plans.status.met',
  not_met: 'plans.status.notMet',
  no_data: 'plans.status.noData',
  no_target: 'plans.status.noTarget',
};

export function StatusBadge({ status }: { status: ProgressStatus }) {
  const t = useT();
  return <span className={`badge badge--progress-${status}`}>{t(STATUS_KEYS[status])}</span>;
}

const TARGET_KIND_KEYS: Record<YearTarget['kind'], MessageKey> = {
  explicit: 'plans.target.explicit',
  interpolated: 'plans.target.interpolated',
  next: 'plans.target.next',
  carried: 'plans.target.carried',
};
export const targetKindKey = (kind: YearTarget['kind']) => TARGET_KIND_KEYS[kind];

const COMPARATOR: Record<YearTarget['comparator'], string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };
export const comparatorSign = (c: YearTarget['comparator']) => COMPARATOR[c];

/** A bar showing how far along the way to the target; the number is in the label, the bar is decoration. */
export function ProgressBar({ pct, status, label }: { pct: number | null; status: ProgressStatus; label: string }) {
  const fmt = useFormat();
  if (pct === null) return <span className="muted">—</span>;
  const width = Math.max(0, Math.min(100, pct));
  return (
    <span className="progress">
      <span className="progress__track" aria-hidden="true">
        <span className={`progress__fill progress__fill--${status}`} style={{ width: `${width}%` }} />
      </span>
      <span className="progress__text">
        <span className="visually-hidden">{label}: </span>
        {fmt.percent(pct, 0)}
      </span>
    </span>
  );
}

const REPORT_STATUS_KEYS: Record<ReportStatus, MessageKey> = {
  draft: 'reports.status.draft',
  reviewed: 'reports.status.reviewed',
  submitted: 'reports.status.submitted',
  returned: 'reports.status.returned',
};
export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const t = useT();
  return <span className={`badge badge--report-${status}`}>{t(REPORT_STATUS_KEYS[status])}</span>;
}

const TASK_STATUS_KEYS: Record<TaskStatus, MessageKey> = {
  not_started: 'programme.status.notStarted',
  in_progress: 'programme.status.inProgress',
  done: 'programme.status.done',
  cancelled: 'programme.status.cancelled',
};
export const taskStatusKey = (s: TaskStatus) => TASK_STATUS_KEYS[s];
export const TASK_STATUSES = Object.keys(TASK_STATUS_KEYS) as TaskStatus[];

const ROLE_KEYS: Record<TrainingRole, MessageKey> = {
  extension_officer: 'programme.role.extension_officer',
  technical_staff: 'programme.role.technical_staff',
  commune_officer: 'programme.role.commune_officer',
  manager: 'programme.role.manager',
  core_farmer: 'programme.role.core_farmer',
  farmer: 'programme.role.farmer',
  cooperative: 'programme.role.cooperative',
  enterprise: 'programme.role.enterprise',
  other: 'programme.role.other',
};
export const trainingRoleKey = (r: TrainingRole) => ROLE_KEYS[r];
export const TRAINING_ROLES = Object.keys(ROLE_KEYS) as TrainingRole[];

const SEASON_KEYS: Record<string, MessageKey> = {
  dong_xuan: 'dash.season.dong_xuan',
  he_thu: 'dash.season.he_thu',
  thu_dong: 'dash.season.thu_dong',
  xuan_he: 'dash.season.xuan_he',
  mua: 'dash.season.mua',
  other: 'dash.season.other',
};
export const SEASON_NAMES = Object.keys(SEASON_KEYS);
export function useSeasonName() {
  const t = useT();
  return (name: string) => (SEASON_KEYS[name] ? t(SEASON_KEYS[name]!) : name);
}

/** The plan's name in the current language. */
export function useLocalName() {
  const { lang } = useLang();
  return (o: { nameVi: string; nameEn: string }) => (lang === 'vi' ? o.nameVi : o.nameEn);
}

/** A definition list row (label: value), the layout of plan and report headers. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The current year in Vietnam (UTC+7, no daylight saving): the default year of plans and reports. */
export const thisYear = () => Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4));

/**
 * May this person change the plan (its header, indicators, targets, values, tasks)? The admin, and
 * the officers of its own unit; a province officer also the plans of the province's communes. The
 * server decides (plans.service.ts assertEditable); this only hides buttons that would be refused.
 */
export function mayEditPlan(user: SessionUser | null, plan: { provinceCode: string; communeCode: string | null } | null | undefined): boolean {
  if (!user || !plan || !can(user.role, 'plans:edit')) return false;
  if (user.role === 'admin') return true;
  return user.adminUnitCode === plan.provinceCode || (plan.communeCode !== null && user.adminUnitCode === plan.communeCode);
}
