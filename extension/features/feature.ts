// What a feature of the content script is (the idea of refined-github's features): one file that says
// where it runs and how it starts, returning how to stop it. The list is feature-list.ts; run-features.ts
// starts those that apply to a page and stops them all when the page is left or Margin is stopped.
import type { MessageTo, ReplyTo } from '../messages.ts';
import type { PageFields } from '../page/page-fields.ts';

/** Margin's own pages (localhost, 127.0.0.1), or a site the user switched Margin on for in the popup. */
export type PageKind = 'margin' | 'site';

/** What the content script asks the rest of the extension: the background, and the copies kept of typed text. */
export type ContentRequest = MessageTo<'background'> | MessageTo<'drafts'>;

/** What features tell one another about a page, without knowing who listens. */
export interface PageNews {
  /** A submission went through ("Before you submit" let it go): the form, or the whole page. */
  'form-sent': HTMLFormElement | Document;
  /** A word was added to the personal dictionary from a suggestion list on the page. */
  'word-added': string;
}

export interface FeaturePage {
  document: Document;
  kind: PageKind;
  /** True in a frame of the page (an editor's iframe, as TinyMCE and CKEditor 4 make), false in the page itself. */
  inFrame: boolean;
  /** The page's free-text fields as they come and go, and their text changes: the one watcher of the page. */
  fields: PageFields;
  /** Asks the background; undefined when it cannot be reached (the extension was reloaded or updated). */
  ask<M extends ContentRequest>(request: M): Promise<ReplyTo<M> | undefined>;
  tell<K extends keyof PageNews>(news: K, value: PageNews[K]): void;
  hear<K extends keyof PageNews>(news: K, listener: (value: PageNews[K]) => void): () => void;
  /** Stops every feature on the page (the popup's "Stop checking"). */
  stop(): void;
}

export interface Feature {
  /** What it does, in the users' words; named in the console if it fails to start. */
  name: string;
  /** Which pages it runs on. Features that depend on the kind of form ask for the page's adapter when they act. */
  runsOn: readonly PageKind[];
  /**
   * Whether it also runs in the page's frames, where the content script runs too so that editors whose
   * editable body is in an iframe are checked; the others run in the page itself only (the page's own
   * features reach into its same-origin frames where they need to, as "Before you submit" does).
   */
  inFrames?: boolean;
  start(page: FeaturePage): (() => void) | undefined;
}
