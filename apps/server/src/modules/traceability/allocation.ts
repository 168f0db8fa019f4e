/**
 * How emissions and origins travel through the chain. One rule for every event:
 *
 * MASS ALLOCATION. A harvest lot carries, from each source plot-season, that season's emissions in
 * proportion to the mass it drew: co2e = Σ season co2e × (kg drawn / kg harvested in the season).
 * Any event that takes part of a lot takes the same share of its emissions and of its origins
 * (kg taken / lot mass). An event's outputs share everything its inputs brought by their mass:
 * output o gets (mass of o / total output mass). By-products recorded as outputs (bran, husk, broken
 * rice) get their mass share like the main product; mass that leaves the chain unrecorded (milling
 * loss, drying shrink) carries nothing, so its burden stays on the recorded outputs.
 *
 * Why mass, and why by-products take their share: ISO 14044:2006 §4.3.4.2 ranks allocation by an
 * underlying physical relationship (step 2) before allocation by economic value (step 3), and the GHG
 * Protocol Product Life Cycle Standard (2011, ch. 9) follows the same order; the EU PEF method and the
 * FAO LEAP guidelines also use physical allocation as the default where co-products share one process.
 * Bran and husk are sold (feed, fuel): giving them zero would load all paddy emissions onto the
 * milled rice and overstate its intensity relative to the by-products that also left the mill. The
 * consequence, stated on every lot: kg CO2e per kg is the same for the milled rice and its bran from
 * one milling, and equals the paddy's intensity × input mass / recorded output mass.
 *
 * The same shares are applied to the baseline emissions, so every product's intensity is compared
 * with the conventional baseline of exactly the seasons it came from.
 *
 * LABEL QUANTITY is tracked separately (`labelOrigins`): there the whole harvest that went into a
 * process stands behind its main products, by their mass, and by-products stand for none of it —
 * 1 kg of milled rice at a 0.65 ratio draws 1/0.65 kg of eligible paddy. A label can then never cover
 * more rice than the harvest it came from, whichever lots (paddy, rice, bags) are labelled.
 */

export const ALLOCATION_RULE =
  'Mass allocation (ISO 14044:2006 §4.3.4.2 step 2): a lot carries its source seasons\' emissions in proportion to the harvested mass it drew; every event passes them on by mass, by-products included; unrecorded losses carry none.';

export interface Burden {
  massKg: number;
  co2eKg: number;
  baselineCo2eKg: number;
  /** kg of each source season's harvested mass this amount of product stands for (mass allocation). */
  origins: Map<string, number>;
  /** kg of each source season's harvest a label on this product draws on (main products only). */
  labelOrigins: Map<string, number>;
}

export interface SeasonShare {
  seasonId: string;
  massKg: number;
  seasonHarvestedKg: number;
  seasonCo2eT: number;
  seasonBaselineCo2eT: number;
}

/** The burden of a harvest lot drawn from plot-seasons. */
export function harvestBurden(shares: readonly SeasonShare[]): Burden {
  const origins = new Map<string, number>();
  let massKg = 0;
  let co2eKg = 0;
  let baselineCo2eKg = 0;
  for (const s of shares) {
    const fraction = s.seasonHarvestedKg > 0 ? s.massKg / s.seasonHarvestedKg : 0;
    massKg += s.massKg;
    co2eKg += s.seasonCo2eT * 1000 * fraction;
    baselineCo2eKg += s.seasonBaselineCo2eT * 1000 * fraction;
    origins.set(s.seasonId, (origins.get(s.seasonId) ?? 0) + s.massKg);
  }
  return { massKg, co2eKg, baselineCo2eKg, origins, labelOrigins: new Map(origins) };
}

/** The part of a lot an event takes: the same share of its emissions and origins. */
export function portionOf(lot: Burden, takenKg: number): Burden {
  const share = lot.massKg > 0 ? takenKg / lot.massKg : 0;
  return {
    massKg: takenKg,
    co2eKg: lot.co2eKg * share,
    baselineCo2eKg: lot.baselineCo2eKg * share,
    origins: scale(lot.origins, share),
    labelOrigins: scale(lot.labelOrigins, share),
  };
}

const scale = (m: ReadonlyMap<string, number>, share: number) => new Map([...m].map(([season, kg]) => [season, kg * share]));
function sumInto(target: Map<string, number>, m: ReadonlyMap<string, number>) {
  for (const [season, kg] of m) target.set(season, (target.get(season) ?? 0) + kg);
}

/** Everything several inputs bring into one event. */
export function combine(parts: readonly Burden[]): Burden {
  const origins = new Map<string, number>();
  const labelOrigins = new Map<string, number>();
  for (const p of parts) {
    sumInto(origins, p.origins);
    sumInto(labelOrigins, p.labelOrigins);
  }
  return {
    massKg: parts.reduce((s, p) => s + p.massKg, 0),
    co2eKg: parts.reduce((s, p) => s + p.co2eKg, 0),
    baselineCo2eKg: parts.reduce((s, p) => s + p.baselineCo2eKg, 0),
    origins,
    labelOrigins,
  };
}

/**
 * The outputs of an event, each with its mass share of what came in; the label origins go to the main
 * products (byProduct false) by their mass share among main products.
 */
export function allocateByMass(input: Burden, outputs: ReadonlyArray<{ massKg: number; byProduct?: boolean }>): Burden[] {
  const total = outputs.reduce((s, o) => s + o.massKg, 0);
  const mainTotal = outputs.filter((o) => !o.byProduct).reduce((s, o) => s + o.massKg, 0);
  return outputs.map((o) => {
    const share = total > 0 ? o.massKg / total : 0;
    const labelShare = !o.byProduct && mainTotal > 0 ? o.massKg / mainTotal : 0;
    return {
      massKg: o.massKg,
      co2eKg: input.co2eKg * share,
      baselineCo2eKg: input.baselineCo2eKg * share,
      origins: scale(input.origins, share),
      labelOrigins: scale(input.labelOrigins, labelShare),
    };
  });
}

export const intensityOf = (b: { massKg: number; co2eKg: number }) => (b.massKg > 0 ? b.co2eKg / b.massKg : 0);
