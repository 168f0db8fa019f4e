import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultReferenceDataDir } from '../../reference-data.ts';
import { describeRestriction, findRestrictedIngredients, foldName, loadRestrictedList } from './compliance-pesticides.ts';

const list = loadRestrictedList(defaultReferenceDataDir);
const APPENDIX_II = 'Appendix II, Circular 09/2023/TT-BNNPTNT (effective 08/12/2023); successor lists Circular 25/2024/TT-BNNPTNT and Circular 75/2025/TT-BNNMT';

describe('banned and withdrawn pesticides (vn-standards.md §4.2–4.3)', () => {
  it('reads every entry of the shared list (31 in Appendix II, 12 removed from the permitted list)', () => {
    assert.equal(list.length, 43);
    assert.equal(list.filter((e) => e.prohibitedFrom === null).length, 31);
  });

  const cases: Array<{ name: string; ingredients: string[]; productName?: string; on?: string; listedAs: string[] }> = [
    { name: 'carbofuran (Appendix II)', ingredients: ['Carbofuran'], listedAs: ['Carbofuran'] },
    { name: 'case and punctuation are folded', ingredients: ['CARBOFURAN '], listedAs: ['Carbofuran'] },
    { name: 'lindane named alone matches "BHC, Lindane"', ingredients: ['Lindane'], listedAs: ['BHC, Lindane'] },
    { name: 'chlorophos matches "Trichlorfon (Chlorophos)"', ingredients: ['Chlorophos'], listedAs: ['Trichlorfon (Chlorophos)'] },
    { name: 'the Vietnamese spelling "Isobenzen" (note in the list)', ingredients: ['Isobenzen'], listedAs: ['Isobenzan'] },
    { name: 'toxaphene is polychlorocamphene', ingredients: ['Toxaphene'], listedAs: ['Polychlorocamphene'] },
    { name: 'a metal compound by its element: lead arsenate is both lead and arsenic', ingredients: ['Lead arsenate'], listedAs: ['Lead compound (Pb)'] },
    { name: 'mercuric chloride is a mercury compound', ingredients: ['Mercuric chloride'], listedAs: ['Mercury compound (Hg)'] },
    { name: '2,4-D amine salt was removed from the permitted list in 2017 (use prohibited from 08/02/2019)', ingredients: ['2,4-D dimethylamine salt'], listedAs: ['2,4-D'] },
    { name: 'fipronil (removed by 501/QĐ-BNN-BVTV, prohibited from 12/02/2021)', ingredients: ['Fipronil'], listedAs: ['Fipronil'] },
    { name: 'chlorpyrifos alone means chlorpyrifos ethyl', ingredients: ['Chlorpyrifos'], listedAs: ['Chlorpyrifos Ethyl'] },
    { name: 'a listed trade name as the product name', ingredients: ['Something else'], productName: 'Furadan 3GR', listedAs: ['Carbofuran'] },
    { name: 'two ingredients, one banned', ingredients: ['Cypermethrin', 'Endosulfan'], listedAs: ['Endosulfan'] },
    { name: 'permitted ingredients are not matched', ingredients: ['Cypermethrin', 'Tricyclazole', 'Bacillus thuringiensis var. kurstaki', 'Chlorpyrifos methyl'], listedAs: [] },
    { name: '2,4-D does not match 2,4,5-T or the other way round', ingredients: ['2,4,5-T'], listedAs: ['2,4,5-T'] },
    { name: 'glyphosate used before its prohibition date (30/06/2021) was lawful then', ingredients: ['Glyphosate'], on: '2021-06-29', listedAs: [] },
    { name: 'glyphosate from 30/06/2021 is refused', ingredients: ['Glyphosate isopropylamine salt'], on: '2021-06-30', listedAs: ['Glyphosate'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const found = findRestrictedIngredients({ ingredients: c.ingredients, productName: c.productName }, c.on ?? '2026-01-10', list);
      assert.deepEqual(found.map((m) => m.listedAs), c.listedAs);
    });
  }

  it('the refusal names the ingredient and the legal basis from the JSON', () => {
    const [match] = findRestrictedIngredients({ ingredients: ['Carbofuran'] }, '2026-01-10', list);
    assert.equal(match!.legalBasis, APPENDIX_II);
    assert.equal(describeRestriction(match!), `Active ingredient "Carbofuran" is banned (listed in Appendix II): ${APPENDIX_II}`);
    const [withdrawn] = findRestrictedIngredients({ ingredients: ['Paraquat dichloride'] }, '2026-01-10', list);
    assert.equal(describeRestriction(withdrawn!), 'Active ingredient "Paraquat dichloride" (listed as Paraquat) is removed from the List of permitted pesticides (not in Appendix II, but may no longer be traded or used): Decision 278/QĐ-BNN-BVTV dated 08/02/2017; trade and use prohibited from 08/02/2019');
  });

  it('folds Vietnamese diacritics and punctuation', () => {
    assert.equal(foldName('Đồng-Xanh  2,4-D'), 'dong xanh 2 4 d');
  });
});
