// library.json: the optional description of a library a volunteer writes at its root.
// A bad field is reported by name and replaced by its default; the library always opens.

export interface LibrarySettings {
  /** Shown on the home screen. */
  title?: string;
  /** Default interface language. */
  language: 'ko' | 'en';
  /** Collection name → folders (relative to the library root, '/'-separated). */
  collections: Record<string, string[]>;
  /** The name the app shows in its window title; neutral by default. */
  appName?: string;
  /** Files or folders (relative to the library root) that are not items: notes for volunteers. */
  exclude: string[];
}

export interface LibraryJsonIssue {
  field: string;
  messageKo: string;
  messageEn: string;
}

export const DEFAULT_SETTINGS: LibrarySettings = { language: 'ko', collections: {}, exclude: [] };

export function parseLibraryJson(text: string): { settings: LibrarySettings; issues: LibraryJsonIssue[] } {
  const issues: LibraryJsonIssue[] = [];
  const settings: LibrarySettings = { language: 'ko', collections: {}, exclude: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    issues.push({
      field: '(file)',
      messageKo: `library.json을 JSON으로 읽을 수 없어 기본 설정을 씁니다: ${(e as Error).message}`,
      messageEn: `library.json is not valid JSON, so defaults are used: ${(e as Error).message}`,
    });
    return { settings, issues };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    issues.push({
      field: '(file)',
      messageKo: 'library.json은 { … } 객체여야 합니다. 기본 설정을 씁니다.',
      messageEn: 'library.json must be an object { … }; defaults are used.',
    });
    return { settings, issues };
  }
  const o = raw as Record<string, unknown>;
  const bad = (field: string, ko: string, en: string) =>
    issues.push({ field, messageKo: `library.json "${field}": ${ko}`, messageEn: `library.json "${field}": ${en}` });

  if (o['title'] !== undefined) {
    if (typeof o['title'] === 'string' && o['title'].trim()) settings.title = o['title'].trim().normalize('NFC');
    else bad('title', '비어 있지 않은 글자여야 합니다. 무시합니다.', 'must be a non-empty string; ignored.');
  }
  if (o['language'] !== undefined) {
    if (o['language'] === 'ko' || o['language'] === 'en') settings.language = o['language'];
    else bad('language', '"ko" 또는 "en"이어야 합니다. 한국어를 씁니다.', 'must be "ko" or "en"; Korean is used.');
  }
  if (o['appName'] !== undefined) {
    if (typeof o['appName'] === 'string' && o['appName'].trim()) settings.appName = o['appName'].trim().normalize('NFC');
    else bad('appName', '비어 있지 않은 글자여야 합니다. 무시합니다.', 'must be a non-empty string; ignored.');
  }
  const c = o['collections'];
  if (c !== undefined) {
    if (typeof c !== 'object' || c === null || Array.isArray(c)) {
      bad('collections', '이름 → 폴더 목록 객체여야 합니다. 무시합니다.', 'must be an object of name → list of folders; ignored.');
    } else {
      for (const [name, folders] of Object.entries(c as Record<string, unknown>)) {
        const list = typeof folders === 'string' ? [folders] : folders;
        if (!Array.isArray(list) || list.some((f) => typeof f !== 'string')) {
          bad(`collections.${name}`, '폴더 이름 목록이어야 합니다. 이 모음을 건너뜁니다.', 'must be a list of folder names; this collection is skipped.');
          continue;
        }
        const cleaned = (list as string[]).map(normaliseFolder).filter((f): f is string => f !== undefined);
        if (cleaned.length !== list.length) {
          bad(`collections.${name}`, '서재 밖을 가리키는 폴더는 건너뜁니다.', 'folders outside the library are skipped.');
        }
        settings.collections[name.normalize('NFC')] = cleaned;
      }
    }
  }
  const x = o['exclude'];
  if (x !== undefined) {
    const list = typeof x === 'string' ? [x] : x;
    if (!Array.isArray(list) || list.some((f) => typeof f !== 'string')) {
      bad('exclude', '파일이나 폴더 이름 목록이어야 합니다. 무시합니다.', 'must be a list of file or folder names; ignored.');
    } else {
      settings.exclude = (list as string[]).map(normaliseFolder).filter((f): f is string => f !== undefined && f !== '');
    }
  }
  for (const key of Object.keys(o)) {
    if (!['title', 'language', 'appName', 'collections', 'exclude'].includes(key)) {
      bad(key, '알 수 없는 항목이라 무시합니다.', 'unknown field; ignored.');
    }
  }
  return { settings, issues };
}

/** 'articles\\history/' → 'articles/history'; anything leaving the library → undefined. */
function normaliseFolder(folder: string): string | undefined {
  const parts = folder.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..' || p.includes(':'))) return undefined;
  if (/^[/\\]/.test(folder)) return undefined;
  return parts.join('/').normalize('NFC');
}

/** Whether library.json leaves this file out of the catalog. */
export function isExcluded(path: string, exclude: readonly string[]): boolean {
  return exclude.some((x) => path === x || path.startsWith(`${x}/`));
}

/** The collections an item at `path` belongs to. */
export function collectionsOf(path: string, collections: Record<string, string[]>): string[] {
  const out: string[] = [];
  for (const [name, folders] of Object.entries(collections)) {
    if (folders.some((f) => f === '' || path === f || path.startsWith(`${f}/`))) out.push(name);
  }
  return out;
}
