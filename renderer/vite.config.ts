import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Every Chromium the app runs in (Electron 22 and up, the browsers of the browser edition) reads
 * WOFF2, so the bundled font's .woff fallbacks are never fetched: @fontsource's stylesheets name
 * both, and Vite would copy all of them (248 .woff files, 5 MB) beside the .woff2 ones.
 */
export function woff2Only(): Plugin {
  return {
    name: 'changmun:woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@fontsource[\\/].*\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, ''), map: null };
    },
  };
}

// The UI is served from app:// in Electron and from /t/<token>/ in the preview: relative asset
// URLs work under both. Nothing is loaded from the network: fonts and scripts are bundled.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: './',
  plugins: [woff2Only(), react()],
  build: {
    // The oldest Chromium the UI runs in: Electron 22's (the legacy build for Windows 7/8.1 and
    // 32-bit Windows). Syntax is lowered to it, CSS too (cssTarget follows); built-ins are not
    // polyfilled, so tests/legacy-compat.test.ts checks the bundles for newer ones.
    target: ['chrome108'],
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
});
