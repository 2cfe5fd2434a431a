import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { decodeText } from '../main/core/extract/encoding.js';
import { ExtractError } from '../main/core/errors.js';
import { corpusAvailable, corpusPath } from './helpers/paths.js';

describe('decodeText', () => {
  it('keeps CP949-only syllables such as 똠 and 뷁 that the euc-kr decoder garbles', () => {
    const text = '똠방각하가 뷁뷁 웃었다. 쌰, 똠얌꿍!';
    const { text: out, encoding } = decodeText(iconv.encode(text, 'cp949'));
    expect(encoding).toBe('cp949');
    expect(out).toBe(text);
  });

  it('reads UTF-8 with and without a BOM, and UTF-16 in both byte orders', () => {
    const text = '창문 — window 노동';
    expect(decodeText(Buffer.from(text, 'utf8')).text).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])).encoding).toBe('utf-8-bom');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])).text).toBe(text);
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text).toBe(text);
  });

  it('turns decomposed Hangul into NFC', () => {
    const decomposed = '노동'.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan(2);
    expect(decodeText(Buffer.from(decomposed, 'utf8')).text).toBe('노동');
  });

  it('refuses binary data with a typed encoding error', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0x00, 0x80]);
    expect(() => decodeText(png)).toThrow(ExtractError);
    try {
      decodeText(png);
    } catch (e) {
      expect((e as ExtractError).code).toBe('encoding');
    }
  });

  it('on arbitrary bytes returns NFC text or throws an ExtractError, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        try {
          const { text } = decodeText(bytes);
          return text === text.normalize('NFC');
        } catch (e) {
          return e instanceof ExtractError;
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe.skipIf(!corpusAvailable)('decodeText on the 동백꽃 corpus files', () => {
  it('the UTF-8 and the EUC-KR copies decode to the same NFC text', () => {
    const a = decodeText(readFileSync(corpusPath('korean-text', 'dongbaekkot.utf8.txt')));
    const b = decodeText(readFileSync(corpusPath('korean-text', 'dongbaekkot.euc-kr.txt')));
    expect(b.encoding).toBe('cp949');
    expect(a.text).toBe(b.text);
    expect(a.text).toContain('점순이');
    expect(a.text).not.toContain('\ufffd');
  });
});
