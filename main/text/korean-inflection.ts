// Korean verbs and adjectives: from one written form to the other forms of the same word
// (기다리고 → 기다려, 기다렸다, 기다리는, 기다린…; 무서워 → 무섭다, 무서운; 흐르는 → 흘러, 흘렀다).
// No dictionary can be installed here, so this works by synthesis: every way the word could be a
// stem plus an ending is tried, the forms of each such stem are generated (regular and irregular
// conjugations), and a stem is kept only when the written word is one of its own forms. Whether a
// stem is a real verb of the library is decided by the caller from the index (see verbFormsOf in
// word-forms.ts): generation proposes, the library's vocabulary disposes.

const S0 = 0xac00;
const S1 = 0xd7a3;

interface Syl {
  cho: number;
  jung: number;
  jong: number;
}

// 중성 indices
const A = 0; // ㅏ
const AE = 1; // ㅐ
const YA = 2; // ㅑ
const EO = 4; // ㅓ
const E = 5; // ㅔ
const YEO = 6; // ㅕ
const O = 8; // ㅗ
const WA = 9; // ㅘ
const WAE = 10; // ㅙ
const OE = 11; // ㅚ
const U = 13; // ㅜ
const WO = 14; // ㅝ
const WI = 16; // ㅟ
const EU = 18; // ㅡ
const I = 20; // ㅣ
// 종성 indices
const J_NONE = 0;
const J_N = 4; // ㄴ
const J_D = 7; // ㄷ
const J_L = 8; // ㄹ
const J_B = 17; // ㅂ
const J_S = 19; // ㅅ
const J_SS = 20; // ㅆ
const J_H = 27; // ㅎ
// 초성 indices
const C_R = 5; // ㄹ
const C_H = 18; // ㅎ

function dec(ch: string): Syl | undefined {
  const c = ch.charCodeAt(0);
  if (c < S0 || c > S1) return undefined;
  const s = c - S0;
  return { cho: Math.floor(s / 588), jung: Math.floor((s % 588) / 28), jong: s % 28 };
}

function com(cho: number, jung: number, jong = 0): string {
  return String.fromCharCode(S0 + cho * 588 + jung * 28 + jong);
}

function withJong(ch: string, jong: number): string {
  const d = dec(ch)!;
  return com(d.cho, d.jung, jong);
}

/** 아 after a stem whose last vowel is ㅏ or ㅗ (밝다 → 밝아), else 어. */
function bright(jung: number): boolean {
  return jung === A || jung === O || jung === YA;
}

/** Endings that begin with a consonant: added to the stem as it is. */
const PLAIN = ['다', '고', '지', '게', '기', '네', '는', '던', '도록', '자', '거나', '더니', '더라', '겠다', '겠고', '겠지', '는데', '지만', '고서', '기에', '기로', '기도', '게다'];
/** Endings that take 으 after a consonant (not after ㄹ): 먹으며, 가며, 살며. */
const EU_ENDINGS = ['며', '면', '니', '러', '려고', '려', '면서', '니까', '시다', '시고', '시며', '시니', '셨다', '셨고', '시는', '신', '실', '세요'];
/** Endings after the 어/아 form: 먹어서, 먹었다. `ㅆ…` endings make the past. */
const EO_ENDINGS = ['', '서', '도', '야', '요', '라', '다가'];
const PAST_ENDINGS = ['다', '고', '지', '는데', '던', '으니', '으면', '으며', '어요', '습니다', '는지', '지만', '을', '더니'];

