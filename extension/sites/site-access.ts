// Which sites Margin checks. Its own pages (localhost, 127.0.0.1) always, through the manifest; any
// other site only once the user switches it on in the popup: the host permission for that site is
// requested at that moment and the content script registered for it (kept across restarts).
// Switching off removes both. The browser APIs are passed in so the logic can be tested without them.
// Each site gets two scripts, as Margin's own pages do through the manifest: the content script, and the
// small one in the page's own world that lets it hear forms the page's script sends (submit/sent-by-script.ts).

/** The built content script's files, as WXT names them. */
export const CONTENT_SCRIPT_FILES = { js: ['/content-scripts/content.js'], css: ['/content-scripts/content.css'] };
/** The script in the page's own world, run before the page's scripts. */
export const PAGE_WORLD_SCRIPT_FILES = { js: ['/content-scripts/margin-sent-by-script.js'] };

const REGISTRATION_PREFIX = 'margin-site:';
const PAGE_WORLD_PREFIX = 'margin-site-page-world:';
const MARGIN_HOSTS = new Set(['localhost', '127.0.0.1']);

export interface Site {
  /** "https://agency.example": what the user sees and switches. */
  origin: string;
  /** "https://agency.example/*": the host permission and content script pattern (every port). */
  pattern: string;
}

export type SiteState = { kind: 'margin' } | { kind: 'unsupported' } | { kind: 'site'; site: Site; on: boolean };

interface RegisteredScript {
  id: string;
  matches?: string[];
}

export interface SiteApis {
  permissions: {
    request(permissions: { origins: string[] }): Promise<boolean>;
    contains(permissions: { origins: string[] }): Promise<boolean>;
    remove(permissions: { origins: string[] }): Promise<boolean>;
  };
  scripting: {
    registerContentScripts(
      scripts: {
        id: string;
        matches: string[];
        js: string[];
        css?: string[];
        runAt: 'document_idle' | 'document_start';
        world: 'ISOLATED' | 'MAIN';
        persistAcrossSessions: boolean;
        allFrames: boolean;
        matchOriginAsFallback?: boolean;
      }[],
    ): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
    getRegisteredContentScripts(filter?: { ids: string[] }): Promise<RegisteredScript[]>;
  };
}

/** The site a page belongs to, for web pages only (not the browser's own pages or files). */
export function siteOf(url: string | undefined): SiteState {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    return { kind: 'unsupported' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { kind: 'unsupported' };
  if (MARGIN_HOSTS.has(parsed.hostname)) return { kind: 'margin' };
  const origin = `${parsed.protocol}//${parsed.hostname}`;
  return { kind: 'site', site: { origin, pattern: `${origin}/*` }, on: false };
}

const registrationId = (site: Site) => `${REGISTRATION_PREFIX}${site.origin}`;
const pageWorldId = (site: Site) => `${PAGE_WORLD_PREFIX}${site.origin}`;

const common = (site: Site) => ({ matches: [site.pattern], persistAcrossSessions: true, allFrames: false });
const pageWorldScript = (site: Site) =>
  ({
    id: pageWorldId(site),
    ...PAGE_WORLD_SCRIPT_FILES,
    runAt: 'document_start',
    world: 'MAIN',
    ...common(site),
  }) as const;

/** Takes away a site's scripts one at a time: the browser refuses a whole list if one of them is not there. */
async function unregisterSite(site: Site, apis: SiteApis): Promise<void> {
  for (const id of [registrationId(site), pageWorldId(site)])
    await apis.scripting.unregisterContentScripts({ ids: [id] }).catch(() => undefined);
}

export async function siteState(url: string | undefined, apis: SiteApis): Promise<SiteState> {
  const state = siteOf(url);
  if (state.kind !== 'site') return state;
  const [allowed, registered] = await Promise.all([
    apis.permissions.contains({ origins: [state.site.pattern] }),
    apis.scripting.getRegisteredContentScripts({ ids: [registrationId(state.site)] }),
  ]);
  return { ...state, on: allowed && registered.length > 0 };
}

/**
 * Switches Margin on for a site. The permission request must be the first thing done in the click
 * handler (browsers only show it during a user gesture), so this is called straight from the click.
 */
export async function switchSiteOn(site: Site, apis: SiteApis): Promise<Result> {
  const granted = await apis.permissions.request({ origins: [site.pattern] });
  if (!granted) return fail(`Margin was not allowed to read ${site.origin}, so it is still off there.`);
  try {
    await unregisterSite(site, apis);
    await apis.scripting.registerContentScripts([
      {
        id: registrationId(site),
        ...CONTENT_SCRIPT_FILES,
        runAt: 'document_idle',
        world: 'ISOLATED',
        ...common(site),
        // As on Margin's own pages: in the site's frames too, about:blank and srcdoc ones included (editors' iframes).
        allFrames: true,
        matchOriginAsFallback: true,
      },
      pageWorldScript(site),
    ]);
    return ok();
  } catch (error) {
    await apis.permissions.remove({ origins: [site.pattern] }).catch(() => false);
    return fail(`Margin could not start on ${site.origin}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function switchSiteOff(site: Site, apis: SiteApis): Promise<void> {
  await unregisterSite(site, apis);
  await apis.permissions.remove({ origins: [site.pattern] });
}

/**
 * Takes away the content script from sites whose permission has gone (the user removed it in the
 * browser's own settings), so nothing is left registered that cannot run.
 */
export async function forgetSitesWithoutPermission(apis: SiteApis): Promise<string[]> {
  const registered = (await apis.scripting.getRegisteredContentScripts()).filter(
    (script) => script.id.startsWith(REGISTRATION_PREFIX) || script.id.startsWith(PAGE_WORLD_PREFIX),
  );
  const gone: string[] = [];
  for (const script of registered) {
    const origins = script.matches ?? [];
    if (origins.length > 0 && (await apis.permissions.contains({ origins }))) continue;
    gone.push(script.id);
  }
  if (gone.length > 0) await apis.scripting.unregisterContentScripts({ ids: gone });
  return gone.filter((id) => id.startsWith(REGISTRATION_PREFIX)).map((id) => id.slice(REGISTRATION_PREFIX.length));
}
import { fail, ok, type Result } from '../../shared/result.ts';

/**
 * Gives the page-world script to the sites switched on before there was one (they have the content script
 * alone), so forms their pages send by script get the panel too. Returns the sites given it.
 */
export async function completeSiteRegistrations(apis: SiteApis): Promise<string[]> {
  const registered = await apis.scripting.getRegisteredContentScripts();
  const ids = new Set(registered.map((script) => script.id));
  const incomplete = registered
    .filter((script) => script.id.startsWith(REGISTRATION_PREFIX))
    .map((script) => script.id.slice(REGISTRATION_PREFIX.length))
    .map((origin) => ({ origin, pattern: `${origin}/*` }))
    .filter((site) => !ids.has(pageWorldId(site)));
  if (incomplete.length > 0) await apis.scripting.registerContentScripts(incomplete.map(pageWorldScript));
  return incomplete.map((site) => site.origin);
}
