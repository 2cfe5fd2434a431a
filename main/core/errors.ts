// The one error type an extractor may throw: it says what went wrong with which file, in Korean and
// English, so the catalog can turn it into a problem entry a person understands.

export type ExtractErrorCode =
  | 'empty'
  | 'encoding'
  | 'corrupt'
  | 'unsupported'
  | 'too-large'
  | 'no-content'
  | 'unreadable';

const MESSAGES: Record<ExtractErrorCode, { ko: string; en: string }> = {
  empty: { ko: '파일이 비어 있습니다.', en: 'The file is empty.' },
  encoding: {
    ko: '글자 인코딩을 알 수 없어 읽을 수 없습니다.',
    en: 'The text encoding is not one we can read.',
  },
  corrupt: {
    ko: '파일이 손상되었거나 잘려 있어 열 수 없습니다.',
    en: 'The file is damaged or cut short and cannot be opened.',
  },
  unsupported: {
    ko: '지원하지 않는 형식입니다.',
    en: 'This kind of file is not supported.',
  },
  'too-large': {
    ko: '파일이 너무 커서 안전하게 열 수 없습니다.',
    en: 'The file is too large to open safely.',
  },
  'no-content': {
    ko: '파일에서 읽을 수 있는 내용을 찾지 못했습니다.',
    en: 'No readable content was found in the file.',
  },
  unreadable: {
    ko: '파일을 읽을 수 없습니다.',
    en: 'The file could not be read.',
  },
};

export class ExtractError extends Error {
  override readonly name = 'ExtractError';
  readonly code: ExtractErrorCode;
  /** Technical detail for volunteers and logs (never shown alone to a recipient). */
  readonly detail: string;

  constructor(code: ExtractErrorCode, detail: string, options?: { cause?: unknown }) {
    super(`changmun: ${code}: ${detail}`, options);
    this.code = code;
    this.detail = detail;
  }

  /** The plain sentence for a person, naming the file. */
  messageFor(path: string): { ko: string; en: string } {
    return describeFailure(path, this.code, this.detail);
  }
}

/** "<file>: <what happened> (<detail>)" in Korean and in English. */
export function describeFailure(path: string, code: ExtractErrorCode, detail: string): { ko: string; en: string } {
  const m = MESSAGES[code] ?? MESSAGES.unreadable;
  const tail = detail ? ` (${detail})` : '';
  return { ko: `${path}: ${m.ko}${tail}`, en: `${path}: ${m.en}${tail}` };
}

export function isExtractError(e: unknown): e is ExtractError {
  return e instanceof ExtractError;
}