/** The 어/아 form of a stem (the first half of 먹어, 가, 와, 줘, 기다려, 해, 써, 흘러, 무서워), or forms. */
function eoForms(stem: string): string[] {
  const head = stem.slice(0, -1);
  const last = stem.at(-1)!;
  const d = dec(last)!;
  const out: string[] = [];
  if (d.jong !== J_NONE) {
    // 먹 → 먹어; 앉 → 앉아
    out.push(stem + (bright(d.jung) ? '아' : '어'));
    return out;
  }
  if (last === '하') return [`${head}해`, `${head}하여`];
  switch (d.jung) {
    case A:
    case EO:
    case AE:
    case E:
    case YEO:
      // 가 → 가, 서 → 서, 보내 → 보내, 세 → 세; 켜 → 켜
      out.push(stem);
      if (d.jung === AE || d.jung === E) out.push(`${stem}어`);
      break;
    case O:
      out.push(head + com(d.cho, WA), `${stem}아`);
      break;
    case U:
      out.push(head + com(d.cho, WO), `${stem}어`);
      break;
    case I:
      out.push(head + com(d.cho, YEO), `${stem}어`);
      break;
    case OE:
      out.push(head + com(d.cho, WAE), `${stem}어`);
      break;
    case WI:
      out.push(`${stem}어`);
      break;
    case EU: {
      // 쓰 → 써; 바쁘 → 바빠 (by the vowel before); 르 → 흘러 / 몰라
      const prev = head.length > 0 ? dec(head.at(-1)!) : undefined;
      const brightPrev = prev ? bright(prev.jung) : false;
      if (d.cho === C_R && prev && head.length > 0) {
        const lhead = head.slice(0, -1) + withJong(head.at(-1)!, J_L);
        out.push(lhead + com(C_R, brightPrev ? A : EO));
      }
      out.push(head + com(d.cho, brightPrev ? A : EO));
      break;
    }
    default:
      out.push(`${stem}어`);
  }
  return out;
}

/** The past stem: the 어/아 form with ㅆ (먹었, 갔, 왔, 기다렸, 했). */
function pastStems(stem: string, eo: string[]): string[] {
  return eo.map((f) => {
    const last = f.at(-1)!;
    const d = dec(last);
    return d && d.jong === J_NONE ? f.slice(0, -1) + withJong(last, J_SS) : `${f}었`;
  });
}

/** Forms of a regular stem (or of an irregular one after its changes were made by the caller). */
function regularForms(stem: string): string[] {
  const last = stem.at(-1)!;
  const d = dec(last);
  if (!d) return [];
  const head = stem.slice(0, -1);
  const out: string[] = [];
  for (const e of PLAIN) out.push(stem + e);
  const consonant = d.jong !== J_NONE;
  const lStem = d.jong === J_L;
  // 는다 / ㄴ다, adnominal ㄴ/은 and ㄹ/을, ㅂ니다 / 습니다. Not the nominal -음: 웃음 and 울음 are
  // nouns of their own, which a reader asking for 웃다 does not mean.
  if (consonant && !lStem) {
    out.push(`${stem}는다`, `${stem}은`, `${stem}을`, `${stem}습니다`);
    for (const e of EU_ENDINGS) out.push(`${stem}으${e}`);
  } else {
    // Vowel stems, and ㄹ stems (ㄹ drops before ㄴ, ㅂ, ㅅ, and as a final merges): 가/간/갈/갑니다; 살/산/삽니다/사는
    const base = lStem ? head + withJong(last, J_NONE) : stem;
    const b = base.at(-1)!;
    out.push(base.slice(0, -1) + withJong(b, J_N), base.slice(0, -1) + withJong(b, J_L), `${base.slice(0, -1) + withJong(b, J_N)}다`, `${base.slice(0, -1) + withJong(b, J_B)}니다`);
    if (lStem) out.push(`${base}는`, `${base}니`, `${base}세요`, `${base}시다`, `${stem}며`, `${stem}면`, `${stem}러`, `${stem}려고`);
    else for (const e of EU_ENDINGS) out.push(stem + e);
  }
  const eo = eoForms(stem);
  for (const f of eo) for (const e of EO_ENDINGS) out.push(f + e);
  for (const p of pastStems(stem, eo)) for (const e of PAST_ENDINGS) out.push(p + e);
  return out.filter((f) => f !== '');
}

/**
 * The forms of a stem for every conjugation it could follow. A stem ending in ㅂ, ㄷ, ㅅ, ㅎ or 르
 * may be regular or irregular; both are generated (only forms the library has will match).
 */
