// For unit tests: makes WXT's fake browser the `chrome` global before @wxt-dev/browser reads it (it
// does so once, when first imported), so wxt/utils/storage works in tests. Import it first.
import { fakeBrowser } from 'wxt/testing';

(globalThis as { chrome?: unknown }).chrome = fakeBrowser;
