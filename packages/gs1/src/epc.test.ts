import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lgtinUrn, parseEpcUri, pglnUrn, sglnUrn, sgtinUrn, ssccUrn } from './index.ts';

// Examples from the EPC Tag Data Standard and the EPCIS examples in shared/data/gs1-epcis.
describe('EPC URNs', () => {
  it('writes SGTIN, LGTIN, SGLN, PGLN and SSCC', () => {
    assert.equal(sgtinUrn('80614141073463', '2017', 7), 'urn:epc:id:sgtin:0614141.807346.2017');
    assert.equal(lgtinUrn('08930000000019', 'TL-2026/01', 7), 'urn:epc:class:lgtin:8930000.000001.TL-2026%2F01');
    assert.equal(sglnUrn('8930000100016', 7), 'urn:epc:id:sgln:8930000.10001.0');
    assert.equal(sglnUrn('8930000100016', 7, 'KHO1'), 'urn:epc:id:sgln:8930000.10001.KHO1');
    assert.equal(pglnUrn('8930000100016', 7), 'urn:epc:id:pgln:8930000.10001');
    assert.equal(ssccUrn('106141411234567897', 7), 'urn:epc:id:sscc:0614141.1123456789');
  });
  const reads: Array<[string, ReturnType<typeof parseEpcUri>]> = [
    ['urn:epc:id:sgtin:0614141.107346.2017', { scheme: 'sgtin', gtin: '10614141073464', serial: '2017' }],
    ['urn:epc:class:lgtin:4012345.012345.998877', { scheme: 'lgtin', gtin: '04012345123456', lot: '998877' }],
    ['urn:epc:class:lgtin:8930000.000001.TL-2026%2F01', { scheme: 'lgtin', gtin: '08930000000019', lot: 'TL-2026/01' }],
    ['urn:epc:id:sgln:0614141.07346.1234', { scheme: 'sgln', gln: '0614141073467', extension: '1234' }],
    ['urn:epc:id:sscc:0614141.1234567890', { scheme: 'sscc', sscc: '106141412345678908' }],
    ['urn:epc:id:pgln:4000001.00012', { scheme: 'pgln', gln: '4000001000128' }],
    ['urn:epc:id:giai:4000001.12345', { scheme: 'other', uri: 'urn:epc:id:giai:4000001.12345' }],
    ['urn:epc:idpat:sgtin:4012345.066666.*', { scheme: 'other', uri: 'urn:epc:idpat:sgtin:4012345.066666.*' }],
  ];
  for (const [uri, expected] of reads) it(`reads ${uri}`, () => assert.deepEqual(parseEpcUri(uri), expected));
  it('round-trips', () => {
    assert.deepEqual(parseEpcUri(lgtinUrn('8931234567897', 'LOT2501', 9)), { scheme: 'lgtin', gtin: '08931234567897', lot: 'LOT2501' });
    assert.deepEqual(parseEpcUri(sgtinUrn('08930000000019', 'U-0001', 7)), { scheme: 'sgtin', gtin: '08930000000019', serial: 'U-0001' });
  });
  it('refuses a prefix length that does not fit', () => assert.throws(() => sglnUrn('8930000100016', 13), /6 to 12 digits/));
});
