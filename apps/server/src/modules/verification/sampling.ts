/**
 * The verifier's field-check sample, drawn at random but reproducibly: the seed is stored with the
 * submission, and the same seed over the same population always draws the same plots.
 *
 * Size: n = min(N, max(5, ⌈√N⌉)) plot-seasons out of N. The square root of the population, rounded
 * up, is the external-inspection sample of group certification (GLOBALG.A.P. General Regulations
 * Part II for producer groups; JGAP/ASIAGAP FAQ 1045: "⌈√N⌉ sites"; organic group certification uses
 * r·√N with a risk factor r ≥ 1, see Benzing & Piepho 2021, Organic Farming 7(1):7–25). The minimum of
 * 5 is ours, so that a small cooperative still gets a meaningful field check; a verifier who sees risk
 * can check more plots than the sample (findings may be recorded for sampled plots only, the rest of
 * the evidence is open to them).
 *
 * Draw: the population sorted by season id, then a Fisher–Yates shuffle driven by mulberry32(seed),
 * whose first n positions are the sample.
 */
export const SAMPLE_MINIMUM = 5;
export const SAMPLE_RULE = `n = min(N, max(${SAMPLE_MINIMUM}, ceil(sqrt(N)))); square-root rule of group-certification external inspection (GLOBALG.A.P. GR Part II; JGAP/ASIAGAP), minimum ${SAMPLE_MINIMUM}; mulberry32(seed) Fisher–Yates over season ids sorted ascending`;

export function sampleSize(population: number): number {
  if (population <= 0) return 0;
  return Math.min(population, Math.max(SAMPLE_MINIMUM, Math.ceil(Math.sqrt(population))));
}

/** mulberry32: a small, well-mixed 32-bit PRNG; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function drawSample(seasonIds: readonly string[], seed: number): string[] {
  const population = [...seasonIds].sort();
  const n = sampleSize(population.length);
  const random = mulberry32(seed);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (population.length - i));
    [population[i], population[j]] = [population[j]!, population[i]!];
  }
  return population.slice(0, n);
}
