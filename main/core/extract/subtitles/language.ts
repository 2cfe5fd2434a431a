// Language codes as subtitle files write them (ISO 639-1 and -2, country codes used as language
// codes, English and Korean names) reduced to the short code the catalog uses ('ko', 'en').

const CODES: Record<string, string> = {
  ko: 'ko', kor: 'ko', kr: 'ko', kore: 'ko', korean: 'ko', 한국어: 'ko', 한글: 'ko', 한국: 'ko',
  en: 'en', eng: 'en', english: 'en', 영어: 'en',
  ja: 'ja', jpn: 'ja', jp: 'ja', japanese: 'ja', 일본어: 'ja',
  zh: 'zh', chi: 'zh', zho: 'zh', chs: 'zh', cht: 'zh', cn: 'zh', chinese: 'zh', 중국어: 'zh',
  fr: 'fr', fre: 'fr', fra: 'fr', french: 'fr',
  de: 'de', ger: 'de', deu: 'de', german: 'de',
  es: 'es', spa: 'es', spanish: 'es',
  it: 'it', ita: 'it', italian: 'it',
  pt: 'pt', por: 'pt', portuguese: 'pt',
  ru: 'ru', rus: 'ru', russian: 'ru',
  vi: 'vi', vie: 'vi', vietnamese: 'vi',
  th: 'th', tha: 'th', thai: 'th',
  id: 'id', ind: 'id', indonesian: 'id',
  ar: 'ar', ara: 'ar', arabic: 'ar',
  hi: 'hi', hin: 'hi', tr: 'tr', tur: 'tr', nl: 'nl', dut: 'nl', nld: 'nl', pl: 'pl', pol: 'pl',
  sv: 'sv', swe: 'sv', uk: 'uk', ukr: 'uk', he: 'he', heb: 'he', el: 'el', gre: 'el', ell: 'el',
  fa: 'fa', per: 'fa', fas: 'fa', ms: 'ms', may: 'ms', msa: 'ms', tl: 'tl', fil: 'tl', mn: 'mn', mon: 'mn',
};

/**
 * 'ko-KR' → 'ko', 'kor' → 'ko', 'kr-KR' → 'ko' (a common mistake in Korean SAMI styles: `kr` is the
 * country), 'English' → 'en'. Unknown codes give undefined rather than a guess.
 */
export function normalizeLanguage(code: string): string | undefined {
  const primary = code.replace(/["']/g, '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(CODES, primary) ? CODES[primary] : undefined;
}

/** SAMI classes named after their language with a CC suffix, as SAMI authoring tools write them. */
const SAMI_CLASSES: Record<string, string> = {
  KRCC: 'ko', KOCC: 'ko', KOKRCC: 'ko', KRKRCC: 'ko',
  ENCC: 'en', EGCC: 'en', ENUSCC: 'en', ENGCC: 'en', USCC: 'en',
  JPCC: 'ja', JACC: 'ja', JAJPCC: 'ja', CNCC: 'zh', ZHCC: 'zh', CHCC: 'zh',
  FRCC: 'fr', DECC: 'de', ESCC: 'es',
};

export function languageOfSamiClass(className: string): string | undefined {
  const key = className.toUpperCase();
  return Object.hasOwn(SAMI_CLASSES, key) ? SAMI_CLASSES[key] : undefined;
}

/** Markers that sit beside the language in file names (`film.en.sdh.srt`) and are not one. */
const NAME_FLAGS = new Set(['forced', 'sdh', 'cc', 'hi', 'default', 'full', 'sub', 'subs', 'subtitle', 'subtitles']);

/**
 * The language a subtitle file name declares: `film.ko.srt` → 'ko', `film.kor.smi` → 'ko',
 * `film.en.forced.vtt` → 'en', `film.srt` → undefined.
 */
export function languageFromSubtitleName(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const parts = base.split('.');
  // parts[0] is the title and the last part the extension; the language is the nearest tag before
  // the extension that is not a flag.
  for (let i = parts.length - 2, seen = 0; i >= 1 && seen < 3; i--, seen++) {
    const tag = (parts[i] ?? '').trim().toLowerCase();
    if (NAME_FLAGS.has(tag)) continue;
    return normalizeLanguage(tag);
  }
  return undefined;
}
