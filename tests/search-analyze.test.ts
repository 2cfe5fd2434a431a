import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, analyzeQuery, choseongOf, matchRanges, normalizeInput, phraseHolds } from '../main/text/analyze.js';
import { flattenSpaces } from '../main/text/snippet.js';
import { corpusAvailable, corpusPath } from './helpers/paths.js';

/** The single term a one-word text analyses to. */
function term(word: string): string {
  const terms = analyze(word);
  expect(terms, `analyze(${word})`).toHaveLength(1);
  return terms[0] as string;
}

describe('analyze: Korean particles and endings', () => {
  const sameTerm: Array<[string, string]> = [
    ['타이타닉을', '타이타닉'],
    ['타이타닉은', '타이타닉'],
    ['타이타닉에서', '타이타닉'],
    ['타이타닉이', '타이타닉'],
    ['타이타닉의', '타이타닉'],
    ['타이타닉으로', '타이타닉'],
    ['노동자들은', '노동자들'],
    ['노동자들은', '노동자'],
    ['노동자들의', '노동자'],
    ['사람들에게서', '사람'],
    ['역사에서는', '역사'],
    ['학교에', '학교'],
    ['학교까지도', '학교'],
    ['도시로', '도시'],
    ['서울로', '서울'],
    ['집에서', '집'],
    ['사과를', '사과'],
    ['나이가', '나이'],
    ['학생이었다', '학생'],
    ['학생입니다', '학생'],
    ['나무였다', '나무'],
    ['노동하는', '노동'],
    ['사용되는', '사용'],
    ['점순이가', '점순이'],
    ['고양이가', '고양이'],
    ['도로는', '도로'],
  ];
  it.each(sameTerm)('%s and %s give the same term', (a, b) => {
    expect(term(a)).toBe(term(b));
  });

  it('reduces words to the expected stems', () => {
    expect(analyze('노동자들은 역사에서는 학교에')).toEqual(['노동자', '역사', '학교']);
  });

  const distinct: Array<[string, string]> = [
    ['바다', '바'],
    ['사과', '사'],
    ['나이', '나'],
    ['가을', '가'],
    ['효과', '효'],
    ['아들', '아'],
  ];
  it.each(distinct)('keeps %s apart from %s (a one-syllable stem is left only for the listed nouns)', (a, b) => {
    expect(term(a)).toBe(a);
    expect(term(a)).not.toBe(term(b));
  });

  it('keeps the order of words and their repetitions', () => {
    expect(analyze('타이타닉을 봤다. 타이타닉은 컸다')).toEqual(['타이타닉', '봤다', '타이타닉', '컸다']);
  });

  it('takes the particle off a common one-syllable noun (lists/one-syllable-nouns.ts)', () => {
    expect(analyze('돈을 모아 방에 들어가니 집이 비었다. 손에 든 술이 물이었다')).toEqual(['돈', '모아', '방', '들어가니', '집', '비었다', '손', '든', '술', '물']);
    expect(analyze('눈이며 꿈을 밥도')).toEqual(['눈', '꿈', '밥']);
  });

  it('leaves a one-syllable noun with the particle that makes another word', () => {
    // 꽃이 피는 (blooming), 피로 (fatigue), 불만 (discontent), 강의 (lecture), 별로 (not much), 새로 (newly), 해도 (even if one does).
    for (const w of ['피는', '피로', '불만', '불과', '강의', '강도', '별로', '새로', '해도', '속도', '안도', '문의']) expect(term(w), w).toBe(w);
    // The same for nouns listed later: 돌아 (turning), 살아 (living), 종이 (paper), 실은 (in fact), 장만 (getting ready), 복도 (corridor).
    for (const w of ['돌아', '살아', '종이', '실은', '장만', '복도', '품은', '성과', '절로']) expect(term(w), w).toBe(w);
    expect(analyze('밭에 돌을 던진 탓에 뜻을 이루었다')).toEqual(['밭', '돌', '던진', '탓', '뜻', '이루었다']);
    // And nouns that are not listed keep two syllables: 아이, 나이, 가을.
    for (const w of ['아이', '나이', '가을']) expect(term(w), w).toBe(w);
  });

  it('takes off 께, 더러 and the vocative 아/야, with two syllables left', () => {
    expect(term('어머니께')).toBe('어머니');
    expect(term('덕기더러')).toBe('덕기');
    expect(term('운경이더러')).toBe(term('운경이'));
    expect(term('관호야')).toBe('관호');
    expect(term('창룡아')).toBe(term('창룡'));
    for (const w of ['함께', '더러', '해야', '시야', '분야']) expect(term(w), w).toBe(w);
  });

  it('stops at words whose last syllable is not a particle (lists/keep-whole.ts)', () => {
    expect(term('경기도')).toBe('경기도');
    expect(term('경기도에서')).toBe('경기도');
    expect(term('경기도')).not.toBe(term('경기'));
    expect(term('민주주의')).toBe('민주주의');
    expect(term('민주주의를')).toBe('민주주의');
    expect(term('고양이가')).toBe('고양이');
    expect(term('고양이')).not.toBe(term('고양'));
  });
});

