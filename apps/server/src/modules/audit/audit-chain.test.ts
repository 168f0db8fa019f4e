import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson } from './canonical-json.ts';
import { checkChain, entryHash, GENESIS_HASH, type StoredAuditEntry } from './audit-chain.ts';

function chain(n: number): StoredAuditEntry[] {
  const out: StoredAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content = { seq: i * 2, at: new Date(Date.UTC(2026, 2, i)), actor: 'u1', action: 'submission.submitted', entity: 'submission', entityId: `s${i}`, provinceCode: '92', payload: { n: i, reason: 'Lý do' } };
    const hash = entryHash(prev, content);
    out.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 'ế' }], c: undefined } }), '{"a":{"d":[1,{"y":"ế","z":1}]},"b":1}');
  });
  it('refuses numbers JSON cannot carry', () => {
    assert.throws(() => canonicalJson({ x: Number.NaN }), /not a JSON number/);
  });
});

describe('audit chain', () => {
  it('accepts an intact chain (with gaps in seq) across batches', () => {
    const entries = chain(6);
    const state = { prevHash: GENESIS_HASH };
    assert.equal(checkChain(entries.slice(0, 3), state), null);
    assert.equal(checkChain(entries.slice(3), state), null);
    assert.equal(state.prevHash, entries[5]!.hash);
  });
  it('finds a changed payload at that entry', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, payload: { n: 99, reason: 'Lý do' } };
    const broken = checkChain(entries, { prevHash: GENESIS_HASH });
    assert.equal(broken?.seq, 6);
    assert.match(broken!.reason, /content/);
  });
  it('finds a removed entry at the next one', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    const broken = checkChain(entries, { prevHash: GENESIS_HASH });
    assert.equal(broken?.seq, 6);
    assert.match(broken!.reason, /prev_hash/);
  });
});
