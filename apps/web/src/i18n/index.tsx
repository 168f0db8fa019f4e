/**
 * Language state and translation. Vietnamese is the default and the source of the message keys;
 * the choice is kept in localStorage. `useT()` translates, `useFormat()` formats numbers and dates
 * for the current language (i18n/format.ts).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.ts';
import { formatDate, formatDateTime, formatNumber, formatPercent, parseNumber, type Lang } from './format.ts';
import { vi, type MessageKey, type Messages } from './vi.ts';

export type { Lang } from './format.ts';
export type { MessageKey } from './vi.ts';

const CATALOGUES: Record<Lang, Messages> = { vi, en };
const STORAGE_KEY = 'dongxanh.lang';

function readStoredLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'en' || stored === 'vi' ? stored : 'vi';
  } catch {
    return 'vi';
  }
}

interface LangContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const LangContext = createContext<LangContextValue>({ lang: 'vi', setLang: () => undefined });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode or storage full: the choice lasts for this visit only.
    }
  }, []);

  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangContextValue {
  return useContext(LangContext);
}

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** Replaces `{name}` placeholders; numbers are formatted for the language. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = CATALOGUES[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value, { max: 2 }) : value;
  });
}

export function useT(): Translate {
  const { lang } = useLang();
  return useCallback<Translate>((key, params) => translate(lang, key, params), [lang]);
}

export interface Formatters {
  number: (value: number, digits?: { fixed?: number; max?: number }) => string;
  percent: (value: number, fixed?: number) => string;
  date: (value: string | Date) => string;
  dateTime: (value: string | Date) => string;
  parse: (text: string) => number | undefined;
}

export function useFormat(): Formatters {
  const { lang } = useLang();
  return useMemo<Formatters>(
    () => ({
      number: (value, digits) => formatNumber(lang, value, digits),
      percent: (value, fixed) => formatPercent(lang, value, fixed),
      date: (value) => formatDate(lang, value),
      dateTime: (value) => formatDateTime(lang, value),
      parse: (text) => parseNumber(lang, text),
    }),
    [lang],
  );
}