describe('analyze: the initial-sound rule (두음법칙)', () => {
  const northSouth: Array<[string, string]> = [
    ['로동', '노동'],
    ['력사', '역사'],
    ['리용', '이용'],
    ['료리', '요리'],
    ['녀성', '여성'],
    ['뇨소', '요소'],
    ['래일', '내일'],
    ['락원', '낙원'],
    ['로동자들은', '노동자'],
    ['력사에서는', '역사'],
  ];
  it.each(northSouth)('%s meets %s', (north, south) => {
    expect(term(north)).toBe(term(south));
  });

  it('leaves one-syllable words and loanwords alone: they keep ㄹ and ㄴ in both Koreas', () => {
    // 라면 (ramyeon) is not 나면 (a form of 나다), 뉴스 not 유스, 룬 not 눈, 리스트 not 이스트.
    const pairs: Array<[string, string]> = [['라면', '나면'], ['뉴스', '유스'], ['룬이', '눈이'], ['리스트를', '이스트'], ['라디오를', '나디오']];
    for (const [w, other] of pairs) {
      expect(term(w), w).not.toBe(term(other));
    }
    expect(term('러시아인')).toBe('러시아인');
    // The bound nouns 년 and 리: 오라질 년이 is not 연이 (a kite), 그럴 리가 not 이가 (a tooth).
    expect(term('년이')).toBe('년');
    expect(term('년이')).not.toBe(term('연이'));
    expect(term('리가')).toBe('리');
    expect(term('리가')).not.toBe(term('이가'));
  });

  it('changes only the first syllable of a word', () => {
    expect(term('노력')).toBe('노력');
    expect(term('신라')).toBe('신라');
    expect(term('로력')).toBe('노력');
  });
});

describe('normalizeInput', () => {
  it('composes jamo typed letter by letter into syllables', () => {
    expect(normalizeInput('ㄴㅗㄷㅗㅇ')).toBe('노동');
    expect(normalizeInput('ㅇㅏㄴㅈㅏ')).toBe('안자');
    expect(normalizeInput('ㄷㅏㄹㄱ ㅂㅜㅔㄹㄱ')).toBe('닭 뷁');
  });

  it('leaves consonants that form no syllable as typed, without NFKC-ing them', () => {
    expect(normalizeInput('ㅌㅇㅌㄴ')).toBe('ㅌㅇㅌㄴ');
    expect(normalizeInput('ㅋㅋㅋ')).toBe('ㅋㅋㅋ');
  });

  it('composes decomposed (NFD) Hangul', () => {
    const nfd = '노동자들은'.normalize('NFD');
    expect(nfd).not.toBe('노동자들은');
    expect(normalizeInput(nfd)).toBe('노동자들은');
    expect(analyze(nfd)).toEqual(['노동자']);
  });

  it('turns full-width Latin and digits into lower-case ASCII', () => {
    expect(normalizeInput('ＢＴＳ　２０２４년')).toBe('bts 2024년');
    expect(analyze('ＢＴＳ의 노래')).toEqual(analyze('BTS의 노래'));
  });

  it('makes jamo input analyse like the composed word', () => {
    expect(analyze('ㄹㅗㄷㅗㅇㅈㅏㄷㅡㄹㅇㅡㄴ')).toEqual(['노동자']);
  });
});

