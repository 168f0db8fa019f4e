import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newClientId } from './ids.ts';

test('client ids are v4 UUIDs, also where crypto.randomUUID is missing (plain HTTP)', () => {
  const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  assert.match(newClientId(), v4);
  const original = crypto.randomUUID;
  Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
  try {
    const ids = new Set(Array.from({ length: 1000 }, newClientId));
    assert.equal(ids.size, 1000);
    for (const id of ids) assert.match(id, v4);
  } finally {
    Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
  }
});
