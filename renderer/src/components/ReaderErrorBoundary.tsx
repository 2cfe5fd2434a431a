// Around the reader: a file that breaks the reader shows a clear message and a way back, never a
// blank screen. The words are here, not in i18next, because the failure may be in i18n too; they
// are shown in the language the person chose, and the technical cause only goes to the console
// (it is for volunteers, and their report has it: never on the recipient's screen).
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { i18n } from '../i18n';

interface Props {
  path: string;
  onClose: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

const WORDS = {
  ko: {
    title: '이 파일을 열 수 없습니다.',
    body: '파일이 망가졌거나 이 프로그램이 읽지 못하는 형식입니다. 서재의 다른 것은 그대로 쓸 수 있습니다.',
    back: '돌아가기',
  },
  en: {
    title: 'This file could not be opened.',
    body: 'The file is damaged or in a form this program cannot read. Everything else in the library still works.',
    back: 'Go back',
  },
};

function chosenLanguage(): 'ko' | 'en' {
  try {
    return i18n.language?.startsWith('en') ? 'en' : 'ko';
  } catch {
    return 'ko';
  }
}

export class ReaderErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('changmun: the reader failed', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const language = chosenLanguage();
    const words = WORDS[language];
    return (
      <section className="reader-error" role="alert" lang={language}>
        <h1 className="reader-error-title">{words.title}</h1>
        <p className="reader-error-path">{this.props.path}</p>
        <p>{words.body}</p>
        <button type="button" className="button button--primary" onClick={this.props.onClose} autoFocus>
          {words.back}
        </button>
      </section>
    );
  }
}
