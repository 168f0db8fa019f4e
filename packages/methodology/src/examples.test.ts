/**
 * The worked examples of ../shared/data/mrv-examples.json (methodology.md §10), run through the
 * library entry exactly as the contract describes: each number within
 * max(1e-6, 1e-6 × |expected|), keys that `expected` lacks not compared, error documents compared on
 * `error` and `message`.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tryCalculate } from './calculate.ts';
import { assertMatchesExample, readExamples } from '../testing/published-examples.ts';

const examples = readExamples();

describe('worked examples of mrv-examples.json', () => {
  it('the file holds examples', () => {
    assert.ok(examples.length > 0);
    assert.equal(new Set(examples.map((e) => e.id)).size, examples.length, 'duplicate example ids');
  });

  for (const example of examples) {
    it(`${example.id}: ${example.description}`, () => {
      const outcome = tryCalculate(example.inputs);
      assertMatchesExample(example, outcome.ok ? outcome.result : outcome.error);
    });
  }
});
