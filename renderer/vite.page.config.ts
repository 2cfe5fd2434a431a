/// <reference types="node" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { woff2Only } from './vite.config.js';

// The browser edition's UI (issue 17 §2): the same React app with the page's own back end
// (src/main-page.tsx), opened from the drive on file://. Chromium refuses module scripts there
// (origin null) and a page cannot fetch its own files, so this is one classic script (an IIFE, the
// readers' lazy imports inlined: nothing is fetched later) and one stylesheet, beside the fonts.
// `changmun build` copies build/page/ into the drive's Changmun-files/app/ (main/browser-edition/write.ts).
const root = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root,
  base: './',
  // import.meta.env.MODE === 'page': the book reader is the text one, and epub.js stays out.
  mode: 'page',
  plugins: [woff2Only(), react()],
  // A library build leaves process.env alone; React reads NODE_ENV, and a page has no process.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
  build: {
    // The browsers a recipient may have where the desktop app cannot run: syntax is lowered to
    // Chromium 80 and Firefox 78 (tests/browser-edition-compat.test.ts parses the bundle as ES2020).
    target: ['chrome80', 'firefox78'],
    // CHANGMUN_PAGE_OUT: elsewhere (the browser tests build their own, so a stale build/ cannot fool them).
    outDir: process.env.CHANGMUN_PAGE_OUT ?? new URL('../build/page', import.meta.url).pathname,
    emptyOutDir: true,
    sourcemap: false,
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    // No <link rel=modulepreload> helper: there are no chunks to preload, and it reads import.meta.
    modulePreload: false,
    chunkSizeWarningLimit: 4000,
    // One stylesheet, in Changmun.html's <link> (a page cannot load it later).
    // Not a library build (that would inline the fonts into the stylesheet, 5 MB read at every
    // start): the app's own build with a script entry, one IIFE, the fonts as files beside it,
    // fetched by the browser only for the characters on screen (unicode-range), as in the app.
    rollupOptions: {
      input: `${root}src/main-page.tsx`,
      // import.meta becomes {} in a classic script: only Vite's own preload helper reads it (there
      // is nothing to preload), and import.meta.env is replaced before.
      checks: { emptyImportMeta: false, pluginTimings: false },
      output: {
        // An IIFE has no chunks: the readers' lazy imports are inlined.
        format: 'iife',
        entryFileNames: 'changmun.js',
        assetFileNames: (asset) => (asset.names.some((n) => n.endsWith('.css')) ? 'changmun.css' : 'fonts/[name]-[hash][extname]'),
      },
    },
  },
});
