import assert from 'node:assert/strict';
import { test } from 'node:test';
import { differences, diffVersions, flatten } from './conflict-diff.ts';

test('a changed reading shows the changed level and the unchanged tube', () => {
  const rows = diffVersions(
    { occurredOn: '2026-05-20', details: { tubeId: 'ONG-1', levelCm: -15 } },
    { occurredOn: '2026-05-20', details: { tubeId: 'ONG-1', levelCm: -4 } },
  );
  assert.deepEqual(rows, [
    { path: 'occurredOn', mine: '2026-05-20', server: '2026-05-20', same: true },
    { path: 'tubeId', mine: 'ONG-1', server: 'ONG-1', same: true },
    { path: 'levelCm', mine: -15, server: -4, same: false },
  ]);
  assert.deepEqual(differences(rows).map((r) => r.path), ['levelCm']);
});

test('fields only one side has are listed, the person’s last', () => {
  const rows = diffVersions(
    { occurredOn: '2026-05-21', details: { productCode: 'urea', amount: 50, amountUnit: 'kg_per_ha', notes: 'bón thúc' } },
    { occurredOn: '2026-05-20', details: { productCode: 'urea', amount: 45, amountUnit: 'kg_per_ha', growthStage: 'Đẻ nhánh' } },
  );
  assert.deepEqual(rows.map((r) => [r.path, r.same]), [
    ['occurredOn', false],
    ['productCode', true],
    ['amount', false],
    ['amountUnit', true],
    ['growthStage', false],
    ['notes', false],
  ]);
  assert.equal(rows.find((r) => r.path === 'growthStage')?.mine, undefined);
  assert.equal(rows.find((r) => r.path === 'notes')?.server, undefined);
});

test('nested products and ingredient lists compare leaf by leaf', () => {
  const mine = { details: { customProduct: { name: 'Phân hữu cơ vi sinh', nFraction: 0.03 }, activeIngredients: [{ name: 'Abamectin' }], tags: ['a', 'b'] } };
  const server = { occurredOn: '2026-05-20', details: { customProduct: { name: 'Phân hữu cơ vi sinh', nFraction: 0.04 }, activeIngredients: [{ name: 'Abamectin' }], tags: ['a', 'b'] } };
  const rows = diffVersions(mine, server);
  assert.deepEqual(rows.map((r) => [r.path, r.same]), [
    ['occurredOn', true],
    ['customProduct.name', true],
    ['customProduct.nFraction', false],
    ['activeIngredients[0].name', true],
    ['tags', true],
  ]);
});

test('an update that leaves details out keeps the server’s; text compares without surrounding spaces', () => {
  const rows = diffVersions({ occurredOn: '2026-05-22' }, { occurredOn: '2026-05-20', details: { tubeId: 'ONG-1 ' } });
  assert.deepEqual(differences(rows).map((r) => r.path), ['occurredOn']);
  assert.deepEqual(diffVersions({ details: { tubeId: 'ONG-1' } }, { occurredOn: '2026-05-20', details: { tubeId: ' ONG-1' } }).every((r) => r.same), true);
});

test('flatten skips absent values and keeps zero and false', () => {
  assert.deepEqual([...flatten({ a: 0, b: false, c: undefined, d: null })], [['a', 0], ['b', false], ['d', null]]);
});
