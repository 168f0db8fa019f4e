import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENTITY_NAMES, message, messageKeys, messageTemplate, negotiateLanguage, renderMessage } from './messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('server message catalogue', () => {
  it('has a Vietnamese and an English text for every key, with the same placeholders', () => {
    assert.ok(messageKeys().length > 50);
    for (const key of messageKeys()) {
      const vi = messageTemplate('vi', key);
      const en = messageTemplate('en', key);
      assert.ok(vi.trim() && en.trim(), `${key} has both texts`);
      assert.deepEqual(placeholders(vi), placeholders(en), `${key}: same parameters in vi and en`);
    }
  });

  it('names every "not found" thing in both languages', () => {
    for (const [name, words] of Object.entries(ENTITY_NAMES)) assert.ok(words.vi && words.en === name, name);
  });

  it('formats numbers and dates the Vietnamese way in Vietnamese and keeps the API English otherwise', () => {
    const m = message('diary.occurredOutsideSeason', { date: { date: '2026-07-04' }, start: { date: '2025-12-01' }, earliest: { date: '2025-06-04' }, latest: { date: '2026-12-01' } });
    assert.equal(renderMessage('vi', m), 'Ngày thực hiện 04/07/2026 nằm ngoài mùa vụ này (dự kiến bắt đầu 01/12/2025; hoạt động từ 04/06/2025 đến 01/12/2026)');
    assert.equal(renderMessage('en', m), 'occurredOn 2026-07-04 is outside this season (planned start 2025-12-01; activities from 2025-06-04 to 2026-12-01)');
    const count = message('diary.seasonsNotFound', { count: 1234 });
    assert.equal(renderMessage('vi', count), 'Không tìm thấy 1.234 mùa vụ trong phạm vi của bạn: chưa ghi gì cả');
    assert.equal(renderMessage('en', count), '1,234 season(s) not found in your scope: nothing was recorded');
  });

  it('joins lists with the language\'s "and" and renders nested messages', () => {
    const parts = [message('registry.overlapVisible', { code: 'A-1', area: '0,1000 ha' }), message('registry.overlapHidden', { area: '0,5000 ha' })];
    const m = message('registry.overlaps', { overlaps: { list: parts } });
    assert.match(renderMessage('vi', m), /^Ranh giới chồng lấn thửa A-1 \(0,1000 ha\) và một thửa của tổ chức khác \(0,5000 ha\)\. /);
    assert.match(renderMessage('en', m), /^The boundary overlaps plot A-1 by 0,1000 ha and a plot of another organisation by 0,5000 ha\. /);
  });

  it('picks the language from Accept-Language: English without it, else the preferred of vi and en, else Vietnamese', () => {
    assert.equal(negotiateLanguage(undefined), 'en');
    assert.equal(negotiateLanguage(''), 'en');
    assert.equal(negotiateLanguage('vi'), 'vi');
    assert.equal(negotiateLanguage('vi-VN,vi;q=0.9,en-US;q=0.8'), 'vi');
    assert.equal(negotiateLanguage('en-GB,en;q=0.9,vi;q=0.5'), 'en');
    assert.equal(negotiateLanguage('vi;q=0.4, en;q=0.7'), 'en');
    assert.equal(negotiateLanguage('fr-FR,de;q=0.5'), 'vi');
    assert.equal(negotiateLanguage('en;q=0, vi'), 'vi');
  });
});
