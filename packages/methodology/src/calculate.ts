/** The library entry of the calculator: the CLI and `POST /api/v1/mrv/calculate` both call this. */
import { calculateCrediting } from './crediting.ts';
import { compareScenarios } from './comparison.ts';
import { calculateScenario } from './scenario.ts';
import type { CalculationResult, InvalidInputDocument } from './types.ts';
import { InvalidInputError, parseCalculationInput } from './validate.ts';

/** Validates a contract document and computes it; throws InvalidInputError on invalid input. */
export function calculate(raw: unknown): CalculationResult {
  const parsed = parseCalculationInput(raw);
  switch (parsed.kind) {
    case 'scenario':
      return calculateScenario(parsed.input);
    case 'comparison':
      return compareScenarios(parsed.input);
    case 'crediting':
      return calculateCrediting(parsed.input);
  }
}

export type CalculationOutcome = { ok: true; result: CalculationResult } | { ok: false; error: InvalidInputDocument };

/** Like `calculate`, but returns the contract's error document instead of throwing. */
export function tryCalculate(raw: unknown): CalculationOutcome {
  try {
    return { ok: true, result: calculate(raw) };
  } catch (err) {
    if (err instanceof InvalidInputError) return { ok: false, error: err.toDocument() };
    throw err;
  }
}
