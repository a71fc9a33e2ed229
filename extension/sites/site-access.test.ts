import { describe, expect, it } from 'vitest';
import {
  completeSiteRegistrations,
  forgetSitesWithoutPermission,
  siteOf,
  siteState,
  switchSiteOff,
  switchSiteOn,
  type SiteApis,
} from './site-access.ts';

/** The permissions and scripting APIs as the browser keeps them, with the user's answer to a permission prompt. */
function fakeApis(userAllows = true, registerFails = false) {
  const granted = new Set<string>();
  const scripts = new Map<
    string,
    { id: string; matches: string[]; persistAcrossSessions: boolean; js: string[]; css?: string[]; world: string }
  >();
  const apis: SiteApis = {
    permissions: {
      request: async ({ origins }) => (userAllows ? (origins.forEach((origin) => granted.add(origin)), true) : false),
      contains: async ({ origins }) => origins.every((origin) => granted.has(origin)),
      remove: async ({ origins }) => (origins.forEach((origin) => granted.delete(origin)), true),
    },
    scripting: {
      registerContentScripts: async (list) => {
        if (registerFails) throw new Error('Duplicate script ID');
        list.forEach((script) => scripts.set(script.id, script));
      },
      unregisterContentScripts: async ({ ids }) => {
        if (ids.some((id) => !scripts.has(id))) throw new Error('Nonexistent script ID');
        ids.forEach((id) => scripts.delete(id));
      },
      getRegisteredContentScripts: async (filter) =>
        [...scripts.values()].filter((script) => !filter || filter.ids.includes(script.id)),
    },
  };
  return { apis, granted, scripts };
}

const agency = { origin: 'https://reports.agency.example', pattern: 'https://reports.agency.example/*' };

describe('siteOf', () => {
  it("tells Margin's own pages, other web sites and pages it cannot run on apart", () => {
    expect(siteOf('http://localhost:5173/reports/1')).toEqual({ kind: 'margin' });
    expect(siteOf('http://127.0.0.1:8080/')).toEqual({ kind: 'margin' });
    expect(siteOf('https://reports.agency.example:8443/session?id=4')).toEqual({
      kind: 'site',
      site: agency,
      on: false,
    });
    expect(siteOf('chrome://extensions/')).toEqual({ kind: 'unsupported' });
    expect(siteOf('file:///home/me/notes.html')).toEqual({ kind: 'unsupported' });
    expect(siteOf(undefined)).toEqual({ kind: 'unsupported' });
  });
});

describe('switching a site on and off', () => {
  it('asks for that site only, registers the content script and the page-world script for it across restarts, and shows it as on', async () => {
    const { apis, granted, scripts } = fakeApis();
    expect(await siteState('https://reports.agency.example/form', apis)).toMatchObject({ on: false });
    expect(await switchSiteOn(agency, apis)).toEqual({ ok: true, value: undefined });
    expect([...granted]).toEqual(['https://reports.agency.example/*']);
    expect([...scripts.values()]).toEqual([
      expect.objectContaining({
        matches: ['https://reports.agency.example/*'],
        js: ['/content-scripts/content.js'],
        css: ['/content-scripts/content.css'],
        world: 'ISOLATED',
        persistAcrossSessions: true,
        // In the site's frames too, about:blank and srcdoc ones included: where TinyMCE and CKEditor 4 keep their text.
        allFrames: true,
        matchOriginAsFallback: true,
      }),
      // Run before the page's scripts, in the page's world, so a form the page sends by script is heard.
      expect.objectContaining({
        matches: ['https://reports.agency.example/*'],
        js: ['/content-scripts/margin-sent-by-script.js'],
        runAt: 'document_start',
        world: 'MAIN',
        persistAcrossSessions: true,
        allFrames: false,
      }),
    ]);
    expect(await siteState('https://reports.agency.example/form', apis)).toMatchObject({ on: true });
    expect(await siteState('https://other.example/', apis)).toMatchObject({ on: false });
  });

  it('switching off takes away both the permission and the content script', async () => {
    const { apis, granted, scripts } = fakeApis();
    await switchSiteOn(agency, apis);
    await switchSiteOff(agency, apis);
    expect(granted.size).toBe(0);
    expect(scripts.size).toBe(0);
    expect(await siteState('https://reports.agency.example/', apis)).toMatchObject({ on: false });
  });

  it('stays off, saying why, when the user does not allow it', async () => {
    const { apis, scripts } = fakeApis(false);
    expect(await switchSiteOn(agency, apis)).toEqual({
      ok: false,
      problem: 'Margin was not allowed to read https://reports.agency.example, so it is still off there.',
    });
    expect(scripts.size).toBe(0);
  });

  it('gives the permission back when the content script cannot be registered', async () => {
    const { apis, granted } = fakeApis(true, true);
    expect(await switchSiteOn(agency, apis)).toEqual({
      ok: false,
      problem: 'Margin could not start on https://reports.agency.example: Duplicate script ID',
    });
    expect(granted.size).toBe(0);
  });

  it('forgets the content script of a site whose permission was removed in the browser', async () => {
    const { apis, granted, scripts } = fakeApis();
    await switchSiteOn(agency, apis);
    await switchSiteOn({ origin: 'https://keep.example', pattern: 'https://keep.example/*' }, apis);
    granted.delete(agency.pattern);
    expect(await forgetSitesWithoutPermission(apis)).toEqual([agency.origin]);
    expect([...scripts.keys()]).toEqual([
      'margin-site:https://keep.example',
      'margin-site-page-world:https://keep.example',
    ]);
  });

  it('switches off a site switched on before the page-world script, which has the content script alone', async () => {
    const { apis, granted, scripts } = fakeApis();
    await switchSiteOn(agency, apis);
    scripts.delete('margin-site-page-world:https://reports.agency.example');
    await switchSiteOff(agency, apis);
    expect(scripts.size).toBe(0);
    expect(granted.size).toBe(0);
  });

  it('gives the page-world script to a site switched on before there was one, and leaves complete sites as they are', async () => {
    const { apis, scripts } = fakeApis();
    await switchSiteOn(agency, apis);
    await switchSiteOn({ origin: 'https://keep.example', pattern: 'https://keep.example/*' }, apis);
    scripts.delete('margin-site-page-world:https://reports.agency.example');
    expect(await completeSiteRegistrations(apis)).toEqual([agency.origin]);
    expect(scripts.get('margin-site-page-world:https://reports.agency.example')).toMatchObject({
      matches: ['https://reports.agency.example/*'],
      js: ['/content-scripts/margin-sent-by-script.js'],
      world: 'MAIN',
    });
    expect(scripts.size).toBe(4);
    expect(await completeSiteRegistrations(apis)).toEqual([]);
  });
});
