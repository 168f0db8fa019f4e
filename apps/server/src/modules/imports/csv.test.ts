import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countCsvDataRecords, csvCell, csvRecords, splitCsvLine } from './csv.ts';

describe('CSV', () => {
  it('splits cells, honouring quotes and doubled quotes', () => {
    assert.deepEqual(splitCsvLine('a,"b, c","say ""hi""",,'), ['a', 'b, c', 'say "hi"', '', '']);
    assert.deepEqual(splitCsvLine('CT-1,"{""type"":""Polygon""}"'), ['CT-1', '{"type":"Polygon"}']);
    assert.deepEqual(splitCsvLine('a;"b;c";d', ';'), ['a', 'b;c', 'd']);
  });

  it('reads records whose quoted cells span lines, counting rows as a spreadsheet does', () => {
    const text = '\uFEFFhead_name,address\r\nAn,"Ấp 1\r\nxã Thới Lai"\r\n\r\nBình,Ấp 2\r\n';
    const records = [...csvRecords(text)];
    assert.deepEqual(records, [
      { index: 0, cells: ['head_name', 'address'] },
      { index: 1, cells: ['An', 'Ấp 1\r\nxã Thới Lai'] },
      { index: 3, cells: ['Bình', 'Ấp 2'] },
    ]);
    assert.equal(countCsvDataRecords(text), 2);
  });

  it('writes cells that read back the same', () => {
    for (const value of ['plain', 'a, b', 'say "hi"', 'two\nlines']) assert.deepEqual(splitCsvLine(csvCell(value)), [value]);
  });
});
