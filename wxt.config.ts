import { defineConfig } from 'wxt';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The extension's own source lives in extension/; the dictionary files come from the
// dictionary-en-gb package and are copied in so the offscreen document can fetch them.
const dictionaryDir = dirname(createRequire(import.meta.url).resolve('dictionary-en-gb'));
const dictionaryFiles = ['index.aff', 'index.dic'].map((name) => ({
  absoluteSrc: join(dictionaryDir, name),
  relativeDest: `dictionaries/en-GB/${name}`,
}));

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modules: ['@wxt-dev/module-solid'],
  webExt: { disabled: true },
  manifest: {
    name: 'Margin',
    description: 'Spelling checks for Margin reports, on your own device.',
    permissions: ['offscreen', 'storage'],
  },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...dictionaryFiles);
    },
    // So browser.runtime.getURL('/dictionaries/en-GB/index.aff') type-checks.
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(...dictionaryFiles.map((file) => file.relativeDest));
    },
  },
});
