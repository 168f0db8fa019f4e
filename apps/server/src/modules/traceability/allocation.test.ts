import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allocateByMass, combine, harvestBurden, intensityOf, portionOf } from './allocation.ts';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);

describe('mass allocation through the chain', () => {
  // Two seasons: A harvested 6,000 kg for 4.2 t CO2e (0.7 kg/kg), B 4,000 kg for 2.0 t (0.5 kg/kg).
  const a = { seasonId: 'A', seasonHarvestedKg: 6000, seasonCo2eT: 4.2, seasonBaselineCo2eT: 6.0 };
  const b = { seasonId: 'B', seasonHarvestedKg: 4000, seasonCo2eT: 2.0, seasonBaselineCo2eT: 3.0 };

  it('a harvest lot carries each season\'s emissions by the share of its harvest drawn', () => {
    const lot = harvestBurden([{ ...a, massKg: 3000 }, { ...b, massKg: 4000 }]);
    close(lot.massKg, 7000);
    close(lot.co2eKg, 2100 + 2000);
    close(lot.baselineCo2eKg, 3000 + 3000);
    close(intensityOf(lot), 4100 / 7000);
    assert.deepEqual([...lot.origins], [['A', 3000], ['B', 4000]]);
  });

  it('aggregation adds, a split part keeps the intensity', () => {
    const one = harvestBurden([{ ...a, massKg: 6000 }]);
    const two = harvestBurden([{ ...b, massKg: 4000 }]);
    const all = combine([one, two]);
    close(intensityOf(all), 6200 / 10000);
    const part = portionOf(all, 2500);
    close(intensityOf(part), intensityOf(all));
    close(part.origins.get('A')!, 1500);
  });

  it('milling gives milled rice and by-products the same intensity; losses carry none', () => {
    const paddy = harvestBurden([{ ...a, massKg: 6000 }, { ...b, massKg: 4000 }]);
    // 10,000 kg paddy → 6,500 milled rice (0.65), 2,000 husk, 1,000 bran; 500 kg lost.
    const [rice, husk, bran] = allocateByMass(paddy, [{ massKg: 6500 }, { massKg: 2000, byProduct: true }, { massKg: 1000, byProduct: true }]) as [ReturnType<typeof portionOf>, ReturnType<typeof portionOf>, ReturnType<typeof portionOf>];
    close(rice.co2eKg + husk.co2eKg + bran.co2eKg, paddy.co2eKg);
    close(intensityOf(rice), intensityOf(bran));
    close(intensityOf(rice), (6200 / 10000) * (10000 / 9500));
    close(rice.origins.get('A')! + husk.origins.get('A')! + bran.origins.get('A')!, 6000);
    // For the label, the whole harvest stands behind the rice; by-products stand for none of it.
    close(rice.labelOrigins.get('A')!, 6000);
    close(husk.labelOrigins.get('A')!, 0);
  });
});
