// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NETWORK_MESSAGE = 'Changmun never touches the network: no networking modules in app code.';
const NO_NETWORK = {
  paths: [
    ...['http', 'https', 'net', 'tls', 'dgram', 'dns', 'http2'].flatMap((m) => [
      { name: m, message: NETWORK_MESSAGE },
      { name: `node:${m}`, message: NETWORK_MESSAGE },
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
};

/**
 * no-restricted-imports for the files of one layer: no network, and `patterns` of its own. (One
 * rule setting per file wins in a flat config, so every layer states the network rule again.)
 * @param {string} files
 * @param {{ regex: string, message: string }[]} patterns
 */
function layer(files, patterns) {
  return [{ files: [files], rules: { 'no-restricted-imports': ['error', { paths: NO_NETWORK.paths, patterns: [...NO_NETWORK.patterns, ...patterns] }] } }];
}

/**
 * The modules of main/core the browser edition's page runs (main/browser-edition/page/): the search
 * engine's reading side and the settings rules, which import no Node (commit 82d984b). Anything else
 * of the core may need Node and is refused there.
 */
const PAGE_CORE = ['search/engine', 'search/store/segment', 'search/store/blob', 'search/store/damage', 'search/catalog-check', 'state/settings-rules'];
const NODE_MODULES = '^(node:|fs$|path$|os$|crypto$|worker_threads$|child_process$|stream$|buffer$|url$|util$|zlib$)';

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
  // The app never opens a network socket (no networking modules anywhere in main/ but the loopback
  // preview server, which is for volunteers' browsers only), and each layer imports only the layers
  // below it (README, "How the code is laid out"):
  //   main/text      environment-free text rules: imports nothing of ours, no Node, no DOM
  //   main/core      the back end: text and the contract's types; never electron, preview, cli, renderer
  //   main/electron, main/preview, main/cli   the shells: core, contract, text; never renderer
  //   renderer/      the UI: the contract (main/api.ts, main/contract/) and main/text only
  //   main/browser-edition/page   the browser edition's back end, run in the page: the contract,
  //                  main/text, the edition's format and PAGE_CORE (the engine's Node-free reading
  //                  side) only; no Node. Only the page's entry (renderer/src/main-page.tsx) imports it.
  ...layer('main/text/**/*.ts', [
    { regex: '^\\.\\./', message: 'main/text stands alone: it imports nothing outside main/text (README, layers).' },
    { regex: '^(node:|fs$|path$|os$|crypto$|worker_threads$|child_process$|stream$|buffer$|url$|util$)', message: 'main/text runs in the page too: no Node modules.' },
  ]),
  ...layer('main/core/**/*.ts', [
    { regex: '(^|/)(electron|preview|cli)(/|$)|^electron$', message: 'The core never imports a shell (electron, preview, cli): they import it.' },
    { regex: '(^|/)renderer/', message: 'The core never imports the UI.' },
  ]),
  ...layer('main/{api.ts,contract/**/*.ts}', [
    { regex: '(^|/)(electron|preview|cli|renderer)(/|$)|^electron$', message: 'The contract is what every side imports: it imports none of them.' },
  ]),
  ...layer('main/browser-edition/page/**/*.ts', [
    { regex: `(^|/)core/(?!(${PAGE_CORE.join('|')})\\.js$)`, message: `The browser edition's page runs only the Node-free reading side of the core: ${PAGE_CORE.join(', ')}.` },
    { regex: '(^|/)(electron|preview|cli|renderer)(/|$)|^electron$', message: 'The page\'s back end imports no shell and no UI: the UI imports it (renderer/src/main-page.tsx).' },
    { regex: NODE_MODULES, message: 'The browser edition\'s page runs in a browser: no Node modules.' },
  ]),
  ...layer('main/browser-edition/*.ts', [
    { regex: '(^|/)(electron|preview|cli|renderer)(/|$)|^electron$', message: 'The browser edition\'s writer is part of the build: it imports no shell and no UI.' },
  ]),
  ...layer('main/{electron,cli}/**/*.ts', [
    { regex: '(^|/)renderer/', message: 'The shells reach the UI through the contract, never by import.' },
  ]),
  {
    files: ['main/preview/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)renderer/', message: 'The shells reach the UI through the contract, never by import.' }] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)main/(core|electron|preview|cli)(/|$)', message: 'The UI reaches the back end only through the contract (main/api.ts, main/contract/) and the text rules (main/text/).' },
            { regex: '^(node:|fs$|path$|os$|crypto$|worker_threads$|child_process$)', message: 'The UI runs in a sandboxed page: no Node modules.' },
            { regex: '(^|/)main/browser-edition/page(/|$)', message: 'Only the browser edition\'s entry (renderer/src/main-page.tsx) picks its back end; the rest of the UI reaches it through the contract.' },
          ],
        },
      ],
    },
  },
  {
    // The browser edition's entry: the UI with the page's own back end (main/browser-edition/page/).
    files: ['renderer/src/main-page.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)main/(core|electron|preview|cli)(/|$)', message: 'The UI reaches the back end only through the contract (main/api.ts, main/contract/) and the text rules (main/text/).' },
            { regex: '^(node:|fs$|path$|os$|crypto$|worker_threads$|child_process$)', message: 'The UI runs in a sandboxed page: no Node modules.' },
          ],
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
    files: ['renderer/**/*.{ts,tsx}', 'main/browser-edition/page/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
