// SAMI (.smi), the Korean subtitle format of the 2000s, read our own way: subsrt-ts gives bilingual
// files zero-length Korean cues because it times every <P> against the next one of any language.
// Here each language class is its own track and a cue lasts until the next SYNC of its class.
// One linear scan over the text; real files skip closing tags, so nothing relies on them.
import type { SubtitleTrack } from '../../types.js';
import { DEFAULT_LAST_CUE_MS, decodeEntities, finishCues, tidyCueText, type RawCue } from './markup.js';
import { languageOfSamiClass, normalizeLanguage } from './language.js';

/** What one <P> (or a SYNC without any) says at one time. Empty text clears the screen. */
interface SamiEvent {
  startMs: number;
  endMs: number | undefined;
  /** Upper-cased class, '' for text with no class. */
  key: string;
  text: string;
}

interface ClassInfo {
  label: string;
  language?: string;
}

export function parseSami(text: string): SubtitleTrack[] {
  const { events, classes } = scan(text);
  return buildTracks(events, classes);
}

function scan(text: string): { events: SamiEvent[]; classes: Map<string, ClassInfo> } {
  // ASCII-only lower-casing keeps every index valid in both strings ('İ'.toLowerCase() has length 2).
  const lower = text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  const classes = new Map<string, ClassInfo>();
  const events: SamiEvent[] = [];

  let sync: { startMs: number; endMs: number | undefined } | undefined;
  let syncHadP = false;
  let pKey: string | undefined;
  let buffer = '';
  let noMoreClose = false;
  let noMoreCommentEnd = false;
  let noMoreStyleClose = false;
  let noMoreScriptClose = false;

  const flushP = (): void => {
    if (sync && pKey !== undefined) events.push({ ...sync, key: pKey, text: tidyCueText(buffer) });
    pKey = undefined;
    buffer = '';
  };
  const endSync = (): void => {
    flushP();
    if (sync && !syncHadP) events.push({ ...sync, key: '', text: tidyCueText(buffer) });
    sync = undefined;
    syncHadP = false;
    buffer = '';
  };
  const addText = (s: string): void => {
    // Source line breaks are only white space in SAMI, as in HTML; <br> is the line break.
    if (sync && (pKey !== undefined || !syncHadP)) buffer += decodeEntities(s.replace(/[\r\n]+/g, ' '));
  };

  let pos = 0; // start of text not yet taken
  let from = 0; // where to look for the next tag; a '<' that opens none stays in the text
  while (pos < text.length) {
    const lt = text.indexOf('<', from);
    if (lt === -1) {
      addText(text.slice(pos));
      break;
    }
    // Comments hold credits and notes; `<-- … -->` (no '!') is a common slip in Korean files.
    if (lower.startsWith('<!--', lt) || lower.startsWith('<--', lt)) {
      addText(text.slice(pos, lt));
      let end = noMoreCommentEnd ? -1 : text.indexOf('-->', lt + 3);
      if (end === -1) noMoreCommentEnd = true;
      if (end !== -1) end += 3;
      else {
        const gt = noMoreClose ? -1 : text.indexOf('>', lt + 1);
        end = gt === -1 ? text.length : gt + 1;
      }
      pos = from = end;
      continue;
    }
    const next = lower.charCodeAt(lt + 1);
    const opensTag = (next >= 0x61 && next <= 0x7a) || next === 0x2f || next === 0x21 || next === 0x3f;
    const gt = opensTag && !noMoreClose ? text.indexOf('>', lt + 1) : -1;
    if (gt === -1) {
      if (opensTag) noMoreClose = true;
      from = lt + 1;
      continue;
    }
    addText(text.slice(pos, lt));
    const closing = next === 0x2f;
    const nameStart = closing ? lt + 2 : lt + 1;
    const name = /^[a-z][a-z0-9]*/.exec(lower.slice(nameStart, Math.min(gt, nameStart + 16)))?.[0] ?? '';
    pos = from = gt + 1;
    if (closing) {
      if (name === 'p') flushP();
      else if (name === 'body' || name === 'sami' || name === 'sync') endSync();
      continue;
    }
    if (name === 'sync') {
      endSync();
      const attrs = readAttributes(text.slice(nameStart + name.length, gt));
      const startMs = parseMs(attrs.get('start'));
      // A SYNC with no usable time: its text is dropped rather than glued onto a neighbour.
      if (startMs !== undefined) sync = { startMs, endMs: parseMs(attrs.get('end')) };
    } else if (name === 'p') {
      flushP();
      const cls = readAttributes(text.slice(nameStart + 1, gt)).get('class')?.trim() ?? '';
      pKey = cls.toUpperCase();
      if (sync) syncHadP = true;
      if (pKey !== '' && !classes.has(pKey)) classes.set(pKey, { label: cls });
    } else if (name === 'br') {
      if (sync && (pKey !== undefined || !syncHadP)) buffer += '\n';
    } else if (name === 'style') {
      // A STYLE left open runs to the first SYNC; without one there is nothing to show anyway.
      let styleEnd = noMoreStyleClose ? -1 : lower.indexOf('</style', gt);
      if (styleEnd === -1) noMoreStyleClose = true;
      if (styleEnd === -1) styleEnd = lower.indexOf('<sync', gt);
      if (styleEnd === -1) styleEnd = text.length;
      readStyle(text.slice(gt + 1, styleEnd), classes);
      pos = from = styleEnd;
    } else if (name === 'script') {
      // No player runs or shows a script in a subtitle: its source is not dialogue.
      let scriptEnd = noMoreScriptClose ? -1 : lower.indexOf('</script', gt);
      if (scriptEnd === -1) noMoreScriptClose = true;
      if (scriptEnd === -1) scriptEnd = lower.indexOf('<sync', gt);
      if (scriptEnd === -1) scriptEnd = text.length;
      pos = from = scriptEnd;
    }
    // Every other tag (font, b, i, ruby, head, title, body…) only styles text: dropped, text kept.
  }
  endSync();
  return { events, classes };
}

