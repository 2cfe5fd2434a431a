// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'build/', 'dist/', 'renderer/dist/', 'content-sample/', 'coverage/', 'bench/out/', 'tests/out/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // The app never opens a network socket: no networking modules anywhere in main/ except the
    // loopback preview server (main/preview/), which is for volunteers' browsers only.
    files: ['main/**/*.ts'],
    ignores: ['main/preview/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...['http', 'https', 'net', 'tls', 'dgram', 'dns', 'http2'].flatMap((m) => [
              { name: m, message: 'Changmun never touches the network: no networking modules in app code.' },
              { name: `node:${m}`, message: 'Changmun never touches the network: no networking modules in app code.' },
            ]),
            // Electron's own ways out: its network stack, opening files and links outside the app,
            // update checks and crash uploads (FIELD-NOTES, "Leaving no trace").
            {
              name: 'electron',
              importNames: ['net', 'shell', 'autoUpdater', 'crashReporter', 'Notification'],
              message: 'The desktop app never uses the network, shell, updates, crash uploads or notifications.',
            },
          ],
          patterns: [{ group: ['dns/*', 'node:dns/*'], message: 'No DNS in app code.' }],
        },
      ],
    },
  },
  {
    // CommonJS on purpose: Electron's sandbox runs the preload as a plain script whose require knows
    // only 'electron'; electron-builder requires its hooks.
    files: ['main/electron/preload/**/*.ts', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