describe('analyze: mixed Hangul and Latin', () => {
  it('splits Latin from Hangul and drops a particle glued to Latin letters', () => {
    expect(analyze('BTS의 노래')).toEqual(['bts', '노래']);
    expect(analyze('CD를 샀다')).toEqual(['cd', '샀다']);
  });

  it('keeps letters outside the BMP inside their word', () => {
    expect(analyze('𠮷野家 and 𝐀')).toEqual(['𠮷野家', '𝐀']);
  });

  it('keeps a counter glued to digits, without its particle', () => {
    expect(analyze('3월에')).toEqual(['3', '월']);
    expect(analyze('3월에')).toEqual(analyze('3월'));
  });
});

describe('analyze: English', () => {
  it('stems with Porter, one term per word', () => {
    expect(analyze('running runs run')).toEqual(['run', 'run', 'run']);
    expect(term('libraries')).toBe(term('library'));
  });

  it('drops the possessive and diacritics', () => {
    expect(term("library's")).toBe(term('library'));
    expect(term('café')).toBe('cafe');
    expect(term('Café')).toBe(term('cafe'));
  });

  it('drops stop words and keeps numbers', () => {
    expect(analyze('The History of the War in 1950')).toEqual(['histori', 'war', '1950']);
    expect(analyze('the a an of and or to in is')).toEqual([]);
  });

  it('keeps short words such as acronyms whole', () => {
    expect(term('BTS')).toBe('bts');
  });
});

describe('choseongOf and initial-consonant queries', () => {
  it('takes the initial consonant of every syllable', () => {
    expect(choseongOf('타이타닉')).toBe('ㅌㅇㅌㄴ');
    expect(choseongOf('동백꽃 (2판)')).toBe('ㄷㅂㄲㅍ');
  });

  it('marks a query of initial consonants only', () => {
    expect(analyzeQuery('ㅌㅇㅌㄴ').choseong).toBe('ㅌㅇㅌㄴ');
    expect(analyzeQuery('ㅌㅇ ㅌㄴ').choseong).toBe('ㅌㅇㅌㄴ');
    expect(analyzeQuery('타이타닉').choseong).toBeUndefined();
    expect(analyzeQuery('ㅏㅓ').choseong).toBeUndefined();
    // One letter alone is in nearly every title: it finds nothing rather than everything unmarked.
    expect(analyzeQuery('ㅎ').choseong).toBeUndefined();
    expect(analyzeQuery(' ㅎ ').choseong).toBeUndefined();
    expect(analyzeQuery('ㅎㄴ').choseong).toBe('ㅎㄴ');
  });
});

describe('analyzeQuery', () => {
  it('gives the word being typed as an analysed prefix, apart from the finished words', () => {
    expect(analyzeQuery('로동자 력사')).toEqual({ terms: ['노동자'], words: ['로동자'], prefix: '역사', prefixWord: '력사' });
    expect(analyzeQuery('타이타')).toEqual({ terms: [], words: [], prefix: '타이타', prefixWord: '타이타' });
  });

  it('takes a Korean word typed with a particle or an ending as finished: its stem, not the start of longer words', () => {
    expect(analyzeQuery('타이타닉을')).toEqual({ terms: ['타이타닉'], words: ['타이타닉을'] });
    // 물에 is 물 (water) with 에: not 물결, 물론, 물건.
    expect(analyzeQuery('물에')).toEqual({ terms: ['물'], words: ['물에'] });
    expect(analyzeQuery('어머니께')).toEqual({ terms: ['어머니'], words: ['어머니께'] });
  });

  it('has no prefix once the query ends in a space or punctuation', () => {
    expect(analyzeQuery('타이타닉을 ')).toEqual({ terms: ['타이타닉'], words: ['타이타닉을'] });
    expect(analyzeQuery('타이타닉.')).toEqual({ terms: ['타이타닉'], words: ['타이타닉'] });
    expect(analyzeQuery('BTS의')).toEqual({ terms: ['bts'], words: ['bts'] });
  });

  it('keeps a stop word being typed as a prefix (the → theory)', () => {
    expect(analyzeQuery('war the')).toEqual({ terms: ['war'], words: ['war'], prefix: 'the', prefixWord: 'the' });
  });
});

