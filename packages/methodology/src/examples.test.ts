/**
 * The worked examples of ../shared/data/mrv-examples.json (methodology.md §10), run through the
 * library entry exactly as the contract describes: each number within
 * max(1e-6, 1e-6 × |expected|), keys that `expected` lacks not compared, error documents compared on
 * `error` and `message`.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tryCalculate } from './calculate.ts';

const EXAMPLES_URL = new URL('../../../../shared/data/mrv-examples.json', import.meta.url);

interface Example {
  id: string;
  kind: string;
  description: string;
  inputs: unknown;
  expected: unknown;
}

function readExamples(): Example[] {
  const parsed: unknown = JSON.parse(readFileSync(EXAMPLES_URL, 'utf8'));
  assert.ok(Array.isArray(parsed), 'mrv-examples.json is not an array');
  return parsed.map((item: unknown, i) => {
    assert.ok(isRecord(item), `item ${i} is not an object`);
    const { id, kind, description, inputs, expected } = item;
    assert.ok(typeof id === 'string' && typeof kind === 'string' && typeof description === 'string', `item ${i} lacks id/kind/description`);
    assert.ok(inputs !== undefined && expected !== undefined, `item ${id} lacks inputs or expected`);
    return { id, kind, description, inputs, expected };
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Compares every key present in `expected`, recursively; returns the differences found. */
function differences(actual: unknown, expected: unknown, path: string, out: string[] = []): string[] {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') out.push(`${path}: expected ${expected}, got ${JSON.stringify(actual)}`);
    else if (Math.abs(actual - expected) > Math.max(1e-6, 1e-6 * Math.abs(expected))) out.push(`${path}: expected ${expected}, got ${actual}`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) out.push(`${path}: expected an array, got ${JSON.stringify(actual)}`);
    else {
      if (actual.length !== expected.length) out.push(`${path}: expected ${expected.length} items, got ${actual.length}`);
      expected.forEach((e, i) => differences(actual[i], e, `${path}[${i}]`, out));
    }
  } else if (isRecord(expected)) {
    if (!isRecord(actual)) out.push(`${path}: expected an object, got ${JSON.stringify(actual)}`);
    else for (const [key, e] of Object.entries(expected)) differences(actual[key], e, path === '' ? key : `${path}.${key}`, out);
  } else if (actual !== expected) {
    out.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  return out;
}

const examples = readExamples();

describe('worked examples of mrv-examples.json', () => {
  it('the file holds examples', () => {
    assert.ok(examples.length > 0);
    assert.equal(new Set(examples.map((e) => e.id)).size, examples.length, 'duplicate example ids');
  });

  for (const example of examples) {
    it(`${example.id}: ${example.description}`, () => {
      const outcome = tryCalculate(example.inputs);
      const expected = example.expected;
      if (isRecord(expected) && 'error' in expected) {
        assert.ok(!outcome.ok, `expected ${JSON.stringify(expected)}, but the input was computed`);
        assert.equal(outcome.error.error, expected.error);
        assert.equal(outcome.error.message, expected.message);
        return;
      }
      assert.ok(outcome.ok, outcome.ok ? '' : `rejected: ${outcome.error.message}`);
      const diffs = differences(outcome.result, expected, '');
      assert.deepEqual(diffs, [], `${example.id} differs from the expected values:\n${diffs.join('\n')}`);
    });
  }
});
