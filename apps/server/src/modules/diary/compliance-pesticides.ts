/**
 * Banned and withdrawn pesticide active ingredients (vn-standards.md §4.2–4.3, data in
 * shared/data/vn-banned-pesticides.json): a diary entry using one is refused with the legal basis.
 *
 * - Appendix II of the list circular (09/2023/TT-BNNPTNT and its successors 25/2024, 75/2025): banned
 *   outright, whatever the date.
 * - Removed from the permitted list by a decision (carbendazim, 2,4-D, glyphosate, fipronil…): trade and
 *   use are prohibited from the date in `trade_and_use_prohibited_from`; an application recorded before
 *   that date was lawful then and is accepted (old diaries can still be entered).
 *
 * Matching is by name, after folding case, Vietnamese diacritics and punctuation ("2,4-D" = "2 4 d"):
 * an ingredient matches an entry when it equals one of the entry's names or aliases, or starts with one
 * followed by a salt/ester qualifier ("2,4-D dimethylamine salt"); metal compounds (Cd, Pb, As, Hg, Se,
 * Tl) match any ingredient naming the element ("lead arsenate", "mercuric chloride"). Product names are
 * also compared with the trade names the list gives ("Furadan 3GR").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { message, renderMessage, type LocalisedMessage } from '../../shared/messages.ts';

export interface RestrictedIngredient {
  activeIngredient: string;
  group: string;
  groupVi: string;
  status: string;
  legalBasis: string;
  /** null: banned outright (Appendix II); a date: removed from the permitted list, prohibited from then. */
  prohibitedFrom: string | null;
  names: string[];
  elementStems: string[];
  tradeNames: string[];
}

export interface RestrictedMatch {
  ingredient: string;
  listedAs: string;
  status: string;
  legalBasis: string;
  group: string;
  groupVi: string;
  prohibitedFrom: string | null;
}

interface SourceEntry {
  active_ingredient: string;
  group: string;
  group_vi: string;
  status: string;
  legal_basis: string;
  example_trade_names?: string[];
  trade_and_use_prohibited_from?: string;
  note?: string;
}

/** Folds case, diacritics (đ → d) and punctuation: "Thiophanate-Methyl" → "thiophanate methyl". */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Other spellings the list's notes give, and common names of the same substance. */
const ALIASES: Record<string, string[]> = {
  Isobenzan: ['isobenzen'],
  Polychlorocamphene: ['toxaphene', 'camphechlor'],
  'Thallium compound (Tl)': ['talium compound'],
  'Parathion Ethyl': ['ethyl parathion', 'parathion'],
  'Methyl Parathion': ['parathion methyl'],
  'Chlorpyrifos Ethyl': ['chlorpyrifos'],
  'BHC, Lindane': ['hch', 'gamma hch', 'benzene hexachloride'],
};

/** Metal compounds match any ingredient naming the element (stems match "arsenate", "mercuric"…). */
const ELEMENT_STEMS: Record<string, string[]> = {
  'Cadmium compound (Cd)': ['cadmium'],
  'Lead compound (Pb)': ['lead'],
  'Arsenic compound (As)': ['arsen'],
  'Mercury compound (Hg)': ['mercur'],
  'Selenium compound (Se)': ['selen'],
  'Thallium compound (Tl)': ['thall', 'tali'],
};

/** Words that may follow a substance name without making it another substance. */
const QUALIFIERS = new Set(['salt', 'salts', 'ester', 'esters', 'amine', 'dimethylamine', 'sodium', 'potassium', 'ammonium', 'isopropylamine', 'butyl', 'isooctyl', 'ethylhexyl', 'dichloride', 'technical', 'tech']);

/** "BHC, Lindane" → [bhc, lindane]; "Trichlorfon (Chlorophos)" → [trichlorfon (chlorophos), trichlorfon, chlorophos]. */
function namesOf(entry: string): string[] {
  const names = new Set<string>([foldName(entry)]);
  const outside = entry.replace(/\(([^)]*)\)/g, (_m, inner: string) => {
    if (!/^[A-Z][a-z]?$/.test(inner.trim())) names.add(foldName(inner));
    return ' ';
  });
  for (const part of outside.split(',')) if (part.trim()) names.add(foldName(part));
  for (const alias of ALIASES[entry] ?? []) names.add(foldName(alias));
  return [...names].filter((n) => n.length >= 2);
}

export function parseRestrictedList(entries: readonly SourceEntry[]): RestrictedIngredient[] {
  return entries.map((e) => ({
    activeIngredient: e.active_ingredient,
    group: e.group,
    groupVi: e.group_vi,
    status: e.status,
    legalBasis: e.legal_basis,
    prohibitedFrom: e.trade_and_use_prohibited_from ?? null,
    names: ELEMENT_STEMS[e.active_ingredient] ? [] : namesOf(e.active_ingredient),
    elementStems: ELEMENT_STEMS[e.active_ingredient] ?? [],
    tradeNames: (e.example_trade_names ?? []).map((t) => foldName(t.split(',')[0] ?? t)).filter(Boolean),
  }));
}

