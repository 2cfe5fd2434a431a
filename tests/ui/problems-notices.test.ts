// The recipient's problems badge counts files that cannot be opened, not notices: a picture book is
// listed by the scan and the report as "pictures only, not searchable by its text" for the
// volunteers, and opens as any book, so it must not appear to a reader as a broken file.
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../main/api';
import { recipientProblems } from '../../renderer/src/components/ProblemsDialog';

const problem = (path: string, code: string, kind?: 'notice'): Problem => ({
  path, code, message: code, messageKo: code, messageEn: code, ...(kind ? { kind } : {}),
});

describe('the problems a reader is shown', () => {
  it('are the files that cannot be used, without notices or library.json', () => {
    const all = [
      problem('books/broken.epub', 'corrupt'),
      problem('books/만화.epub', 'pictures-only', 'notice'),
      problem('library.json', 'settings'),
      problem('articles/빈.md', 'empty'),
    ];
    expect(recipientProblems(all).map((p) => p.path)).toEqual(['books/broken.epub', 'articles/빈.md']);
  });
});
