import { defineConfig } from 'wxt';
import { copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The extension's own source lives in extension/; the dictionary files come from the
// dictionary-en-gb package and are copied in so the offscreen document can fetch them.
const dictionaryDir = dirname(createRequire(import.meta.url).resolve('dictionary-en-gb'));

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
      for (const name of ['index.aff', 'index.dic']) {
        files.push({ absoluteSrc: join(dictionaryDir, name), relativeDest: `dictionaries/en-GB/${name}` });
      }
    },
  },
});