describe('quoted phrases', () => {
  it('are read from the query, each as its words', () => {
    expect(analyzeQuery('"조 의관" 집 ')).toMatchObject({ terms: ['조', '의관', '집'], phrases: [['조', '의관']] });
    expect(analyzeQuery('"하나" 둘').phrases).toBeUndefined();
    // Still being typed: the phrase runs to the end.
    expect(analyzeQuery('"아침 볕').phrases).toEqual([['아침', '볕']]);
  });

  it('hold where the words stand side by side, the last with any particle, or are written as one', () => {
    expect(phraseHolds('그때 조 의관이 들어왔다', ['조', '의관'])).toBe(true);
    expect(phraseHolds('아침 볕은 맑고', ['아침', '볕'])).toBe(true);
    expect(phraseHolds('솟은 아침볕이 어우러', ['아침', '볕'])).toBe(true);
    expect(phraseHolds('저 김관호 씨가 있었지요', ['관호', '씨'])).toBe(true);
    expect(phraseHolds('깜짝 놀란 일 원 오십 전을 정말', ['일', '원', '오십', '전'])).toBe(true);
  });

  it('do not hold for the words apart, in another order, or with a particle inside', () => {
    expect(phraseHolds('조 서방과 의관이 왔다', ['조', '의관'])).toBe(false);
    expect(phraseHolds('의관 조 씨', ['조', '의관'])).toBe(false);
    expect(phraseHolds('만수의 어머니가 울었다', ['만수', '어머니'])).toBe(false);
    expect(phraseHolds('먼 동편 하늘', ['먼', '하늘'])).toBe(false);
    expect(phraseHolds('조. 의관이', ['조', '의관'])).toBe(false);
  });
});

describe('matchRanges', () => {
  it('marks the written North Korean form for a South Korean query', () => {
    const text = '조선로동당의 로동자들이 일했다';
    const ranges = matchRanges(text, analyzeQuery('노동자 ').terms);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['로동자들이']);
  });

  it('marks words that start with the prefix being typed', () => {
    const text = 'Libraries and a library; LIBRARIAN';
    const q = analyzeQuery('librar');
    expect(matchRanges(text, q.terms, q.prefix).map(([s, e]) => text.slice(s, e))).toEqual(['Libraries', 'library', 'LIBRARIAN']);
  });

  it('returns nothing for an empty query', () => {
    expect(matchRanges('노동자들이', [])).toEqual([]);
  });
});

describe.skipIf(!corpusAvailable)('matchRanges on 동백꽃 (김유정)', () => {
  const text = corpusAvailable ? readFileSync(corpusPath('korean-text', 'dongbaekkot.utf8.txt'), 'utf8') : '';
  const marked = (query: string): string[] => {
    const q = analyzeQuery(query);
    return matchRanges(text, q.terms, q.prefix).map(([s, e]) => text.slice(s, e));
  };

  it('finds 수탉 with its particles in the first sentence', () => {
    const sentence = '오늘도 또 우리 수탉이 막 쫓기었다.';
    expect(text).toContain(sentence);
    const at = text.indexOf(sentence) + sentence.indexOf('수탉이');
    expect(matchRanges(text, analyzeQuery('수탉 ').terms)).toContainEqual([at, at + 3]);
  });

  it('finds every 동백꽃 of the story, particles included', () => {
    expect(marked('동백꽃 ')).toEqual(['동백꽃', '동백꽃이', '동백꽃']);
  });

  it('finds 점순이가, 점순이의, 점순이었다 and the call 점순아 for the query 점순이', () => {
    const words = marked('점순이 ');
    expect(words).toEqual(expect.arrayContaining(['점순이가', '점순이의', '점순이었다', '점순이는', '점순아']));
    expect(words.every((w) => w.startsWith('점순이') || w === '점순아')).toBe(true);
  });

  it('analyses every term of the story to itself (stable vocabulary)', () => {
    for (const t of new Set(analyze(text))) expect(analyze(t)).toEqual([t]);
  });
});