export function inflections(stem: string): string[] {
  const last = stem.at(-1);
  const d = last ? dec(last) : undefined;
  if (!d || !last) return [];
  const head = stem.slice(0, -1);
  const forms = new Set(regularForms(stem));
  const add = (list: string[]) => list.forEach((f) => forms.add(f));
  const open = head + withJong(last, J_NONE);
  if (d.jong === J_B) {
    // 무섭 → 무서워, 무서운, 무서울, 무서우니; 돕 → 도와. After ㅗ both: 와 in 돕다, 곱다 and in
    // older spelling (괴로와), 워 in today's (괴로워).
    add([`${open}운`, `${open}울`, `${open}우며`, `${open}우면`, `${open}우니`]);
    for (const [w, wPast] of d.jung === O ? [['와', '왔'], ['워', '웠']] : [['워', '웠']]) {
      add([open + w!, `${open + w}서`, `${open + w}도`, `${open + w}요`, open + wPast + '다', open + wPast + '고', open + wPast + '던', open + wPast + '는데', open + wPast + '지']);
    }
  } else if (d.jong === J_D) {
    // 듣 → 들어, 들은, 들을, 들으며
    const l = head + withJong(last, J_L);
    const v = bright(d.jung) ? '아' : '어';
    add([l + v, `${l + v}서`, `${l + v}도`, `${l}${bright(d.jung) ? '았' : '었'}다`, `${l}${bright(d.jung) ? '았' : '었'}고`, `${l}은`, `${l}을`, `${l}으며`, `${l}으면`, `${l}으니`]);
  } else if (d.jong === J_S) {
    // 낫 → 나아, 나은, 나았다
    const v = bright(d.jung) ? '아' : '어';
    add([open + v, `${open + v}서`, `${open}${bright(d.jung) ? '았' : '었'}다`, `${open}은`, `${open}을`, `${open}으며`, `${open}으면`]);
  } else if (d.jong === J_H) {
    // 파랗 → 파란, 파랄, 파래, 파랬다, 파라니; 그렇 → 그런, 그래
    const ae = head + com(d.cho, d.jung === YA ? 3 /* ㅒ */ : AE);
    add([head + withJong(last, J_N), head + withJong(last, J_L), `${open}니`, `${open}면`, `${open}며`, ae, `${ae}서`, head + com(d.cho, d.jung === YA ? 3 : AE, J_SS) + '다']);
  }
  forms.delete(stem);
  return [...forms];
}

/** Stems (without 다) that `word` is a form of, by trying every split and checking by synthesis. */
export function stemsOf(word: string): string[] {
  const found = new Set<string>();
  if (word.length < 2 || word.length > 10) return [];
  for (const ch of word) if (!dec(ch)) return [];
  const candidates = new Set<string>();
  // Every split, the whole word too (a contracted form has no ending left: 기다려, 와, 해, 흘러).
  for (let k = 1; k <= word.length; k++) {
    const p = word.slice(0, k);
    const last = p.at(-1)!;
    const d = dec(last)!;
    const head = p.slice(0, -1);
    candidates.add(p);
    for (const j of [J_NONE, J_L, J_B, J_D, J_S, J_H]) candidates.add(head + com(d.cho, d.jung, j));
    // Contracted vowels back to the stem's: 려→리, 와→오, 워→우, 줘→주, 돼→되, 해→하, 써→쓰, 빠→쁘
    const back: Record<number, number[]> = { [YEO]: [I], [WA]: [O], [WO]: [U], [WAE]: [OE], [AE]: [A], [EO]: [EU], [A]: [EU] };
    for (const v of back[d.jung] ?? []) candidates.add(head + com(d.cho, v));
    if (d.jung === AE && d.cho === C_H) candidates.add(`${head}하`);
    // 르: 흘러 → 흐르, 몰라 → 모르 (the syllable before 러/라 carries the ㄹ)
    if (k + 1 <= word.length && d.jong === J_L) {
      const next = dec(word[k]!);
      if (next && next.cho === C_R && (next.jung === EO || next.jung === A)) candidates.add(`${head}${com(d.cho, d.jung)}르`);
    }
  }
  // The whole word less its last syllable's final (간 → 가, 갈 → 가, 갑니다 handled by prefixes).
  for (const s of candidates) {
    if (s === '' || s.length > word.length) continue;
    // A stem does not end in the past's ㅆ (먹었 is 먹 in the past), 있다 and its kin aside.
    const end = dec(s.at(-1)!);
    if (end && end.jong === J_SS && s.length > 1 && !s.endsWith('있')) continue;
    // No verb or adjective stem ends in 느 (it begins endings: -느냐, -느니): 하늘 is not 하느 + ㄹ.
    if (s.endsWith('느')) continue;
    if (inflections(s).includes(word)) found.add(s);
  }
  return [...found];
}

/**
 * Whether a generated form is one only a verb or adjective takes: a past tense (ㅆ after the stem's
 * place: 먹었다, 갔다, 무서웠다), or an ending nouns do not end in (-고, -며, -면, -는데, -서 after the
 * 어/아 form: 떠나서, 무서워서 …). Adnominal forms (무서운, 간) are left out: too many nouns end so.
 */
