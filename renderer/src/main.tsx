// Entry point: the bundled Korean font (never fetched from the network), styles, strings, and the
// back end (Electron IPC or the preview's HTTP) provided to the whole app.
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
import { BackendContext } from './api/context';
import { getBackend } from './api/index';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BackendContext.Provider value={getBackend()}>
      <App />
    </BackendContext.Provider>
  </StrictMode>,
);
