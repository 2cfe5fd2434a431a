import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The UI is served from app:// in Electron and from /t/<token>/ in the preview: relative asset
// URLs work under both. Nothing is loaded from the network: fonts and scripts are bundled.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
});
