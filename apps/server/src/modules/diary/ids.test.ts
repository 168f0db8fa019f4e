import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, payloadHash, uuidV5 } from './ids.ts';

describe('idempotency ids and hashes', () => {
  it('makes RFC 4122 version-5 UUIDs (the well-known vector: DNS namespace, www.example.com)', () => {
    assert.equal(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
  it('hashes payloads independently of key order, and ignores absent keys', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } }), '{"a":{"d":[1,{"x":1,"y":2}]},"b":1}');
    assert.equal(payloadHash({ type: 'sowing', details: { seedRateKgPerHa: 90, method: 'direct_seeding_drum' } }), payloadHash({ details: { method: 'direct_seeding_drum', seedRateKgPerHa: 90 }, type: 'sowing' }));
    assert.notEqual(payloadHash({ levelCm: -3 }), payloadHash({ levelCm: -9 }));
  });
});
