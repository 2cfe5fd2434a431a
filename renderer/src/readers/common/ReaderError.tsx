// What a person sees when one file cannot be opened: what happened, to which file, in Korean and
// English, and a way back. Never a blank screen.
import { useEffect, useRef } from 'react';
import { bothLanguages, useReaderT, type ReaderKey } from './i18n';

export type ReaderErrorKind = 'missing' | 'corruptBook' | 'article' | 'video' | 'videoMissing' | 'unknownType';

export interface ReaderErrorProps {
  path: string;
  kind: ReaderErrorKind;
  /** The technical cause, shown small for whoever helps the reader. */
  detail?: string;
  /** Why the back end refused the file, in both languages (a book too big to unpack, …). */
  reason?: { ko: string; en: string };
  onClose: () => void;
}

export function ReaderError({ path, kind, detail, reason, onClose }: ReaderErrorProps) {
  const { i18n } = useReaderT();
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  const lines: ReaderKey[] = ['error.title', `error.${kind}`, 'error.hint'];
  const texts = lines.map((k) => bothLanguages(i18n, k));
  const file = bothLanguages(i18n, 'error.file');
  const backLabel = bothLanguages(i18n, 'error.back');
  return (
    <div className="cm-r-error" role="alert">
      <h2 className="cm-r-error-title">
        {texts[0]!.ko}
        <span className="cm-r-en" lang="en">{texts[0]!.en}</span>
      </h2>
      <p className="cm-r-error-file">
        {file.ko} / <span lang="en">{file.en}</span>: {path}
      </p>
      {reason ? null : (
        <p>
          {texts[1]!.ko}
          <span className="cm-r-en" lang="en">{texts[1]!.en}</span>
        </p>
      )}
      {reason ? (
        <p className="cm-r-error-reason">
          {reason.ko}
          <span className="cm-r-en" lang="en">{reason.en}</span>
        </p>
      ) : null}
      <p>
        {texts[2]!.ko}
        <span className="cm-r-en" lang="en">{texts[2]!.en}</span>
      </p>
      {detail ? <p className="cm-r-error-detail">{detail}</p> : null}
      <button ref={back} type="button" className="cm-r-button cm-r-error-back" onClick={onClose}>
        {backLabel.ko} / <span lang="en">{backLabel.en}</span>
      </button>
    </div>
  );
}

/** A short technical description of whatever was thrown. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}
