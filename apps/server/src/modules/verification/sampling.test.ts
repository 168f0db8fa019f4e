import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { drawSample, sampleSize } from './sampling.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

describe('field-check sample', () => {
  it('sizes the sample by the square root, at least 5, never more than the population', () => {
    assert.deepEqual([0, 1, 3, 5, 20, 25, 26, 100, 1000].map(sampleSize), [0, 1, 3, 5, 5, 5, 6, 10, 32]);
  });
  it('draws the same plots from the same seed, whatever the input order', () => {
    const population = ids(20);
    const a = drawSample(population, 123456);
    const b = drawSample([...population].reverse(), 123456);
    assert.deepEqual(a, b);
    assert.equal(a.length, 5);
    assert.equal(new Set(a).size, 5);
    for (const id of a) assert.ok(population.includes(id));
  });
  it('draws other plots from another seed', () => {
    assert.notDeepEqual(drawSample(ids(400), 1), drawSample(ids(400), 2));
  });
  it('gives every plot about the same chance', () => {
    const population = ids(20);
    const hits = new Map<string, number>();
    for (let seed = 1; seed <= 4000; seed++) for (const id of drawSample(population, seed)) hits.set(id, (hits.get(id) ?? 0) + 1);
    // Expected 4000 × 5/20 = 1000 per plot; allow ±15 %.
    for (const id of population) assert.ok(Math.abs(hits.get(id)! - 1000) < 150, `${id}: ${hits.get(id)}`);
  });
});
