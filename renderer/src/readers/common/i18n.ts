// The readers' strings through the shell's i18next instance, with keys checked against strings.ts.
import { useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { ReaderStrings } from '../strings';

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
type WithoutPlural<K extends string> = K extends `${infer B}_other` ? B : K;

/** A key under `reader.`, e.g. `book.toc`; plural keys without their `_other`. */
export type ReaderKey = WithoutPlural<Paths<ReaderStrings>>;
export type ReaderT = (key: ReaderKey, options?: Record<string, unknown>) => string;

type LooseT = (key: string, options?: Record<string, unknown>) => string;

export function readerT(t: unknown): ReaderT {
  return (key, options) => (t as LooseT)(`reader.${key}`, options);
}

export function useReaderT(): { t: ReaderT; i18n: I18n; language: 'ko' | 'en' } {
  const { t, i18n } = useTranslation();
  const language = i18n.language?.startsWith('en') ? 'en' : 'ko';
  return { t: readerT(t), i18n, language };
}

/** The same text in Korean and in English, Korean first (for messages that must be understood). */
export function bothLanguages(i18n: I18n, key: ReaderKey, options?: Record<string, unknown>): { ko: string; en: string } {
  return {
    ko: readerT(i18n.getFixedT('ko'))(key, options),
    en: readerT(i18n.getFixedT('en'))(key, options),
  };
}
