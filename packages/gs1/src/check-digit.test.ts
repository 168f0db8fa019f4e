import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Gs1Error, gs1CheckDigit, gs1KeyProblem, gtin13From, glnFrom, isValidGln, isValidGs1Key, isValidGtin, isValidSscc, ssccFrom, toGtin14 } from './index.ts';

// Test vectors from GS1's reference code (gs1/gs1-syntax-engine lint_csum.c) and GS1 examples, as
// listed in docs/vn-standards.md §2.4.
describe('GS1 check digits', () => {
  const valid = [
    ['02345673', 'GTIN-8'],
    ['416000336108', 'GTIN-12'],
    ['1234567890128', 'GTIN-13'],
    ['12345678901231', 'GTIN-14'],
    ['123456789012345675', 'SSCC'],
    ['09521234543213', 'GTIN-14 (GS1 example)'],
    ['106141411234567897', 'SSCC (GS1 example)'],
    ['8931234567897', 'GTIN-13 with the Vietnamese prefix 893 (vn-standards.md §2.4)'],
  ] as const;
  for (const [key, what] of valid) {
    it(`accepts ${what} ${key}`, () => {
      assert.equal(isValidGs1Key(key), true);
      assert.equal(gs1CheckDigit(key.slice(0, -1)), Number(key.slice(-1)));
    });
  }
  for (const key of ['12345673', '1234567890129', '09521234543214']) {
    it(`rejects ${key}`, () => assert.equal(isValidGs1Key(key), false));
  }
  it('refuses non-digits', () => assert.throws(() => gs1CheckDigit('12a4'), Gs1Error));
});

describe('key validation with messages', () => {
  const cases: Array<[kind: 'gtin' | 'gln' | 'sscc', key: string, problem: RegExp | null]> = [
    ['gtin', '8931234567897', null],
    ['gtin', '08931234567897', null],
    ['gtin', '8931234567898', /correct check digit is 7/],
    ['gtin', '893123456789', /correct check digit is 2/],
    ['gtin', '89312345678', /has 11 digits/],
    ['gtin', '893-123', /digits only/],
    ['gln', '8930000100016', null],
    ['gln', '8930000100017', /correct check digit is 6/],
    ['gln', '08930000100017', /has 14 digits/],
    ['sscc', '106141411234567897', null],
    ['sscc', '106141411234567890', /correct check digit is 7/],
  ];
  for (const [kind, key, problem] of cases) {
    it(`${kind} ${key} → ${problem ?? 'valid'}`, () => {
      const found = gs1KeyProblem(kind, key);
      if (problem === null) assert.equal(found, null);
      else assert.match(found ?? '', problem);
    });
  }
  it('typed helpers agree', () => {
    assert.equal(isValidGtin('02345673'), true);
    assert.equal(isValidGln('8930000200013'), true);
    assert.equal(isValidSscc('123456789012345675'), true);
  });
});

describe('building keys', () => {
  it('pads any GTIN to 14 digits', () => {
    assert.equal(toGtin14('02345673'), '00000002345673');
    assert.equal(toGtin14('8931234567897'), '08931234567897');
    assert.throws(() => toGtin14('8931234567890'), /check digit/);
  });
  it('makes a GTIN-13 under the Vietnamese prefix 893', () => {
    assert.equal(gtin13From('893123456', '789'), '8931234567897');
    assert.equal(gtin13From('8930000', '00001'), '8930000000019');
    assert.throws(() => gtin13From('8930000', '1'), /leaves 5 digits/);
  });
  it('makes GLNs and SSCCs with their check digits', () => {
    assert.equal(glnFrom('8930000', '10001'), '8930000100016');
    const sscc = ssccFrom(1, '0614141', '123456789');
    assert.equal(sscc, '106141411234567897');
    assert.equal(isValidSscc(ssccFrom(0, '8930000', 42)), true);
  });
});