describe('analyze: properties', () => {
  const pieces = fc.constantFrom(
    '노동', '로동', '자들은', '에서는', '이', '가', '을', 'ㄴ', 'ㅗ', 'ㄷ', 'ㅇ', 'ㅏ', 'ㄹ', 'ㅌ',
    '\u1100', '\u1161', '\u11a8', 'BTS', 'Café', 'e\u0301', 'ＡＢ', '１２', '\u3000', ' ', '\n',
    "'", '\u2019', 's', '.', '(', 'İ', 'ΣΑΣ', '漢字', '😀', '𝐀', '3',
  );
  const texts = fc.oneof(
    fc.array(pieces, { maxLength: 12 }).map((a) => a.join('')),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
  );

  it('returns non-empty, NFC, lower-case terms without white space, and is idempotent', () => {
    fc.assert(
      fc.property(texts, (s) => {
        const terms = analyze(s);
        for (const t of terms) {
          expect(t.length).toBeGreaterThan(0);
          expect(t.normalize('NFC')).toBe(t);
          expect(t.toLowerCase()).toBe(t);
          expect(t).not.toMatch(/\s/u);
        }
        expect(analyze(normalizeInput(s))).toEqual(terms);
        expect(normalizeInput(normalizeInput(s))).toBe(normalizeInput(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('matchRanges: the first match found by probing is the first match of the full scan', () => {
  const pieces = fc.constantFrom(
    '노동', '로동', '자들은', '에서는', '이', '가', '을', '녀성', '여성', '력사', '역사', '3월에', '월', 'CD를', "'노동'", '\u2019로동',
    'BTS', 'Café', ' ', '\n', "'", '.', '(', '漢字', '😀', '학교', '학교에서', '락원', '낙원', 'ab',
  );
  const queries = fc.constantFrom('노동', '로동 ', '여성', '역사', '월', '학교', '낙원', '학', '노', '녀');

  it('agrees on thousands of generated texts (Korean queries, North and South spellings, words glued to digits)', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }).map((a) => a.join('')), queries, (text, query) => {
        const q = analyzeQuery(query);
        expect(matchRanges(text, q.terms, q.prefix, { first: true })[0]).toEqual(matchRanges(text, q.terms, q.prefix)[0]);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('flattenSpaces', () => {
  it('is the same as replacing every run of white space with one space', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\u2028', '\ufeff', '\u200a', 'a', '가', '.', '\u180e') }), (s) => {
        expect(flattenSpaces(s)).toBe(s.replace(/\s+/g, ' '));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('verbs and adjectives: other forms of a typed form (korean-inflection.ts, word-forms.ts)', () => {
  it('finds the stem of regular and irregular forms by synthesis', async () => {
    const { stemsOf, inflections } = await import('../main/text/korean-inflection.js');
    const cases: [string, string][] = [
      ['기다리고', '기다리'], ['기다렸다', '기다리'], ['기다려', '기다리'], ['무서워', '무섭'], ['무서운', '무섭'],
      ['흘러', '흐르'], ['흘렀다', '흐르'], ['먹었다', '먹'], ['들어', '듣'], ['졸랐다', '조르'], ['추워', '춥'],
      ['운다', '울'], ['했다', '하'], ['와서', '오'], ['나아', '낫'], ['파란', '파랗'], ['떠났다', '떠나'],
    ];
    for (const [form, stem] of cases) {
      expect(stemsOf(form), form).toContain(stem);
      expect(inflections(stem), stem).toContain(form);
    }
    expect(stemsOf('사람')).toEqual([]);
  });

  it('takes a stem only when the library holds forms only a verb takes: 바다 finds no 바고/반/발', async () => {
    const { verbFormTerms } = await import('../main/text/word-forms.js');
    const library = new Set(['기다리고', '기다렸다', '기다려', '기다리', '바다', '반', '발', '바지', '바는']);
    const df = (t: string) => (library.has(t) ? 1 : 0);
    expect(verbFormTerms('기다리고', df, '기다리고').sort()).toEqual(['기다려', '기다렸다', '기다리'].sort());
    expect(verbFormTerms('바다', df, '바다')).toEqual([]);
  });

  it('takes an irregular form as a verb’s (반가운, 추워서: no noun changes its last syllable so)', async () => {
    const { verbFormTerms } = await import('../main/text/word-forms.js');
    const library = new Set(['반갑게', '반가운', '반가웠다', '추운', '추워서', '바다', '반']);
    const df = (t: string) => (library.has(t) ? 1 : 0);
    expect(verbFormTerms('반갑게', df, '반갑게').sort()).toEqual(['반가운', '반가웠다']);
    expect(verbFormTerms('추운', df, '추운')).toEqual(['추워서']);
    expect(verbFormTerms('바다', df, '바다')).toEqual([]);
  });

  it('leaves out what is as often another word: a one-syllable form (비 rain for 비는), the noun in -음 (웃음), and verb forms of a noun typed with its particle (말을)', async () => {
    const { verbFormTerms } = await import('../main/text/word-forms.js');
    const library = new Set(['빌었다', '빌어', '빌어도', '비', '빈', '웃으면서', '웃고', '웃었다', '웃음', '말', '말았다', '말아라', '말고']);
    const df = (t: string) => (library.has(t) ? 1 : 0);
    const bil = verbFormTerms('빌었다', df, '빌었다');
    expect(bil).toContain('빌어');
    expect(bil).not.toContain('비');
    expect(bil).not.toContain('빈');
    const us = verbFormTerms('웃으면서', df, '웃으면서');
    expect(us).toEqual(expect.arrayContaining(['웃고', '웃었다']));
    expect(us).not.toContain('웃음');
    expect(verbFormTerms('말을', df, '말')).toEqual([]);
  });

  it('finds a verb joined with an auxiliary verb into one word (흘러간다, 흘러나오는), and not with other verbs', async () => {
    const { verbFormTerms } = await import('../main/text/word-forms.js');
    const library = new Set(['흐르는', '흐르고', '흘렀다', '흘러간다', '흘러나오는', '흘러서', '흘러넘치', '흘러들어']);
    const df = (t: string) => (library.has(t) ? 1 : 0);
    const complete = (prefix: string) => [...library].filter((t) => t.startsWith(prefix));
    const forms = verbFormTerms('흐르는', df, '흐르는', complete);
    expect(forms).toEqual(expect.arrayContaining(['흘러간다', '흘러나오는', '흘러들어', '흘렀다']));
    // Only the listed auxiliaries join: 넘치다 is a verb of its own, not one of them.
    expect(forms).not.toContain('흘러넘치');
    expect(verbFormTerms('흐르는', df, '흐르는')).not.toContain('흘러간다');
  });

  /** A library's vocabulary: df and prefix completion over it, as the engine gives them. */
  const vocabulary = (words: string[]) => {
    const set = new Set(words);
    return {
      df: (t: string) => (set.has(t) ? 1 : 0),
      complete: (prefix: string) => words.filter((w) => w.startsWith(prefix)),
    };
  };

  it('finds the forms no generator lists where a form starts and endings follow (기다릴까, 흐르겠느냐, 괴로운지, 먹다시피), not nouns that start alike (먹이, 울음, 빌라)', async () => {
    const { verbFormTerms } = await import('../main/text/word-forms.js');
    const v = vocabulary(['기다리고', '기다렸다', '기다릴까', '기다리라고', '흐르고', '흘렀다', '흐르겠느냐', '괴로워', '괴로웠다', '괴로운지', '괴롭게', '먹고', '먹었다', '먹다시피', '먹이', '먹이를', '울고', '울었다', '울음', '빌고', '빌었다', '빌라']);
    expect(verbFormTerms('기다리고', v.df, '기다리고', v.complete)).toEqual(expect.arrayContaining(['기다릴까', '기다리라고']));
    expect(verbFormTerms('흐르고', v.df, '흐르고', v.complete)).toContain('흐르겠느냐');
    expect(verbFormTerms('괴로워', v.df, '괴로워', v.complete)).toEqual(expect.arrayContaining(['괴로운지', '괴롭게']));
    const eat = verbFormTerms('먹었다', v.df, '먹었다', v.complete);
    expect(eat).toContain('먹다시피');
    expect(eat).not.toContain('먹이');
    expect(verbFormTerms('울었다', v.df, '울었다', v.complete)).not.toContain('울음');
    expect(verbFormTerms('빌었다', v.df, '빌었다', v.complete)).not.toContain('빌라');
  });

  it('counts the forms found so as evidence: 아파서 finds 아프냐 and 아픈데 when no listed form but itself is there', async () => {
    const { verbFormTerms } = await import('../main/text/word-forms.js');
    const v = vocabulary(['아파서', '아프냐', '아픈데', '아프리카']);
    const forms = verbFormTerms('아파서', v.df, '아파서', v.complete);
    expect(forms).toEqual(expect.arrayContaining(['아프냐', '아픈데']));
    expect(forms).not.toContain('아프리카');
  });

  it('leaves out the forms 듣다 shares with 들다 when the library has 들다 too (들어, 들어갔다), keeping its own (들은, 들으며)', async () => {
    const { verbFormTerms } = await import('../main/text/word-forms.js');
    const hearOnly = vocabulary(['듣고', '듣지', '들어', '들었다', '들은', '들으며']);
    expect(verbFormTerms('듣고', hearOnly.df, '듣고', hearOnly.complete)).toEqual(expect.arrayContaining(['들어', '들었다', '들은']));
    const both = vocabulary(['듣고', '듣지', '들어', '들었다', '들은', '들으며', '들고', '들며', '드는', '들어갔다', '들어가서']);
    const forms = verbFormTerms('듣고', both.df, '듣고', both.complete);
    expect(forms).toEqual(expect.arrayContaining(['들은', '들으며', '듣지']));
    for (const shared of ['들어', '들었다', '들어갔다', '들어가서']) expect(forms).not.toContain(shared);
  });

  it('joins -어지다 and -어먹다 as it joins auxiliaries (가벼워졌고, 빌어먹으니)', async () => {
    const { verbFormTerms } = await import('../main/text/word-forms.js');
    const v = vocabulary(['가볍게', '가벼웠다', '가벼워서', '가벼워졌고', '빌고', '빌었다', '빌어서', '빌어먹으니']);
    expect(verbFormTerms('가볍게', v.df, '가볍게', v.complete)).toContain('가벼워졌고');
    expect(verbFormTerms('빌었다', v.df, '빌었다', v.complete)).toContain('빌어먹으니');
  });

  it('keeps nouns that look like a verb form nouns: 자기 (not 자다 + 기), 하늘 (no stem ends in 느), 시간 (no 시갔다 in the library)', async () => {
    const { verbFormTerms } = await import('../main/text/word-forms.js');
    const v = vocabulary(['자기', '자고', '자는', '잤다', '하늘', '하는', '하느니', '하나', '하는데', '하나하나', '시간', '시가', '시가며', '시가고', '시가면', '아픈', '아프고', '아팠다', '아프면']);
    expect(verbFormTerms('자기', v.df, '자기', v.complete)).toEqual([]);
    expect(verbFormTerms('하늘', v.df, '하늘', v.complete)).toEqual([]);
    expect(verbFormTerms('시간', v.df, '시간', v.complete)).toEqual([]);
    // A real adjective typed the same way shows its past: 아픈 finds 아팠다.
    expect(verbFormTerms('아픈', v.df, '아픈', v.complete)).toEqual(expect.arrayContaining(['아프고', '아팠다']));
  });
});
