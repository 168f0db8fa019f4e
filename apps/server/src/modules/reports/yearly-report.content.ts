/**
 * The yearly report's content, generated from the data (capability 11): one row per plan indicator
 * with its target for the year, the value and where it comes from (computed from N seasons, or
 * entered with its source), status and progress; the rows of the plan's own tables; what the
 * records show per commune (province) or per crop and season (commune); the plan's tasks with the
 * overdue ones; training and land consolidation of the year; and, for a province, the communes'
 * submitted reports with their figures. Pure: the service gathers the inputs.
 */
import type { ReportDocument, ReportTable } from '@dongxanh/contracts';
import type { planProgress } from '../plans/plans.service.ts';
import { CONSOLIDATION_KINDS, localised as l, REPORT_STATUS, SEASON_NAMES, STATUS, TARGET_KIND, TASK_STATUS, TRAINING_ROLES, unitLabel } from './labels.ts';

type Progress = Awaited<ReturnType<typeof planProgress>>;

export interface FieldRow {
  label: { vi: string; en: string };
  seasonCount: number;
  areaHa: number;
  lowEmissionSharePct: number | null;
  awdSharePct: number | null;
  seedRateKgPerHa: number | null;
  chemicalNKgPerHa: number | null;
  strawCollectedPct: number | null;
  postHarvestLossPct: number | null;
  mechanisationPct: number | null;
  projectCo2eT: number;
  ghgReductionPct: number | null;
}

export interface YearlyReportInputs {
  plan: { code: string; nameVi: string; nameEn: string; issuingBody: string; legalBasis: string | null; decisionNumber: string | null };
  unit: { code: string; name: string; level: 'province' | 'commune' };
  year: number;
  dueOn: string;
  version: number;
  generatedAt: Date;
  generatedByName: string;
  progress: Progress;
  field: { by: 'commune' | 'crop_season'; rows: FieldRow[] };
  tasks: ReadonlyArray<{ code: string; title: string; leadAgency: string; deadlineText: string; currentDueOn: string | null; status: string; overdue: boolean; daysOverdue: number | null; latestNote: { note: string; notedAt: string } | null }> | null;
  training: ReadonlyArray<{ heldOn: string; topic: string; place: string; trainer: string; unitName: string; attendance: ReadonlyArray<{ role: string; count: number }> }>;
  consolidations: ReadonlyArray<{ agreedOn: string; communeName: string; kind: string; fromParty: string; toParty: string; areaHa: number }>;
  /** Province reports: the communes' reports (latest submitted version's figures where there is one). */
  communeReports: ReadonlyArray<{ communeCode: string; communeName: string; status: string | null; version: number | null; submittedAt: string | null; figures: ReadonlyMap<string, number | null> }> | null;
}

const date = (iso: string | null) => (iso ? { date: iso.slice(0, 10) } : null);

function basisText(p: Progress[number]['progress'][number]): { vi: string; en: string } | null {
  if (p.actualKind === 'computed' && p.computed) {
    const b = p.computed.basis;
    if (b.seasons > 0) return l(`Tính từ ${b.seasons.toLocaleString('vi-VN')} vụ, ${b.areaHa.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} ha (nhật ký, MRV)`, `Computed from ${b.seasons.toLocaleString('en-GB')} seasons, ${b.areaHa.toLocaleString('en-GB', { maximumFractionDigits: 1 })} ha (diaries, MRV)`);
    const plots = ['cultivated_area_ha', 'low_emission_cultivated_area_ha', 'digital_diary_share_pct'].includes(p.computed.computation);
    return plots
      ? l(`Tính từ ${b.records.toLocaleString('vi-VN')} thửa, ${b.areaHa.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} ha`, `Computed from ${b.records.toLocaleString('en-GB')} plots, ${b.areaHa.toLocaleString('en-GB', { maximumFractionDigits: 1 })} ha`)
      : l(`Tính từ ${b.records.toLocaleString('vi-VN')} hồ sơ`, `Computed from ${b.records.toLocaleString('en-GB')} records`);
  }
  if (p.actualKind === 'entered' && p.entered) return l(`Nhập: ${p.entered.source}`, `Entered: ${p.entered.source}`);
  if (p.computed?.missing) return l('Chưa tính được: thiếu số liệu', `Not computable: ${p.computed.missing}`);
  return null;
}

