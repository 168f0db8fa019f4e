/**
 * @dongxanh/methodology — the MRV methodology engine: pure functions over the calculation contract
 * (docs/mrv-calculation-contract.md) and a versioned, cited factor table. It owns the equations and
 * factors; it does not know about plots, diaries or databases (the server builds its inputs) and it
 * never reads a clock, a file or the network.
 */
export * from './factors.ts';
export type * from './types.ts';
export { InvalidInputError, parseCalculationInput, readScenario, type ParsedInput } from './validate.ts';
export { calculateScenario, nitrogenPerHa, organicAmendmentScalingFactor, canonicalWaterRegime, floodedRiceEf1 } from './scenario.ts';
export { compareScenarios } from './comparison.ts';
export { calculateCrediting } from './crediting.ts';
export { calculate, tryCalculate, type CalculationOutcome } from './calculate.ts';
