/**
 * The published worked examples (../shared/data/mrv-examples.json, methodology.md §10) and the
 * contract's comparison rule: each number within max(1e-6, 1e-6 × |expected|), keys that `expected`
 * lacks not compared. Shared by the library, HTTP and CLI tests; not part of the library itself.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

export const EXAMPLES_URL = new URL('../../../../shared/data/mrv-examples.json', import.meta.url);

export interface Example {
  id: string;
  kind: string;
  description: string;
  inputs: unknown;
  expected: unknown;
}

export function readExamples(): Example[] {
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

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Compares every key present in `expected`, recursively; returns the differences found. */
export function differences(actual: unknown, expected: unknown, path: string, out: string[] = []): string[] {
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


/** Asserts that an outcome (a result, or an error document) matches a published example. */
export function assertMatchesExample(example: Example, actual: unknown) {
  const expected = example.expected;
  if (isRecord(expected) && 'error' in expected) {
    assert.ok(isRecord(actual) && 'error' in actual, `${example.id}: expected ${JSON.stringify(expected)}, but the input was computed`);
    assert.equal(actual.error, expected.error);
    assert.equal(actual.message, expected.message);
    return;
  }
  const diffs = differences(actual, expected, '');
  assert.deepEqual(diffs, [], `${example.id} differs from the expected values:\n${diffs.join('\n')}`);
}
