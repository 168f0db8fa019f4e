import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultReferenceDataDir } from '../../reference-data.ts';
import { communeConversions } from './admin-units.loader.ts';

const HEADINGS = [
  'Đơn vị hành chính từ ngày 01/7/2025,,,Đơn vị hành chính trước ngày 01/7/2025,,,,,',
  '"Tỉnh, thành phố",Tên Xã mới,Mã Xã mới,Tên Xã cũ,Mã Xã cũ,Ghi chú,Quận/huyện,Tỉnh cũ,',
  'THÀNH PHỐ HUẾ  ,,,,,,,,',
].join('\n');

describe('pre-2025 commune conversion table', () => {
  it('reads a record whose quoted cell holds a line break as one record', () => {
    const text = [
      HEADINGS,
      'Thành phố Huế (46),"Phường Phú Xuân\n",19753,Phường Tây Lộc,19750,Nhập toàn bộ,Quận Phú Xuân (475),Thành phố Huế (46),',
      'Tỉnh Ninh Bình (37),Phường Tây Hoa Lư,14533,"Xã Gia Tân\r\n",14503,Nhập một  phần,Huyện Gia Viễn (373),Tỉnh Ninh Bình (37),',
      'Tỉnh Ninh Bình (37),Phường Tây Hoa Lư,14533,Xã Gia Sinh,14521,Nhập toàn bộ,Huyện Gia Viễn (373),Tỉnh Ninh Bình (37),',
      '',
    ].join('\n');
    assert.deepEqual(communeConversions(text, new Set(['19753', '14533'])), [
      { oldCode: '19750', oldName: 'Phường Tây Lộc', oldDistrictName: 'Quận Phú Xuân', oldProvinceCode: '46', oldProvinceName: 'Thành phố Huế', newCode: '19753' },
      { oldCode: '14503', oldName: 'Xã Gia Tân', oldDistrictName: 'Huyện Gia Viễn', oldProvinceCode: '37', oldProvinceName: 'Tỉnh Ninh Bình', newCode: '14533' },
      { oldCode: '14521', oldName: 'Xã Gia Sinh', oldDistrictName: 'Huyện Gia Viễn', oldProvinceCode: '37', oldProvinceName: 'Tỉnh Ninh Bình', newCode: '14533' },
    ]);
  });

  it('keeps each pair once and leaves out 2025 communes it does not know', () => {
    const row = 'Thành phố Cần Thơ (92),Phường Ninh Kiều,31150,Phường Tân An,31153,Nhập toàn bộ,Quận Ninh Kiều (916),Thành phố Cần Thơ (92),';
    const unknown = 'Thành phố Cần Thơ (92),Phường Mới,99999,Phường Cũ,31156,Nhập toàn bộ,Quận Ninh Kiều (916),Thành phố Cần Thơ (92),';
    assert.deepEqual(communeConversions([HEADINGS, row, row, unknown].join('\n'), new Set(['31150'])).map((c) => `${c.oldCode}>${c.newCode}`), ['31153>31150']);
  });

  it('loads every data row of the real table', () => {
    const dir = defaultReferenceDataDir;
    const provinces: Array<{ wards: Array<{ code: number }> }> = JSON.parse(readFileSync(join(dir, 'vn-admin-units-2025.json'), 'utf8'));
    const known = new Set(provinces.flatMap((p) => p.wards.map((w) => String(w.code).padStart(5, '0'))));
    const conversions = communeConversions(readFileSync(join(dir, 'vn-communes-2025-from-pre-2025.csv'), 'utf8'), known);
    // Counted with Python's csv module (an independent RFC 4180 reader): 10,607 records, of which 10,565
    // carry a numeric new and old code; all are distinct pairs and every new code is a 2025 commune.
    // Read line by line, 870 of them were lost (9,695 loaded).
    assert.equal(conversions.length, 10_565);
    const huePhuXuan = conversions.filter((c) => c.newCode === '19753').map((c) => c.oldName);
    assert.deepEqual(huePhuXuan, ['Phường Tây Lộc', 'Phường Thuận Lộc', 'Phường Gia Hội', 'Phường Phú Hậu', 'Phường Thuận Hòa', 'Phường Đông Ba']);
    assert.ok(conversions.some((c) => c.oldCode === '14503' && c.newCode === '14533' && c.oldName === 'Xã Gia Tân'));
  });
});
