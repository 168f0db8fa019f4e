import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCurrent, navFor, type NavEntry } from './nav-entries.ts';

/** The targets a caller is offered, groups flattened as "group>target". */
const targets = (entries: NavEntry[]) => entries.flatMap((e) => ('group' in e ? e.items.map((i) => `${e.group}>${i.to}`) : [e.to]));

describe('main navigation by role', () => {
  it('offers only the calculator without a session', () => {
    assert.deepEqual(targets(navFor(null)), ['/calculator']);
  });

  it('offers a farmer the diary, plots and the registry pages of their household, not plans or lots', () => {
    assert.deepEqual(targets(navFor('farmer')), ['/', '/diary', '/plots', 'nav.registry>/households', 'nav.registry>/growing-areas', 'nav.registry>/organisations', '/calculator']);
  });

  it('offers a province officer the plans, dashboards and reports but not the import page', () => {
    const offered = targets(navFor('province_officer'));
    for (const to of ['/plans', '/dashboards', '/reports', '/mrv', '/lots', 'nav.registry>/admin-units']) assert.ok(offered.includes(to), to);
    assert.ok(!offered.includes('nav.registry>/import'));
  });

  it('offers a cooperative recorder the import page and no planning pages', () => {
    const offered = targets(navFor('coop_recorder'));
    assert.ok(offered.includes('nav.registry>/import'));
    for (const to of ['/plans', '/dashboards', '/reports']) assert.ok(!offered.includes(to), to);
  });

  it('offers an enterprise neither the diary nor households', () => {
    const offered = targets(navFor('enterprise'));
    assert.ok(!offered.includes('/diary'));
    assert.ok(!offered.includes('nav.registry>/households'));
    assert.ok(offered.includes('/lots'));
  });

  it('marks a section current on its own pages only', () => {
    assert.equal(isCurrent('/plans', '/plans/abc'), true);
    assert.equal(isCurrent('/plans', '/plansx'), false);
    assert.equal(isCurrent('/', '/plots'), false);
  });
});