/** Attribute names (lower-case) to values: quoted with " or ', or bare. */
function readAttributes(s: string): Map<string, string> {
  const attrs = new Map<string, string>();
  let i = 0;
  const n = s.length;
  const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '/';
  while (i < n) {
    while (i < n && isSpace(s[i])) i++;
    const nameStart = i;
    while (i < n && !isSpace(s[i]) && s[i] !== '=') i++;
    const name = s.slice(nameStart, i).toLowerCase();
    while (i < n && (s[i] === ' ' || s[i] === '\t')) i++;
    let value = '';
    if (s[i] === '=') {
      i++;
      while (i < n && (s[i] === ' ' || s[i] === '\t')) i++;
      const quote = s[i];
      if (quote === '"' || quote === "'") {
        const close = s.indexOf(quote, i + 1);
        const end = close === -1 ? n : close;
        value = s.slice(i + 1, end);
        i = end + 1;
      } else {
        const valueStart = i;
        while (i < n && !isSpace(s[i])) i++;
        value = s.slice(valueStart, i);
      }
    }
    if (name !== '' && !attrs.has(name)) attrs.set(name, value);
    if (i === nameStart) i++;
  }
  return attrs;
}

/** `1234`, `"1234"`, `1234ms` to milliseconds; absurdly long numbers are not times. */
function parseMs(value: string | undefined): number | undefined {
  const m = /^\s*(-?\d{1,15})/.exec(value?.slice(0, 40) ?? '');
  return m ? Number(m[1]) : undefined;
}

/** Class rules such as `.KRCC { Name:Korean; lang:ko-KR; SAMIType:CC; }`. */
function readStyle(css: string, classes: Map<string, ClassInfo>): void {
  // [^{}]* stops at the next brace, so a rule missing its '}' costs no rescans.
  const rule = /\.([\w-]+)\s*\{([^{}]*)\}/g;
  for (let m = rule.exec(css); m !== null; m = rule.exec(css)) {
    const label = m[1] ?? '';
    const body = m[2] ?? '';
    const lang = /(?:^|[;\s])lang\s*:\s*([^;}\s]{1,20})/i.exec(body)?.[1];
    const langName = /(?:^|[;\s])name\s*:\s*([^;}]{1,40})/i.exec(body)?.[1];
    const language =
      (lang !== undefined ? normalizeLanguage(lang) : undefined) ??
      (langName !== undefined ? normalizeLanguage(langName) : undefined) ??
      languageOfSamiClass(label);
    classes.set(label.toUpperCase(), { label, language });
  }
}

function buildTracks(events: SamiEvent[], classes: Map<string, ClassInfo>): SubtitleTrack[] {
  const named = new Set(events.filter((e) => e.key !== '').map((e) => e.key));
  const byKey = new Map<string, SamiEvent[]>();
  const add = (key: string, e: SamiEvent): void => {
    const list = byKey.get(key) ?? [];
    if (list.length === 0) byKey.set(key, list);
    list.push(e.key === key ? e : { ...e, key });
  };
  for (const e of events) {
    if (e.key !== '') add(e.key, e);
    // Class-less text in a one-language file belongs to that language; a class-less empty SYNC
    // clears every language.
    else if (named.size === 1) add([...named][0] ?? '', e);
    else if (e.text === '' && named.size > 1) for (const k of named) add(k, e);
    else add('', e);
  }

  const tracks: SubtitleTrack[] = [];
  for (const [key, list] of byKey) {
    const cues = finishCues(timeCues(list));
    if (cues.length === 0) continue;
    const info = classes.get(key);
    tracks.push({
      label: info?.label ?? (key === '' ? undefined : key),
      language: info?.language ?? (key === '' ? undefined : languageOfSamiClass(key)),
      cues,
    });
  }
  return tracks;
}

/** One class's events to cues: each shows until the next later SYNC of its class. */
function timeCues(list: SamiEvent[]): RawCue[] {
  const sorted = list.map((e, i) => ({ e, i })).sort((a, b) => a.e.startMs - b.e.startMs || a.i - b.i);
  // Several SYNCs of one class at the same time are one moment on screen: their lines together.
  const moments: { startMs: number; endMs: number | undefined; text: string }[] = [];
  for (const { e } of sorted) {
    const last = moments[moments.length - 1];
    if (last && last.startMs === e.startMs) {
      if (e.text !== '') last.text = last.text === '' ? e.text : `${last.text}\n${e.text}`;
      last.endMs ??= e.endMs;
    } else moments.push({ startMs: e.startMs, endMs: e.endMs, text: e.text });
  }
  const cues: RawCue[] = [];
  for (let i = 0; i < moments.length; i++) {
    const m = moments[i]!;
    if (m.text === '') continue;
    const next = moments[i + 1]?.startMs;
    const own = m.endMs !== undefined && m.endMs > m.startMs ? m.endMs : undefined;
    const endMs = own ?? next ?? m.startMs + DEFAULT_LAST_CUE_MS;
    cues.push({ startMs: m.startMs, endMs, text: m.text });
  }
  return cues;
}
