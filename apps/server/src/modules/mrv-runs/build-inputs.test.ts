import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SeasonFactsResponse } from '@dongxanh/contracts';
import { calculate, type CreditingResult, type SeasonInput } from '@dongxanh/methodology';
import { buildRunDocument, type ProjectTerms } from './build-inputs.ts';

const fact = (value: number | null) => ({ value, unit: 't DM/ha', sources: [] });
/** Only the parts of the facts document that building a run reads. */
function facts(mrvInput: SeasonFactsResponse['mrvInput'], missing: Array<{ fact: string; reason: string }> = [], straw = { incorporated: 0, removed: 5, burnt: 0 }) {
  const partial = {
    seasonId: '00000000-0000-4000-8000-000000000001', cropCode: 'rice', areaHa: 2, mrvInput, missing, complete: missing.length === 0,
    facts: { strawIncorporatedTPerHa: fact(straw.incorporated), strawBurntTPerHa: fact(straw.burnt), strawRemovedTPerHa: fact(straw.removed), strawLeftOnSurfaceTPerHa: fact(0), yieldKgPerHa: fact(6500) },
  };
  return partial as unknown as SeasonFactsResponse;
}

const awdSeason = { name: 'dong_xuan 2026', crop: 'rice', efc_region: 'southeast_asia', cultivation_days: 105, water_regime: 'multiple_drainage', pre_season: 'non_flooded_lt_180d', n_inputs: [{ source: 'synthetic', product: 'urea', product_kg_per_ha: 200, n_fraction: 0.46 }], urea_kg_per_ha: 200 } as const satisfies SeasonFactsResponse['mrvInput'];
const project = (baseline: ProjectTerms['baseline'], uncertainty: number | null = null): ProjectTerms => ({ id: 'p', code: 'P1', methodology: 'VM0051 v1.1 QA3 (simplified subset)', gwpSet: 'AR5', uncertainty, baseline });
const cfStraw = project({ kind: 'fixed_practice', practice: { waterRegime: 'continuously_flooded', strawManagement: 'incorporated_lt30d', strawDmTPerHa: null } });

describe('building a run document from season facts', () => {
  it('pairs the season with a fixed-practice baseline on the same days, N and pre-season', () => {
    const out = buildRunDocument(facts({ ...awdSeason, n_inputs: [...awdSeason.n_inputs] }), cfStraw);
    assert.ok(out.ok);
    assert.equal(out.run.kind, 'crediting');
    const doc = out.run.document as { baseline: { area_ha: number; seasons: SeasonInput[] }; project: { seasons: SeasonInput[] } };
    const base = doc.baseline.seasons[0]!;
    assert.equal(base.water_regime, 'continuously_flooded');
    assert.deepEqual(base.organic_amendments, [{ type: 'straw_lt30d', t_per_ha: 5, basis: 'dry' }]); // the 5 t/ha the plot recorded (removed)
    assert.equal(base.cultivation_days, 105);
    assert.deepEqual(base.n_inputs, awdSeason.n_inputs);
    assert.equal(doc.project.seasons[0]!.water_regime, 'multiple_drainage');
    assert.equal(doc.baseline.area_ha, 2);
    const result = calculate(out.run.document) as CreditingResult;
    assert.ok(result.crediting.net_er_t_co2e > 0);
  });

  it('burns the straw in a burning baseline, and carries the project\'s uncertainty', () => {
    const out = buildRunDocument(facts({ ...awdSeason, n_inputs: [] }), project({ kind: 'fixed_practice', practice: { waterRegime: 'continuously_flooded', strawManagement: 'burnt', strawDmTPerHa: 6 } }, 0.2));
    assert.ok(out.ok);
    const doc = out.run.document as { baseline: { seasons: SeasonInput[] }; crediting: { uncertainty?: number } };
    assert.deepEqual(doc.baseline.seasons[0]!.residue_burning, { residue_dm_t_per_ha: 6, burned_fraction: 1 });
    assert.equal(doc.baseline.seasons[0]!.organic_amendments, undefined);
    assert.equal(doc.crediting.uncertainty, 0.2);
  });

  it('refuses a season without water-regime evidence, naming it; "taken as none" facts only become notes', () => {
    const { water_regime: _none, ...noWater } = awdSeason;
    const out = buildRunDocument(facts({ ...noWater, n_inputs: [] }, [{ fact: 'waterRegime', reason: 'no readings' }, { fact: 'straw', reason: 'none recorded' }]), cfStraw);
    assert.deepEqual(out, { ok: false, missing: [{ fact: 'waterRegime', reason: 'no readings' }] });
    const notes = buildRunDocument(facts({ ...awdSeason, n_inputs: [] }, [{ fact: 'nInputs', reason: 'no fertiliser' }]), null);
    assert.ok(notes.ok);
    assert.equal(notes.run.kind, 'scenario');
    assert.deepEqual(notes.run.notes.map((n) => n.fact), ['nInputs']);
  });

  it('asks for straw when the baseline uses the recorded amount and none was recorded', () => {
    const out = buildRunDocument(facts({ ...awdSeason, n_inputs: [] }, [], { incorporated: 0, removed: 0, burnt: 0 }), cfStraw);
    assert.equal(out.ok, false);
    assert.deepEqual(!out.ok && out.missing.map((m) => m.fact), ['baselineStraw']);
  });

  it('takes a look-back baseline from the earlier season\'s practice at this season\'s length', () => {
    const earlier = facts({ ...awdSeason, name: 'he_thu 2025', water_regime: 'continuously_flooded', cultivation_days: 95, pre_season: 'flooded_gt_30d', n_inputs: [] });
    const out = buildRunDocument(facts({ ...awdSeason, n_inputs: [] }), project({ kind: 'look_back' }), earlier);
    assert.ok(out.ok);
    const base = (out.run.document as { baseline: { seasons: SeasonInput[] } }).baseline.seasons[0]!;
    assert.equal(base.water_regime, 'continuously_flooded');
    assert.equal(base.cultivation_days, 105);
    assert.equal(base.pre_season, 'non_flooded_lt_180d');
    const none = buildRunDocument(facts({ ...awdSeason, n_inputs: [] }), project({ kind: 'look_back' }), null);
    assert.deepEqual(!none.ok && none.missing.map((m) => m.fact), ['baselineLookBack']);
  });
});
