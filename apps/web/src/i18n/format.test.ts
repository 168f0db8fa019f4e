import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime, formatNumber, formatPercent, parseDate, parseNumber, parsePhone } from './format.ts';

test('numbers are written 1.234,5 in Vietnamese and 1,234.5 in English', () => {
  assert.equal(formatNumber('vi', 1234.5, { max: 1 }), '1.234,5');
  assert.equal(formatNumber('en', 1234.5, { max: 1 }), '1,234.5');
  assert.equal(formatNumber('vi', 7.9123, { fixed: 2 }), '7,91');
  assert.equal(formatNumber('vi', -0.0001, { fixed: 2 }), '0,00', 'no negative zero');
  assert.equal(formatPercent('vi', 79.44), '79,4 %');
  assert.equal(formatPercent('en', 79.44), '79.4%');
});

test('dates are dd/mm/yyyy in both languages, and a calendar date does not shift with the time zone', () => {
  assert.equal(formatDate('vi', '2025-03-07'), '07/03/2025');
  assert.equal(formatDate('en', '2025-03-07'), '07/03/2025');
  assert.match(formatDateTime('vi', new Date(2025, 2, 7, 9, 5)), /^07\/03\/2025 09:05$/);
  assert.equal(formatDate('vi', 'not a date'), '—');
});

test('typed numbers: decimal comma or point, thousands only when clearly grouped', () => {
  const cases: Array<[lang: 'vi' | 'en', text: string, expected: number | undefined]> = [
    ['vi', '2,5', 2.5],
    ['vi', '2.5', 2.5],
    ['vi', '6.000', 6000],
    ['vi', '1.234,5', 1234.5],
    ['vi', '0.125', 0.125],
    ['vi', ' 100 ', 100],
    ['vi', '-1', -1],
    ['vi', '\u22121', -1],
    ['vi', '', undefined],
    ['en', '1,234.5', 1234.5],
    ['en', '6,000', 6000],
    ['en', '2,5', 2.5],
  ];
  for (const [lang, text, expected] of cases) assert.equal(parseNumber(lang, text), expected, `${lang} "${text}"`);
  assert.ok(Number.isNaN(parseNumber('vi', 'abc')));
  assert.ok(Number.isNaN(parseNumber('vi', '1.2.3')));
});

test('typed dates are read as dd/mm/yyyy whatever the browser language, and impossible dates are refused', () => {
  assert.equal(parseDate('10/02/2026'), '2026-02-10');
  assert.equal(parseDate('1/2/2026'), '2026-02-01');
  assert.equal(parseDate(' 29.02.2024 '), '2024-02-29');
  assert.equal(parseDate('2026-02-10'), '2026-02-10');
  assert.equal(parseDate(''), undefined);
  assert.equal(parseDate('31/02/2026'), null);
  assert.equal(parseDate('29/02/2025'), null);
  assert.equal(parseDate('13/13/2026'), null);
  assert.equal(parseDate('hôm nay'), null);
});

test('phone numbers are taken as people write them, and sent as digits', () => {
  assert.equal(parsePhone('0912 345 678'), '0912345678');
  assert.equal(parsePhone('0912.345.678'), '0912345678');
  assert.equal(parsePhone('+84 912-345-678'), '+84912345678');
  assert.equal(parsePhone('  '), undefined);
  assert.equal(parsePhone('12'), null);
  assert.equal(parsePhone('09123abc78'), null);
});
