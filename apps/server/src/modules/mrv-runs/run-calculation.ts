/**
 * Computing a run document with the engine, and checking a stored run by recomputing it. Pure apart
 * from the engine (itself pure): the same snapshot always gives the same result, which is what makes
 * a stored run verifiable by anyone (architecture.md §3.4).
 */
import { calculate, InvalidInputError, type CalculationResult } from '@dongxanh/methodology';
import { DomainError } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';
import { canonicalHash, canonicalJson } from '../audit/index.ts';
import type { RunDocument } from './build-inputs.ts';

export interface ComputedRun {
  kind: RunDocument['kind'];
  snapshot: unknown;
  inputHash: string;
  result: CalculationResult;
  methodVersion: string;
  factorTableVersion: string;
  co2eTotalT: number;
  baselineCo2eT: number | null;
  reductionTco2e: number | null;
  netErTco2e: number | null;
}

/** The numbers a run row keeps beside its result, read from the engine's result document. */
export function headlineOf(result: CalculationResult) {
  switch (result.kind) {
    case 'crediting':
      return { co2eTotalT: result.comparison.project.co2e_total_t, baselineCo2eT: result.comparison.baseline.co2e_total_t, reductionTco2e: result.comparison.reduction_t_co2e, netErTco2e: result.crediting.net_er_t_co2e };
    case 'comparison':
      return { co2eTotalT: result.project.co2e_total_t, baselineCo2eT: result.baseline.co2e_total_t, reductionTco2e: result.reduction_t_co2e, netErTco2e: null };
    case 'scenario':
      return { co2eTotalT: result.co2e_total_t, baselineCo2eT: null, reductionTco2e: null, netErTco2e: null };
  }
}

export function computeRun(kind: RunDocument['kind'], document: unknown): ComputedRun {
  // The snapshot is the document as JSON reads it back (no undefined keys), so its hash is stable.
  const snapshot: unknown = JSON.parse(JSON.stringify(document));
  let result: CalculationResult;
  try {
    result = calculate(snapshot);
  } catch (err) {
    if (err instanceof InvalidInputError) {
      const doc = err.toDocument();
      throw new DomainError('rule_violated', message('runs.invalidInput', { reason: doc.message }), { errors: [{ path: doc.field, message: doc.message }] });
    }
    throw err;
  }
  return { kind, snapshot, inputHash: canonicalHash(snapshot), result, methodVersion: result.method_version, factorTableVersion: result.factor_table_version, ...headlineOf(result) };
}

/** Leaf paths where two JSON documents differ (values compared by their canonical JSON). */
export function jsonDifferences(a: unknown, b: unknown, path = '$', out: string[] = [], limit = 50): string[] {
  if (out.length >= limit) return out;
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
  if (isObj(a) && isObj(b) && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of [...keys].sort()) jsonDifferences(a[k], b[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`, out, limit);
    return out;
  }
  if ((a === undefined ? 'undefined' : canonicalJson(a)) !== (b === undefined ? 'undefined' : canonicalJson(b))) out.push(path);
  return out;
}