export function isVerbalEvidence(form: string, stem: string): boolean {
  if (form.length <= stem.length - 1) return false;
  // An irregular form, the stem's last syllable losing or changing its final consonant before a
  // longer ending (반갑 → 반가운, 춥 → 추워, 듣 → 들어): no noun changes its last syllable so.
  if (form.length > stem.length && form.startsWith(stem.slice(0, -1))) {
    const a = dec(stem.at(-1)!);
    const b = dec(form[stem.length - 1]!);
    if (a && b && a.cho === b.cho && a.jung === b.jung && a.jong !== b.jong && a.jong !== J_NONE) return true;
  }
  for (let i = Math.max(0, stem.length - 1); i < form.length; i++) {
    const d = dec(form[i]!);
    if (d && d.jong === J_SS) return true;
  }
  if (form.length < stem.length + 1) return false;
  return /(?:고|며|면|면서|는데|려고|도록|더니|니다|니까|서|도|야|는다)$/.test(form);
}

/**
 * Where a stem's forms begin: the stem, its ㄴ/ㄹ-merged and ㅂ/ㄷ/ㅅ/ㅎ/르-changed starts, its 어/아
 * form and its past (기다리: 기다리, 기다린, 기다릴, 기다려, 기다렸; 괴롭: 괴로우, 괴로운, 괴로워,
 * 괴로웠). Every form of the verb is one of these followed by endings; the library's words that
 * start so are read from the index and kept when the rest is made of endings (ENDING_SYLLABLES).
 */
export function headsOf(stem: string): string[] {
  const last = stem.at(-1);
  const d = last ? dec(last) : undefined;
  if (!d || !last) return [];
  const head = stem.slice(0, -1);
  const out = new Set<string>([stem]);
  const open = head + withJong(last, J_NONE);
  const merged = (base: string) => {
    const b = base.at(-1)!;
    out.add(base.slice(0, -1) + withJong(b, J_N));
    out.add(base.slice(0, -1) + withJong(b, J_L));
  };
  if (d.jong === J_NONE) merged(stem);
  if (d.jong === J_L) merged(open);
  const eo = eoForms(stem);
  if (d.jong === J_B) {
    const u = `${open}우`;
    out.add(u);
    merged(u);
    eo.push(`${open}워`);
    if (d.jung === O) eo.push(`${open}와`);
  } else if (d.jong === J_D) {
    const l = head + withJong(last, J_L);
    out.add(`${l}으`);
    eo.push(l + (bright(d.jung) ? '아' : '어'));
  } else if (d.jong === J_S) {
    out.add(`${open}으`);
    eo.push(open + (bright(d.jung) ? '아' : '어'));
  } else if (d.jong !== J_NONE && d.jong !== J_L) {
    out.add(`${stem}으`);
  }
  for (const f of eo) out.add(f);
  for (const p of pastStems(stem, eo)) out.add(p);
  return [...out];
}

/** The heads of a stem that merge ㄴ or ㄹ into its last syllable (기다린, 기다릴; 괴로운, 괴로울). */
export function mergedHeadsOf(stem: string): string[] {
  return headsOf(stem).filter((h) => {
    const d = h.length > 0 ? dec(h.at(-1)!) : undefined;
    return d !== undefined && (d.jong === J_N || d.jong === J_L) && h !== stem;
  });
}

/**
 * Syllables Korean verb and adjective endings are made of (-고, -는데, -겠느냐, -라고, -ㄹ까, -다시피,
 * -습니다, -시-, …), from the endings of 표준국어대사전's grammar: a word whose rest after a head is
 * made only of these is a form of the verb. Left out on purpose: 이 and 음 (먹이, 울음 are nouns),
 * 리 (빌리다 is another verb), and 가, 오 (-어가다, -어오다 join another verb: 들어가다 is not 듣다).
 */
export const ENDING_SYLLABLES: ReadonlySet<string> = new Set(
  ('다 고 지 게 기 네 는 던 도 록 자 거 나 더 니 라 겠 데 대 만 서 며 면 러 려 시 셨 셔 세 십 요 까 냐 느 피 야 어 아 았 었 였 ' +
    '은 을 으 습 소 죠 든 건 걸 래 랴 잖 단 답 란 렴 마 매 므 로 써 ').trim().split(/\s+/),
);

/** Whether `rest` (what follows a head) is made of endings only, at most four syllables. */
export function isEndingRest(rest: string): boolean {
  if (rest.length === 0 || rest.length > 4) return false;
  for (const ch of rest) if (!ENDING_SYLLABLES.has(ch)) return false;
  return true;
}
