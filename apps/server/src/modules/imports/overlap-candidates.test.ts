import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BoxIndex, boxOf } from './overlap-candidates.ts';
import { rectangleRing } from './import-fixtures.ts';

const box = (lon: number, lat: number, w: number, h = w) => boxOf([[rectangleRing(lon, lat, w, h)]]);
const metresEast = (m: number, lat = 10) => m / (111_320 * Math.cos((lat * Math.PI) / 180));

describe('overlap candidates', () => {
  it('pairs boxes that share area, not boxes that only touch or share less than 0.5 m²', () => {
    const index = new BoxIndex();
    index.add(1, box(105.5, 10, 50));
    assert.deepEqual(index.candidatesFor(box(105.5 + metresEast(25), 10, 50)), [1], 'half over row 1');
    assert.deepEqual(index.candidatesFor(box(105.5 + metresEast(50), 10, 50)), [], 'touching along a bund');
    // 0.2 m × 1 m of shared box: an overlap of more than 1 m² is impossible
    assert.deepEqual(index.candidatesFor(boxOf([[rectangleRing(105.5 + metresEast(49.8), 10 + 49 / 110_574, 10, 10)]])), []);
  });

  it('finds candidates across grid cells and for plots of several km²', () => {
    const index = new BoxIndex();
    for (let i = 0; i < 100; i++) index.add(i + 1, box(105.5 + metresEast(i * 60), 10, 50));
    const big = box(105.49, 9.99, 8000); // about 105.49–105.563°E: over all 100 plots
    assert.equal(index.candidatesFor(big).length, 100);
    index.add(1000, big);
    assert.deepEqual(index.candidatesFor(box(105.52, 10.02, 10)), [1000]);
    assert.ok(index.tiles().length >= 1);
  });
});
