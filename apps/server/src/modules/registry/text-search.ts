/**
 * Searching names the way people type them: without regard to case or Vietnamese diacritics, so
 * "nguyen van" finds "Nguyễn Văn An" and "NGUYỄN" finds "Nguyễn". The folding is done in SQL with
 * translate(), which both PostgreSQL 15 and PGlite have (no unaccent extension), on the column and on
 * the search text alike, so both sides are folded by the same function. lower() is applied after the
 * translation, so it only has plain ASCII letters left to fold and does not depend on the locale.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** Every Vietnamese vowel with its tone or vowel mark, and đ, lower case. */
const MARKED = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
/** The plain letter each of MARKED folds to, at the same position. */
const PLAIN = 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd';
/**
 * Combining marks left by decomposed (NFD) text, as some keyboards and spreadsheets write it: grave,
 * acute, circumflex, tilde, breve, hook above, horn, dot below. translate() drops characters of its
 * second argument that have no counterpart in the third, so these go last.
 */
const COMBINING = '\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323';

export const FOLD_FROM = MARKED + MARKED.toUpperCase() + COMBINING;
export const FOLD_TO = PLAIN + PLAIN;

/** The SQL expression of a text folded to plain lower-case letters. */
const folded = (text: RawBuilder<unknown>) => sql<string>`lower(translate(${text}, ${FOLD_FROM}, ${FOLD_TO}))`;

/** A LIKE pattern matching `text` anywhere, with LIKE's own characters taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;

/** `column` contains `search`, ignoring case and diacritics; runs of spaces in the search count as one. */
export function foldedContains(column: string, search: string): RawBuilder<SqlBool> {
  const pattern = containsPattern(search.trim().replace(/\s+/g, ' '));
  return sql<SqlBool>`${folded(sql.ref(column))} like ${folded(sql.val(pattern))}`;
}

/**
 * The digits of a search that looks like a phone number ("0912 345 678", "+84 912-345-678"), or null.
 * Stored numbers are digits with an optional leading +.
 */
export function phoneDigits(search: string): string | null {
  const compact = search.replace(/[\s.\-()]/g, '');
  return /^\+?\d{3,15}$/.test(compact) ? compact.replace(/^\+/, '') : null;
}
