// @vitest-environment jsdom
// Issue 16: what a recipient is told when something fails is one plain sentence in the language they
// chose, never an exception's message or a program's technical detail (those are for the console and
// the volunteers' report). The pieces the browser tests cannot easily reach: the reader's error
// boundary (a reader that throws), the sentence kept from a back-end error, and the problems list's
// sentences by code.
import { act, createElement, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../main/contract/errors';
import { ReaderErrorBoundary } from '../../renderer/src/components/ReaderErrorBoundary';
import { problemReasonKey, recipientProblems } from '../../renderer/src/components/ProblemsDialog';
import { i18n } from '../../renderer/src/i18n';
import { plainError } from '../../renderer/src/plain-error';
import { plainReason } from '../../renderer/src/readers/common/ReaderError';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TECHNICAL = "TypeError: Cannot read properties of undefined (reading 'spine') at BookReader.tsx:120";

function Thrower(): ReactNode {
  throw new Error(TECHNICAL);
}

function renderBoundary(): { text: string; unmount: () => void } {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() => root.render(createElement(ReaderErrorBoundary, { path: 'books/깨진 책.epub', onClose: () => undefined, children: createElement(Thrower) })));
  return {
    text: host.textContent ?? '',
    unmount: () => {
      act(() => root.unmount());
      host.remove();
    },
  };
}

beforeEach(() => {
  // The boundary and plainError write the cause to the console, for whoever debugs.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await i18n.changeLanguage('ko');
});

describe('a reader that throws', () => {
  it('shows the file and a plain Korean sentence, not the exception', async () => {
    await i18n.changeLanguage('ko');
    const { text, unmount } = renderBoundary();
    expect(text).toContain('이 파일을 열 수 없습니다.');
    expect(text).toContain('books/깨진 책.epub');
    expect(text).toContain('돌아가기');
    expect(text).not.toContain('Cannot read');
    expect(text.replace('books/깨진 책.epub', '')).not.toMatch(/[A-Za-z]{3,}/);
    unmount();
  });

  it('in English when English was chosen, with no Korean and no exception', async () => {
    await i18n.changeLanguage('en');
    const { text, unmount } = renderBoundary();
    expect(text).toContain('This file could not be opened.');
    expect(text).toContain('Go back');
    expect(text.replace('books/깨진 책.epub', '')).not.toMatch(/[가-힣]/);
    expect(text).not.toMatch(/TypeError|spine|\.tsx/);
    unmount();
  });
});

describe('the sentence a failure becomes', () => {
  it('keeps the back end\'s sentence for people, without its technical note, in the chosen language', async () => {
    const e = new ApiError('too-large', 'books/큰 책.epub: 파일이 너무 커서 안전하게 열 수 없습니다. (inflate: 4 GiB > 512 MiB)', 'books/큰 책.epub: The file is too large to open safely. (inflate: 4 GiB > 512 MiB)');
    expect(plainError(e)).toBe('books/큰 책.epub: 파일이 너무 커서 안전하게 열 수 없습니다.');
    await i18n.changeLanguage('en');
    expect(plainError(e)).toBe('books/큰 책.epub: The file is too large to open safely.');
  });

  it('turns anything else (an exception, a program\'s own fault) into "something went wrong, try again"', () => {
    expect(plainError(new Error('ENOENT: no such file or directory, open C:\\\\x'))).toBe('잠시 문제가 생겼습니다. 다시 해 보세요.');
    expect(plainError(new ApiError('failed', '앱 안에서 요청이 전달되지 못했습니다(search): boom', 'The request did not get through inside the app (search): boom'))).toBe(
      '잠시 문제가 생겼습니다. 다시 해 보세요.',
    );
    expect(plainError('HTTP 500')).toBe('잠시 문제가 생겼습니다. 다시 해 보세요.');
  });

  it('a refused file\'s reason loses its path (already on screen) and its detail', () => {
    expect(plainReason('books/a.epub: 파일이 손상되었거나 잘려 있어 열 수 없습니다. (central directory not found)', 'books/a.epub')).toBe(
      '파일이 손상되었거나 잘려 있어 열 수 없습니다.',
    );
    expect(plainReason('파일을 읽을 수 없습니다.', 'books/a.epub')).toBe('파일을 읽을 수 없습니다.');
  });
});

describe('the problems list', () => {
  it('says one plain sentence per code, and leaves library.json to the volunteers', () => {
    for (const code of ['empty', 'encoding', 'corrupt', 'unsupported', 'too-large', 'no-content', 'index-failed']) {
      const ko = i18n.getFixedT('ko')(problemReasonKey(code));
      const en = i18n.getFixedT('en')(problemReasonKey(code));
      expect(ko, code).toMatch(/[가-힣]/);
      expect(ko, code).not.toMatch(/[A-Za-z]{3,}/);
      expect(en, code).not.toMatch(/[가-힣]/);
      expect(en, code).not.toContain('problems.');
    }
    expect(problemReasonKey('link-outside')).toBe('problems.reason.other');
    const shown = recipientProblems([
      { path: 'library.json', code: 'settings', message: 'x', messageKo: 'x', messageEn: 'x' },
      { path: 'books/a.epub', code: 'corrupt', message: 'y', messageKo: 'y', messageEn: 'y' },
    ]);
    expect(shown.map((p) => p.path)).toEqual(['books/a.epub']);
  });
});
