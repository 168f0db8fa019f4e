import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from './en.ts';
import { vi, type MessageKey } from './vi.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('English has the same placeholders as Vietnamese for every message, and no empty text', () => {
  for (const key of Object.keys(vi) as MessageKey[]) {
    assert.ok(vi[key].trim() !== '' && en[key].trim() !== '', `${key} is empty`);
    assert.deepEqual(placeholders(en[key]), placeholders(vi[key]), `placeholders of ${key}`);
  }
});

test('the role and organisation-kind names the product fixes are used verbatim', () => {
  assert.equal(vi['role.coop_manager'], 'Quản lý HTX');
  assert.equal(vi['role.verifier'], 'Thẩm định viên');
  assert.equal(vi['orgKind.verifier'], 'Tổ chức thẩm định');
  assert.equal(vi['water.awd'], 'Tưới ướt khô xen kẽ (AWD)');
  assert.equal(vi['calc.factors'], 'Hệ số đã dùng');
});
