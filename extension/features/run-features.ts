// Starts the features that apply to a page, giving each the page's fields, the way to the background and
// the news the others tell, and stops them all (last started, first stopped) when the page is left or
// the user stops Margin there. A feature that fails to start is named in the console and the others run.
import { siteOf } from '../sites/site-access.ts';
import { followPageFields, type PageFieldsOptions } from '../page/page-fields.ts';
import type { Feature, FeaturePage, PageKind, PageNews } from './feature.ts';

export interface RunOptions extends PageFieldsOptions {
  ask: FeaturePage['ask'];
  /** Running in a frame of the page rather than the page itself; false unless told. */
  inFrame?: boolean;
}

export function pageKindOf(url: string | undefined): PageKind {
  return siteOf(url).kind === 'margin' ? 'margin' : 'site';
}

export function runFeatures(
  document: Document,
  features: readonly Feature[],
  { ask, inFrame = false, ...fieldOptions }: RunOptions,
) {
  const fields = followPageFields(document, fieldOptions);
  const listeners = new Map<keyof PageNews, Set<(value: never) => void>>();
  const running: { name: string; stop: (() => void) | undefined }[] = [];
  let stopped = false;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    for (const feature of running.reverse()) if (feature.stop) attempt(`stop "${feature.name}"`, feature.stop);
    running.length = 0;
    listeners.clear();
    fields.stop();
  };
  const page: FeaturePage = {
    document,
    kind: pageKindOf(document.location?.href),
    inFrame,
    fields,
    ask,
    tell(news, value) {
      listeners.get(news)?.forEach((listener) => (listener as (value: PageNews[typeof news]) => void)(value));
    },
    hear(news, listener) {
      const heard = listeners.get(news) ?? new Set();
      listeners.set(news, heard.add(listener));
      return () => heard.delete(listener);
    },
    stop,
  };

  for (const feature of features) {
    if (!feature.runsOn.includes(page.kind) || (inFrame && !feature.inFrames)) continue;
    attempt(`start "${feature.name}"`, () => running.push({ name: feature.name, stop: feature.start(page) }));
  }
  return {
    /** The names of the features running on the page, in the order they started. */
    running: () => running.map((feature) => feature.name),
    stop,
  };
}

function attempt(what: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    console.error(`Margin could not ${what}:`, error);
  }
}
