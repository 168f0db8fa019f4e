import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elementString, encodeDigitalLinkValue, formatDigitalLink, gtinDigitalLink, parseDigitalLink, valueOf } from './index.ts';

describe('GS1 Digital Link: generating', () => {
  const cases: Array<[what: string, made: () => string, expected: string]> = [
    ['GTIN + lot + serial (vn-standards.md §2.4 example)', () => gtinDigitalLink('https://id.gs1.org', { gtin: '09521234543213', lot: 'ABC123', serial: '12345' }), 'https://id.gs1.org/01/09521234543213/10/ABC123/21/12345'],
    ['a GTIN-13 is padded to 14 digits', () => gtinDigitalLink('https://id.gs1.org', { gtin: '8931234567897', lot: 'LOT2501' }), 'https://id.gs1.org/01/08931234567897/10/LOT2501'],
    ['expiry in the query', () => gtinDigitalLink('https://id.gs1.org', { gtin: '09521234543213', lot: 'ABC123' }, [{ ai: '17', value: '261231' }]), 'https://id.gs1.org/01/09521234543213/10/ABC123?17=261231'],
    ['own domain with a path prefix, trailing slash dropped', () => gtinDigitalLink('https://truyxuat.example.vn/p/', { gtin: '08930000000019', lot: 'L1' }), 'https://truyxuat.example.vn/p/01/08930000000019/10/L1'],
    ['a lot with / and % characters is percent-encoded', () => gtinDigitalLink('https://id.gs1.org', { gtin: '09521234543213', lot: 'A/B%1' }), 'https://id.gs1.org/01/09521234543213/10/A%2FB%251'],
    ['SSCC', () => formatDigitalLink({ base: 'https://id.gs1.org', primary: { ai: '00', value: '106141411234567897' }, qualifiers: [], attributes: [] }), 'https://id.gs1.org/00/106141411234567897'],
    ['GLN with extension', () => formatDigitalLink({ base: 'https://id.gs1.org', primary: { ai: '414', value: '8930000100016' }, qualifiers: [{ ai: '254', value: 'KHO-1' }], attributes: [] }), 'https://id.gs1.org/414/8930000100016/254/KHO-1'],
    ['harvest date range and net weight', () => gtinDigitalLink('https://x.vn', { gtin: '08930000000019', lot: 'L' }, [{ ai: '7007', value: '260301260315' }, { ai: '3103', value: '005000' }]), 'https://x.vn/01/08930000000019/10/L?7007=260301260315&3103=005000'],
  ];
  for (const [what, made, expected] of cases) it(what, () => assert.equal(made(), expected));

  const refusals: Array<[what: string, made: () => string, message: RegExp]> = [
    ['wrong GTIN check digit', () => gtinDigitalLink('https://id.gs1.org', { gtin: '09521234543214' }), /wrong check digit/],
    ['lot longer than 20 characters', () => gtinDigitalLink('https://id.gs1.org', { gtin: '09521234543213', lot: 'X'.repeat(21) }), /1 to 20 characters/],
    ['lot with a character outside the GS1 set', () => gtinDigitalLink('https://id.gs1.org', { gtin: '09521234543213', lot: 'LÔ1' }), /82-character set/],
    ['qualifiers out of order', () => formatDigitalLink({ base: 'https://id.gs1.org', primary: { ai: '01', value: '09521234543213' }, qualifiers: [{ ai: '21', value: '1' }, { ai: '10', value: 'A' }], attributes: [] }), /order/],
    ['a qualifier in the query', () => formatDigitalLink({ base: 'https://id.gs1.org', primary: { ai: '01', value: '09521234543213' }, qualifiers: [], attributes: [{ ai: '10', value: 'A' }] }), /belongs in the path/],
    ['an impossible date', () => gtinDigitalLink('https://id.gs1.org', { gtin: '09521234543213' }, [{ ai: '17', value: '260230' }]), /past the end of the month/],
    ['ftp base', () => gtinDigitalLink('ftp://id.gs1.org', { gtin: '09521234543213' }), /https or http/],
  ];
  for (const [what, made, message] of refusals) it(`refuses ${what}`, () => assert.throws(made, message));

  it('leaves only unreserved characters unescaped', () => {
    assert.equal(encodeDigitalLinkValue('AZaz09-._~'), 'AZaz09-._~');
    assert.equal(encodeDigitalLinkValue(`!"%&'()*+,/:;<=>?`), '%21%22%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3C%3D%3E%3F');
  });
});

describe('GS1 Digital Link: parsing', () => {
  it('reads key, qualifiers, attributes and non-GS1 parameters', () => {
    const link = parseDigitalLink('https://id.gs1.org/01/09521234543213/10/ABC123/21/12345?17=261231&linkType=gs1:pip');
    assert.equal(link.base, 'https://id.gs1.org');
    assert.deepEqual(link.primary, { ai: '01', value: '09521234543213' });
    assert.deepEqual(link.qualifiers, [{ ai: '10', value: 'ABC123' }, { ai: '21', value: '12345' }]);
    assert.deepEqual(link.attributes, [{ ai: '17', value: '261231' }]);
    assert.deepEqual(link.extra, [{ key: 'linkType', value: 'gs1:pip' }]);
    assert.equal(elementString(link), '(01)09521234543213(10)ABC123(21)12345(17)261231');
  });
  it('keeps a path prefix in the base and decodes percent-encoding', () => {
    const link = parseDigitalLink('https://truyxuat.example.vn/p/01/08930000000019/10/A%2FB%251');
    assert.equal(link.base, 'https://truyxuat.example.vn/p');
    assert.equal(valueOf(link, '10'), 'A/B%1');
  });
  it('accepts the Digital Link 1.0 short names', () => {
    const link = parseDigitalLink('https://id.gs1.org/gtin/09521234543213/lot/ABC?exp=261231');
    assert.equal(valueOf(link, '01'), '09521234543213');
    assert.equal(valueOf(link, '10'), 'ABC');
    assert.equal(valueOf(link, '17'), '261231');
  });
  it('round-trips what it generates', () => {
    for (const lot of ['LOT-1', 'A/B', '50%', 'a+b=c', "it's"]) {
      const uri = gtinDigitalLink('https://x.vn/p', { gtin: '08930000000019', lot }, [{ ai: '7007', value: '260305' }]);
      const back = parseDigitalLink(uri);
      assert.equal(valueOf(back, '10'), lot);
      assert.equal(gtinDigitalLink(back.base, { gtin: back.primary.value, lot: valueOf(back, '10')! }, back.attributes), uri);
    }
  });
  const refusals: Array<[string, RegExp]> = [
    ['https://id.gs1.org/10/ABC', /No GS1 primary key/],
    ['https://id.gs1.org/01/9521234543213', /14 digits/],
    ['https://id.gs1.org/01/09521234543214', /wrong check digit/],
    ['https://id.gs1.org/01/09521234543213/21/1/10/A', /order/],
    ['https://id.gs1.org/01/09521234543213?10=ABC', /belongs in the path/],
    ['https://id.gs1.org/01/09521234543213?17=261331', /month 13/],
    ['urn:epc:id:sgtin:0614141.107346.2017', /https or http/],
    ['https://id.gs1.org/01/09521234543213/10/%E0%A4%A', /percent-encoding/],
  ];
  for (const [uri, message] of refusals) it(`refuses ${uri}`, () => assert.throws(() => parseDigitalLink(uri), message));
});