export function buildYearlyReport(i: YearlyReportInputs): ReportDocument {
  const sections: ReportTable[] = [];

  sections.push({
    id: 'indicators',
    title: l(`I. Kết quả thực hiện các chỉ tiêu năm ${i.year}`, `I. Indicators in ${i.year}`),
    note: l(
      'Giá trị “tính từ” được tính từ nhật ký đồng ruộng và kết quả MRV trên nền tảng; giá trị “nhập” kèm nguồn. Chỉ tiêu của năm không có trong kế hoạch được nội suy tuyến tính giữa các mốc.',
      'Values "computed from" come from the farming diaries and MRV results on the platform; "entered" values carry their source. Targets of years the plan does not name are interpolated between its milestones.',
    ),
    columns: [
      { key: 'code', label: l('Mã', 'Code'), kind: 'text' },
      { key: 'name', label: l('Chỉ tiêu', 'Indicator'), kind: 'text' },
      { key: 'unit', label: l('Đơn vị', 'Unit'), kind: 'text' },
      { key: 'target', label: l(`Chỉ tiêu ${i.year}`, `Target ${i.year}`), kind: 'number', digits: 1 },
      { key: 'targetKind', label: l('Căn cứ chỉ tiêu', 'Target basis'), kind: 'text' },
      { key: 'actual', label: l('Thực hiện', 'Actual'), kind: 'number', digits: 1 },
      { key: 'basis', label: l('Nguồn số liệu', 'Source of the figure'), kind: 'text' },
      { key: 'status', label: l('Đánh giá', 'Assessment'), kind: 'text' },
      { key: 'progress', label: l('Tiến độ', 'Progress'), kind: 'percent', digits: 0 },
    ],
    rows: i.progress.map((ind) => {
      const p = ind.progress[0]!;
      const unit = unitLabel(ind.unit);
      const targetKind = p.target ? l(`${p.target.asWritten ?? ''}${p.target.asWritten ? ' — ' : ''}${TARGET_KIND[p.target.kind]!.vi}${p.target.towards ? ` (${p.target.towards.year})` : ''}`, `${p.target.asWritten ?? ''}${p.target.asWritten ? ' — ' : ''}${TARGET_KIND[p.target.kind]!.en}${p.target.towards ? ` (${p.target.towards.year})` : ''}`) : null;
      return {
        code: ind.code,
        name: l(ind.nameVi, ind.nameEn),
        unit,
        target: p.target?.value ?? null,
        targetKind,
        actual: p.actual,
        basis: basisText(p),
        status: STATUS[p.status]!,
        progress: p.progressPct,
      };
    }),
  });

  const tableRows = i.progress.flatMap((ind) => ind.progress.slice(1).map((p) => ({ ind, p })));
  if (tableRows.length) {
    sections.push({
      id: 'breakdowns',
      title: l('II. Chỉ tiêu theo địa bàn (bảng của kế hoạch)', 'II. Indicators by area (the plan\'s own tables)'),
      columns: [
        { key: 'code', label: l('Mã', 'Code'), kind: 'text' },
        { key: 'name', label: l('Chỉ tiêu', 'Indicator'), kind: 'text' },
        { key: 'breakdown', label: l('Địa bàn', 'Area'), kind: 'text' },
        { key: 'unit', label: l('Đơn vị', 'Unit'), kind: 'text' },
        { key: 'target', label: l(`Chỉ tiêu ${i.year}`, `Target ${i.year}`), kind: 'number', digits: 0 },
        { key: 'actual', label: l('Thực hiện', 'Actual'), kind: 'number', digits: 0 },
        { key: 'status', label: l('Đánh giá', 'Assessment'), kind: 'text' },
      ],
      rows: tableRows.map(({ ind, p }) => ({ code: ind.code, name: l(ind.nameVi, ind.nameEn), breakdown: p.breakdown, unit: unitLabel(ind.unit), target: p.target?.value ?? null, actual: p.actual, status: STATUS[p.status]! })),
    });
  }

  sections.push({
    id: 'field',
    title: i.field.by === 'commune' ? l('III. Kết quả trên đồng ruộng theo xã', 'III. In the fields, by commune') : l('III. Kết quả trên đồng ruộng theo cây trồng và mùa vụ', 'III. In the fields, by crop and season'),
    note: l('Từ nhật ký đồng ruộng số và kết quả MRV (IPCC 2019, GWP AR5); giảm phát thải so với cùng vụ ngập liên tục.', 'From the digital farming diaries and MRV results (IPCC 2019, GWP AR5); reduction against the same season continuously flooded.'),
    columns: [
      { key: 'label', label: i.field.by === 'commune' ? l('Xã', 'Commune') : l('Cây trồng, vụ', 'Crop, season'), kind: 'text' },
      { key: 'seasons', label: l('Số vụ', 'Seasons'), kind: 'integer' },
      { key: 'area', label: l('Diện tích (ha)', 'Area (ha)'), kind: 'number', digits: 1 },
      { key: 'lowEmission', label: l('Canh tác giảm phát thải', 'Low-emission practice'), kind: 'percent', digits: 1 },
      { key: 'awd', label: l('Ướt khô xen kẽ', 'AWD'), kind: 'percent', digits: 1 },
      { key: 'seed', label: l('Giống (kg/ha)', 'Seed (kg/ha)'), kind: 'number', digits: 1 },
      { key: 'n', label: l('Đạm vô cơ (kg N/ha)', 'Synthetic N (kg N/ha)'), kind: 'number', digits: 1 },
      { key: 'straw', label: l('Rơm thu gom', 'Straw collected'), kind: 'percent', digits: 1 },
      { key: 'loss', label: l('Thất thoát sau thu hoạch', 'Post-harvest loss'), kind: 'percent', digits: 1 },
      { key: 'mech', label: l('Cơ giới hoá đồng bộ', 'Synchronous mechanisation'), kind: 'percent', digits: 1 },
      { key: 'co2e', label: l('Phát thải (t CO2tđ)', 'Emissions (t CO2e)'), kind: 'number', digits: 1 },
      { key: 'reduction', label: l('Giảm phát thải', 'GHG reduction'), kind: 'percent', digits: 1 },
    ],
    rows: i.field.rows.map((r) => ({
      label: r.label, seasons: r.seasonCount, area: r.areaHa, lowEmission: r.lowEmissionSharePct, awd: r.awdSharePct, seed: r.seedRateKgPerHa, n: r.chemicalNKgPerHa,
      straw: r.strawCollectedPct, loss: r.postHarvestLossPct, mech: r.mechanisationPct, co2e: r.projectCo2eT, reduction: r.ghgReductionPct,
    })),
  });

  if (i.communeReports) {
    // The computed indicators that have a value for the province: the communes' figures of the same measures.
    const codes = i.progress.filter((ind) => ind.computation.startsWith('computed:') && ind.progress[0]?.actual !== null).slice(0, 6);
    sections.push({
      id: 'communes',
      title: l('IV. Báo cáo của các xã, phường', 'IV. The communes\' reports'),
      note: l('Số liệu lấy từ phiên bản đã gửi mới nhất của báo cáo mỗi xã (đã khoá, không thay đổi).', 'Figures from the latest submitted (frozen) version of each commune\'s report.'),
      columns: [
        { key: 'commune', label: l('Xã, phường', 'Commune'), kind: 'text' },
        { key: 'status', label: l('Trạng thái', 'Status'), kind: 'text' },
        { key: 'version', label: l('Phiên bản', 'Version'), kind: 'integer' },
        { key: 'submittedAt', label: l('Ngày gửi', 'Submitted on'), kind: 'date' },
        ...codes.map((ind, n) => ({ key: `c${n}`, label: l(`${ind.code} (${unitLabel(ind.unit).vi})`, `${ind.code} (${unitLabel(ind.unit).en})`), kind: 'number' as const, digits: 1 })),
      ],
      rows: i.communeReports.map((c) => ({
        commune: c.communeName,
        status: c.status ? REPORT_STATUS[c.status]! : l('Chưa lập báo cáo', 'No report yet'),
        version: c.version,
        submittedAt: date(c.submittedAt),
        ...Object.fromEntries(codes.map((ind, n) => [`c${n}`, c.figures.get(ind.code) ?? null])),
      })),
    });
  }

  if (i.tasks) {
    sections.push({
      id: 'tasks',
      title: l('V. Tình hình thực hiện nhiệm vụ', 'V. Tasks'),
      columns: [
        { key: 'code', label: l('STT', 'No.'), kind: 'text' },
        { key: 'title', label: l('Nhiệm vụ', 'Task'), kind: 'text' },
        { key: 'lead', label: l('Cơ quan chủ trì', 'Lead agency'), kind: 'text' },
        { key: 'deadline', label: l('Thời gian hoàn thành', 'Deadline'), kind: 'text' },
        { key: 'dueOn', label: l('Hạn', 'Due'), kind: 'date' },
        { key: 'status', label: l('Trạng thái', 'Status'), kind: 'text' },
        { key: 'overdue', label: l('Quá hạn (ngày)', 'Overdue (days)'), kind: 'integer' },
        { key: 'note', label: l('Ghi chú tiến độ', 'Progress note'), kind: 'text' },
      ],
      rows: i.tasks.map((t) => ({
        code: t.code, title: t.title, lead: t.leadAgency, deadline: t.deadlineText, dueOn: date(t.currentDueOn), status: TASK_STATUS[t.status]!,
        overdue: t.overdue ? t.daysOverdue : null, note: t.latestNote ? `${t.latestNote.note} (${t.latestNote.notedAt.slice(8, 10)}/${t.latestNote.notedAt.slice(5, 7)}/${t.latestNote.notedAt.slice(0, 4)})` : null,
      })),
    });
  }

  sections.push({
    id: 'training',
    title: l(`VI. Đào tạo, tập huấn năm ${i.year}`, `VI. Training in ${i.year}`),
    columns: [
      { key: 'heldOn', label: l('Ngày', 'Date'), kind: 'date' },
      { key: 'topic', label: l('Nội dung', 'Topic'), kind: 'text' },
      { key: 'place', label: l('Địa điểm', 'Place'), kind: 'text' },
      { key: 'trainer', label: l('Giảng viên', 'Trainer'), kind: 'text' },
      { key: 'attendees', label: l('Thành phần tham dự', 'Attendees'), kind: 'text' },
      { key: 'total', label: l('Tổng số', 'Total'), kind: 'integer' },
    ],
    rows: i.training.map((e) => ({
      heldOn: date(e.heldOn), topic: e.topic, place: `${e.place} (${e.unitName})`, trainer: e.trainer,
      attendees: l(e.attendance.map((a) => `${TRAINING_ROLES[a.role]!.vi}: ${a.count}`).join('; '), e.attendance.map((a) => `${TRAINING_ROLES[a.role]!.en}: ${a.count}`).join('; ')),
      total: e.attendance.reduce((s, a) => s + a.count, 0),
    })),
  });

  sections.push({
    id: 'consolidation',
    title: l(`VII. Tích tụ, tập trung đất nông nghiệp năm ${i.year}`, `VII. Farmland consolidation in ${i.year}`),
    columns: [
      { key: 'agreedOn', label: l('Ngày', 'Date'), kind: 'date' },
      { key: 'commune', label: l('Xã', 'Commune'), kind: 'text' },
      { key: 'kind', label: l('Hình thức', 'Form'), kind: 'text' },
      { key: 'from', label: l('Bên giao', 'From'), kind: 'text' },
      { key: 'to', label: l('Bên nhận', 'To'), kind: 'text' },
      { key: 'area', label: l('Diện tích (ha)', 'Area (ha)'), kind: 'number', digits: 2 },
    ],
    rows: i.consolidations.map((c) => ({ agreedOn: date(c.agreedOn), commune: c.communeName, kind: CONSOLIDATION_KINDS[c.kind]!, from: c.fromParty, to: c.toParty, area: c.areaHa })),
  });

  return {
    kind: 'yearly_report',
    title: l(`Báo cáo kết quả thực hiện kế hoạch năm ${i.year}`, `Implementation report ${i.year}`),
    subtitle: l(`${i.unit.name} — ${i.plan.nameVi}`, `${i.unit.name} — ${i.plan.nameEn}`),
    meta: [
      { label: l('Kế hoạch', 'Plan'), value: l(i.plan.nameVi, i.plan.nameEn) },
      { label: l('Cơ quan ban hành', 'Issued by'), value: i.plan.issuingBody },
      { label: l('Căn cứ', 'Legal basis'), value: i.plan.legalBasis },
      { label: l('Đơn vị báo cáo', 'Reporting unit'), value: `${i.unit.name} (${i.unit.code})` },
      { label: l('Năm báo cáo', 'Year'), value: String(i.year) },
      { label: l('Hạn gửi báo cáo', 'Due'), value: { date: i.dueOn } },
      { label: l('Phiên bản', 'Version'), value: i.version },
      { label: l('Lập ngày', 'Generated on'), value: { date: i.generatedAt.toISOString().slice(0, 10) } },
      { label: l('Người lập', 'Generated by'), value: i.generatedByName },
    ],
    sections,
    generatedAt: i.generatedAt.toISOString(),
  };
}

/** The computed figures of a submitted report, by indicator code (for the province's summary of its communes). */
export function figuresOfReport(content: ReportDocument): Map<string, number | null> {
  const section = content.sections.find((s) => s.id === 'indicators');
  const out = new Map<string, number | null>();
  for (const row of section?.rows ?? []) if (typeof row.code === 'string') out.set(row.code, typeof row.actual === 'number' ? row.actual : null);
  return out;
}

export { SEASON_NAMES };
