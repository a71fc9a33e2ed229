import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageAt } from '../testing/parsed-page.ts';
import type { Feature } from './feature.ts';
import { pageKindOf, runFeatures } from './run-features.ts';

const ask = async () => undefined;
const margin = 'http://localhost:8787/reports/1';
const agency = 'https://reports.agency.example/session/add';

/** A feature that writes down when it starts and stops. */
function noting(name: string, runsOn: Feature['runsOn'], log: string[]): Feature {
  return {
    name,
    runsOn,
    start: () => {
      log.push(`start ${name}`);
      return () => log.push(`stop ${name}`);
    },
  };
}

afterEach(() => vi.restoreAllMocks());

describe('pageKindOf', () => {
  it('knows Margin’s own pages on any port from every other site', () => {
    expect(pageKindOf('http://localhost:5173/')).toBe('margin');
    expect(pageKindOf('http://127.0.0.1:8787/reports/1')).toBe('margin');
    expect(pageKindOf(agency)).toBe('site');
    expect(pageKindOf('http://localhost.agency.example/')).toBe('site');
  });
});

describe('runFeatures', () => {
  it('starts, in list order, only the features that run on the kind of page, and stops them last first', () => {
    const log: string[] = [];
    const list = [
      noting('everywhere', ['margin', 'site'], log),
      noting('only Margin', ['margin'], log),
      noting('only sites', ['site'], log),
      noting('last', ['site', 'margin'], log),
    ];
    const onSite = runFeatures(pageAt(agency), list, { ask });
    expect(onSite.running()).toEqual(['everywhere', 'only sites', 'last']);
    onSite.stop();
    onSite.stop();
    expect(log).toEqual([
      'start everywhere',
      'start only sites',
      'start last',
      'stop last',
      'stop only sites',
      'stop everywhere',
    ]);
    expect(onSite.running()).toEqual([]);
    log.length = 0;
    const onMargin = runFeatures(pageAt(margin), list, { ask });
    expect(onMargin.running()).toEqual(['everywhere', 'only Margin', 'last']);
    onMargin.stop();
  });

  it('in a frame of the page (an editor’s iframe) starts only the features that run in frames', () => {
    const log: string[] = [];
    const inFrames: Feature = { ...noting('in frames too', ['site'], log), inFrames: true };
    const running = runFeatures(pageAt(agency), [noting('page only', ['site'], log), inFrames], { ask, inFrame: true });
    expect(running.running()).toEqual(['in frames too']);
    running.stop();
  });

  it('names a feature that fails to start and runs the others', () => {
    const log: string[] = [];
    const failed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken: Feature = {
      name: 'broken',
      runsOn: ['site'],
      start: () => {
        throw new Error('no such element');
      },
    };
    const running = runFeatures(pageAt(agency), [broken, noting('after', ['site'], log)], { ask });
    expect(running.running()).toEqual(['after']);
    expect(failed).toHaveBeenCalledWith('Margin could not start "broken":', expect.any(Error));
    running.stop();
    expect(log).toEqual(['start after', 'stop after']);
  });

  it('lets one feature stop them all, as the popup’s "Stop checking" does', () => {
    const log: string[] = [];
    let stopAll: () => void = () => undefined;
    const stopper: Feature = {
      name: 'stopper',
      runsOn: ['site'],
      start: (page) => {
        stopAll = page.stop;
        return undefined;
      },
    };
    const running = runFeatures(pageAt(agency), [noting('first', ['site'], log), stopper], { ask });
    stopAll();
    expect(log).toEqual(['start first', 'stop first']);
    expect(running.running()).toEqual([]);
  });

  it('carries news from one feature to the others that listen, until the page stops', () => {
    const heard: string[] = [];
    let tell: (word: string) => void = () => undefined;
    const teller: Feature = {
      name: 'teller',
      runsOn: ['site'],
      start: (page) => {
        tell = (word) => page.tell('word-added', word);
        return undefined;
      },
    };
    const listener: Feature = {
      name: 'listener',
      runsOn: ['site'],
      start: (page) => page.hear('word-added', (word) => heard.push(word)),
    };
    const running = runFeatures(pageAt(agency), [teller, listener], { ask });
    tell('Oluwaseun');
    running.stop();
    tell('Later');
    expect(heard).toEqual(['Oluwaseun']);
  });

  it('gives every feature the same page fields and the way to the background', async () => {
    const asked: unknown[] = [];
    const seen: string[][] = [];
    const reader: Feature = {
      name: 'reader',
      runsOn: ['site'],
      start: (page) => {
        seen.push(page.fields.list().map((element) => element.id));
        void page.ask({ to: 'background', type: 'sync-personal-words' });
        return undefined;
      },
    };
    const running = runFeatures(pageAt(agency, '<textarea id="notes"></textarea>'), [reader, reader], {
      ask: async (request) => {
        asked.push(request);
        return undefined;
      },
    });
    expect(seen).toEqual([['notes'], ['notes']]);
    expect(asked).toEqual([
      { to: 'background', type: 'sync-personal-words' },
      { to: 'background', type: 'sync-personal-words' },
    ]);
    running.stop();
  });
});
