import assert from 'node:assert/strict';
import { test } from 'node:test';
import { homeShortcuts } from './home-page.tsx';

test('a farmer is offered the diary first, then their plots and drawing one', () => {
  assert.deepEqual(homeShortcuts('farmer').map((s) => s.to).slice(0, 3), ['/diary', '/plots', '/plots/new']);
});

test('a province officer is offered plans, dashboards and reports, and no plot drawing', () => {
  const offered = homeShortcuts('province_officer').map((s) => s.to);
  for (const to of ['/plans', '/dashboards', '/reports', '/mrv']) assert.ok(offered.includes(to), to);
  assert.ok(!offered.includes('/plots/new'));
});

test('a verifier is offered MRV but not the import page', () => {
  const offered = homeShortcuts('verifier').map((s) => s.to);
  assert.ok(offered.includes('/mrv'));
  assert.ok(!offered.includes('/import'));
});
