// What a person sees when one file cannot be opened: what happened, to which file, in the language
// they chose (Korean unless English was chosen in Settings), and a way back. Never a blank screen,
// and never the technical cause: the person reading may be the only one who sees this screen, and
// the details belong to the volunteers' report (`changmun report`), not to the recipient's screen.
import { useEffect, useRef } from 'react';
import { useReaderT, type ReaderKey } from './i18n';

export type ReaderErrorKind = 'missing' | 'corruptBook' | 'article' | 'video' | 'videoMissing' | 'unknownType';

export interface ReaderErrorProps {
  path: string;
  kind: ReaderErrorKind;
  /** The technical cause: written to the console for whoever debugs, never shown. */
  detail?: string;
  /** Why the back end refused the file, in both languages (a book too big to unpack, …). */
  reason?: { ko: string; en: string };
  onClose: () => void;
}

/**
 * The back end's sentence without what only a volunteer needs: its messages say
 * "<path>: <what happened> (<technical detail>)" (main/core/errors.ts describeFailure); the path is
 * already on screen and the detail is for the report.
 */
export function plainReason(message: string, path: string): string {
  let s = message.trim();
  if (path && s.startsWith(`${path}: `)) s = s.slice(path.length + 2);
  // A trailing technical note in parentheses (nested ones too), e.g. "(inflate: 4 GiB > limit)".
  const open = s.indexOf(' (');
  if (open > 0 && s.endsWith(')')) s = s.slice(0, open);
  return s.trim();
}

export function ReaderError({ path, kind, detail, reason, onClose }: ReaderErrorProps) {
  const { t, language } = useReaderT();
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  useEffect(() => {
    if (detail) console.warn(`changmun: ${path}: ${detail}`);
  }, [path, detail]);
  const line = (key: ReaderKey) => t(key);
  const why = reason ? plainReason(language === 'en' ? reason.en : reason.ko, path) : '';
  return (
    <div className="cm-r-error" role="alert">
      <h2 className="cm-r-error-title">{line('error.title')}</h2>
      <p className="cm-r-error-file">
        {line('error.file')}: <span className="cm-r-error-path">{path}</span>
      </p>
      {why ? <p className="cm-r-error-reason">{why}</p> : <p>{line(`error.${kind}`)}</p>}
      <p>{line('error.hint')}</p>
      <button ref={back} type="button" className="cm-r-button cm-r-error-back" onClick={onClose}>
        {line('error.back')}
      </button>
    </div>
  );
}

/** A short technical description of whatever was thrown (for the console, not the screen). */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}
