// The app on a page: the bundled Korean font (never fetched from the network), styles, strings, and
// a back end provided to the whole app. Each entry brings its own back end: the Electron window's
// or the preview's (main.tsx), or the browser edition's, in the page itself (main-page.tsx).
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/home.css';
import './styles/search.css';
import './styles/pages.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BackendContext, type Backend } from './api/context';
import { App } from './App';

export function startApp(backend: Backend): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <BackendContext.Provider value={backend}>
        <App />
      </BackendContext.Provider>
    </StrictMode>,
  );
}
