// What a library is made of before anything is read: its settings (library.json) and the files that
// can become items. Light on purpose: the app's start needs this, and none of the extractors.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../types.js';
import { DEFAULT_SETTINGS, isExcluded, parseLibraryJson, type LibrarySettings } from '../drive/library-json.js';
import { walkLibrary, type LibraryFile, type WalkSkip } from '../drive/walk.js';
import { decodeText } from '../extract/encoding.js';
import { fileKindOf } from './file-kinds.js';
import { segmentsOfRelativePath } from '../serve/guard.js';

export async function readLibrarySettings(libraryRoot: string): Promise<{ settings: LibrarySettings; problems: Problem[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path.join(libraryRoot, 'library.json'));
  } catch {
    return { settings: { ...DEFAULT_SETTINGS, collections: {}, exclude: [] }, problems: [] };
  }
  let text: string;
  try {
    text = decodeText(bytes).text;
  } catch {
    text = '';
  }
  const { settings, issues } = parseLibraryJson(text);
  const problems = issues.map((i) => ({
    path: 'library.json',
    code: 'settings',
    message: `${i.messageKo} / ${i.messageEn}`,
    messageKo: i.messageKo,
    messageEn: i.messageEn,
  }));
  return { settings, problems };
}

/** A file left out before extraction: the walk's reasons, and names no reader could open. */
export interface ContentSkip {
  path: string;
  reason: WalkSkip['reason'] | 'unsafe-name';
  detail: string;
}

/** Problems for what the walk could not or would not enter (links out of the library), or names refused. */
export function skipProblems(skipped: ContentSkip[]): Problem[] {
  return skipped.map((s) => {
    const [ko, en] =
      s.reason === 'link-outside'
        ? [`${s.path}: 서재 밖을 가리키는 링크라서 열지 않습니다.`, `${s.path}: this link points outside the library, so it is not opened.`]
        : s.reason === 'unsafe-name'
          ? [
              `${s.path}: 이 이름으로는 안전하게 열 수 없어 보여 주지 않습니다 (끝의 점이나 빈칸, : * " < > | \\ 같은 글자, CON·NUL 같은 장치 이름, % 뒤의 16진수 두 자리). 이름을 바꾸세요.`,
              `${s.path}: this name cannot be opened safely, so the file is not shown (a trailing dot or space, a character such as : * " < > | \\, a device name such as CON or NUL, or % and two hex digits): rename it.`,
            ]
          : [`${s.path}: 읽을 수 없습니다 (${s.detail})`, `${s.path}: could not be read (${s.detail})`];
    return { path: s.path, code: s.reason, message: `${ko} / ${en}`, messageKo: ko, messageEn: en };
  });
}

/**
 * The files of a library that can become items (not images or styles, not excluded). A file whose
 * name the path guard refuses (a folder `notes..`, a name with `:` or a trailing space: Windows
 * reads those as other names) could be listed but never opened, so it is a problem instead.
 */
export async function listContentFiles(libraryRoot: string, settings: LibrarySettings): Promise<{ files: LibraryFile[]; skipped: ContentSkip[] }> {
  const walked = await walkLibrary(libraryRoot);
  const skipped: ContentSkip[] = [...walked.skipped];
  const files: LibraryFile[] = [];
  for (const f of walked.files) {
    if (fileKindOf(f.path) === 'asset' || isExcluded(f.path, settings.exclude)) continue;
    if (segmentsOfRelativePath(f.path) === undefined) skipped.push({ path: f.path, reason: 'unsafe-name', detail: 'name refused by the path guard' });
    else files.push(f);
  }
  return { files, skipped };
}
