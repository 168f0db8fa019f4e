import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { remaindersOf, selectSerials, serialRange } from './serials.ts';

const blocks = [
  { id: 'b2', serialStart: 51, serialEnd: 80 },
  { id: 'b1', serialStart: 1, serialEnd: 40 },
];

describe('serials', () => {
  it('formats a range that sorts as text', () => {
    assert.equal(serialRange('CTTL01', 2026, 1, 120), 'VN-DX-CTTL01-2026-000000001-000000120');
  });
  it('takes the lowest serials across blocks', () => {
    const s = selectSerials(blocks, 45);
    assert.ok(s.ok);
    assert.deepEqual(s.takes.map((t) => [t.block.id, t.start, t.end]), [['b1', 1, 40], ['b2', 51, 55]]);
    assert.deepEqual(remaindersOf(s.takes[1]!), [{ start: 56, end: 80 }]);
  });
  it('takes an exact range inside one block, leaving both sides', () => {
    const s = selectSerials(blocks, 10, 11);
    assert.ok(s.ok);
    assert.deepEqual(s.takes.map((t) => [t.block.id, t.start, t.end]), [['b1', 11, 20]]);
    assert.deepEqual(remaindersOf(s.takes[0]!), [{ start: 1, end: 10 }, { start: 21, end: 40 }]);
  });
  it('refuses a range with a serial that is not active here', () => {
    assert.deepEqual(selectSerials(blocks, 20, 35), { ok: false, available: 70 });
    assert.deepEqual(selectSerials(blocks, 71), { ok: false, available: 70 });
  });
});
