// Around the reader: a file that breaks the reader shows a clear message in both languages and a
// way back, never a blank screen. Both languages at once, because the failure may be in i18n too.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  path: string;
  onClose: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
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
    return (
      <section className="reader-error" role="alert">
        <h1 className="reader-error-title">
          <span lang="ko">이 파일을 열 수 없습니다.</span>
          <span lang="en">This file could not be opened.</span>
        </h1>
        <p className="reader-error-path">{this.props.path}</p>
        <p lang="ko">파일이 망가졌거나 이 프로그램이 읽지 못하는 형식입니다. 서재의 다른 것은 그대로 쓸 수 있습니다.</p>
        <p lang="en">The file is damaged or in a form this program cannot read. Everything else in the library still works.</p>
        <details className="reader-error-details">
          <summary>
            <span lang="ko">자세히</span> / <span lang="en">Details</span>
          </summary>
          <pre>{error.message}</pre>
        </details>
        <button type="button" className="button button--primary" onClick={this.props.onClose} autoFocus>
          돌아가기 / Go back
        </button>
      </section>
    );
  }
}