export function loadRestrictedList(referenceDataDir: string): RestrictedIngredient[] {
  return parseRestrictedList(JSON.parse(readFileSync(join(referenceDataDir, 'vn-banned-pesticides.json'), 'utf8')) as SourceEntry[]);
}

function nameMatches(ingredient: string, name: string): boolean {
  if (ingredient === name) return true;
  if (!ingredient.startsWith(`${name} `)) return false;
  const rest = ingredient.slice(name.length + 1).split(' ');
  return rest.every((word) => QUALIFIERS.has(word));
}

const baseName = (folded: string) => folded.split(/\s\d/)[0]!.trim();

function entryMatches(entry: RestrictedIngredient, folded: string): boolean {
  if (entry.elementStems.length) return folded.split(' ').some((word) => entry.elementStems.some((stem) => word.startsWith(stem)));
  return entry.names.some((name) => nameMatches(folded, name));
}

function productMatches(entry: RestrictedIngredient, foldedProduct: string): boolean {
  return entry.tradeNames.some((trade) => trade === foldedProduct || (baseName(trade).length >= 4 && baseName(trade) === baseName(foldedProduct)));
}

const toMatch = (entry: RestrictedIngredient, ingredient: string): RestrictedMatch => ({
  ingredient,
  listedAs: entry.activeIngredient,
  status: entry.status,
  legalBasis: entry.legalBasis,
  group: entry.group,
  groupVi: entry.groupVi,
  prohibitedFrom: entry.prohibitedFrom,
});

/**
 * The restricted entries an application on `usedOn` (YYYY-MM-DD) breaks: one match per offending
 * ingredient (or the product name, when it is a listed trade name).
 */
export function findRestrictedIngredients(
  application: { ingredients: readonly string[]; productName?: string | undefined },
  usedOn: string,
  list: readonly RestrictedIngredient[],
): RestrictedMatch[] {
  const inForce = list.filter((e) => e.prohibitedFrom === null || usedOn >= e.prohibitedFrom);
  const matches: RestrictedMatch[] = [];
  for (const ingredient of application.ingredients) {
    const folded = foldName(ingredient);
    const entry = inForce.find((e) => entryMatches(e, folded));
    if (entry) matches.push(toMatch(entry, ingredient));
  }
  if (application.productName) {
    const folded = foldName(application.productName);
    for (const entry of inForce) {
      if (productMatches(entry, folded) && !matches.some((m) => m.listedAs === entry.activeIngredient)) matches.push(toMatch(entry, application.productName));
    }
  }
  return matches;
}

/** The refusal text: names the ingredient and the legal basis. */
export function describeRestriction(m: RestrictedMatch): string {
  return renderMessage('en', restrictionMessage(m));
}

/** The list's English wording of statuses and legal bases, said the way Vietnamese documents say them. */
const STATUS_VI: Record<string, string> = {
  'banned (listed in Appendix II)': 'bị cấm sử dụng (thuộc Phụ lục II)',
  'removed from the List of permitted pesticides (not in Appendix II, but may no longer be traded or used)':
    'đã bị loại khỏi Danh mục thuốc bảo vệ thực vật được phép sử dụng (không thuộc Phụ lục II nhưng không được buôn bán, sử dụng nữa)',
};

function legalBasisVi(basis: string): string {
  return basis
    .replace(/Appendix II/g, 'Phụ lục II')
    .replace(/Circular/g, 'Thông tư')
    .replace(/Decision/g, 'Quyết định')
    .replace(/\(effective ([0-9/]+)\)/g, '(hiệu lực từ $1)')
    .replace(/successor lists/g, 'các danh mục kế tiếp:')
    .replace(/ and /g, ' và ')
    .replace(/ dated /g, ' ngày ');
}

/** The refusal as a message key, so the HTTP edge can say it in the user's language. */
export function restrictionMessage(m: RestrictedMatch): LocalisedMessage {
  const listed = foldName(m.ingredient) === foldName(m.listedAs)
    ? message('diary.pesticideQuoted', { ingredient: m.ingredient })
    : message('diary.pesticideListedAs', { ingredient: m.ingredient, listedAs: m.listedAs });
  return message('diary.pesticideRestricted', {
    ingredient: listed,
    status: { en: m.status, vi: STATUS_VI[m.status] ?? m.status },
    legalBasis: { en: m.legalBasis, vi: legalBasisVi(m.legalBasis) },
    since: m.prohibitedFrom ? message('diary.pesticideSince', { date: m.prohibitedFrom.split('-').reverse().join('/') }) : '',
  });
}
