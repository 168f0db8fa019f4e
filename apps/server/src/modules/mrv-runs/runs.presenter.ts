import type { ProjectResponse, RunResponse, RunSummary } from '@dongxanh/contracts';
import type { ProjectRow, RunRow } from './runs.repository.ts';
import { termsOf } from './runs.repository.ts';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function presentRunSummary(r: Omit<RunRow, 'inputSnapshot' | 'result'>): RunSummary {
  return {
    id: r.id, seasonId: r.seasonId, plotId: r.plotId, plotCode: r.plotCode, provinceCode: r.provinceCode, communeCode: r.communeCode,
    projectId: r.projectId, projectCode: r.projectCode ?? null, kind: r.kind, isCurrent: r.isCurrent, methodVersion: r.methodVersion,
    factorTableVersion: r.factorTableVersion, inputHash: r.inputHash, areaHa: r.areaHa, co2eTotalT: r.co2eTotalT, baselineCo2eT: r.baselineCo2eT,
    reductionTCo2e: r.reductionTco2e, reductionTCo2ePerHa: r.reductionTco2ePerHa, netErTCo2e: r.netErTco2e, jobId: r.jobId, supersededBy: r.supersededBy,
    createdBy: r.createdBy, createdAt: iso(r.createdAt),
  };
}

export const presentRun = (r: RunRow): RunResponse => ({ ...presentRunSummary(r), inputSnapshot: r.inputSnapshot, result: r.result });

export function presentProject(p: ProjectRow): ProjectResponse {
  return {
    id: p.id, code: p.code, name: p.name, provinceCode: p.provinceCode, methodology: p.methodology, gwpSet: p.gwpSet, uncertainty: p.uncertainty,
    baseline: termsOf(p).baseline, organisations: p.organisations, createdBy: p.createdBy, createdAt: iso(p.createdAt),
  };
}
