// The toolbar popup: whether Margin checks the current site (with the switch for sites other than
// Margin's own), how many findings it has on the page, and the promise that nothing leaves the device.
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { browser } from 'wxt/browser';
import type { PageRequest, PageStatus } from '../../messages.ts';
import { describePageStatus } from '../../popup/describe-status.ts';
import {
  CONTENT_SCRIPT_FILES,
  PAGE_WORLD_SCRIPT_FILES,
  siteState,
  switchSiteOff,
  switchSiteOn,
  type Site,
  type SiteApis,
  type SiteState,
} from '../../sites/site-access.ts';

const sites = browser as unknown as SiteApis;
// The tab the popup was opened over; looked up once, so every question goes to the same page.
const currentTab = browser.tabs.query({ active: true, lastFocusedWindow: true }).then(([tab]) => tab);

async function askPage(type: PageRequest['type']): Promise<PageStatus | null> {
  const tab = await currentTab;
  if (tab?.id === undefined) return null;
  try {
    return await browser.tabs.sendMessage<PageRequest, PageStatus>(tab.id, { to: 'page', type });
  } catch {
    // No content script answered: Margin is not running on this page.
    return null;
  }
}

/** Starts the content script (and the page-world script beside it) in the open tab at once, so the user need not reload the page. */
async function startOnOpenTab(): Promise<void> {
  const tab = await currentTab;
  if (tab?.id === undefined) return;
  await browser.scripting.executeScript({
    target: { tabId: tab.id },
    world: 'MAIN',
    files: PAGE_WORLD_SCRIPT_FILES.js as ['/content-scripts/margin-sent-by-script.js'],
  });
  // The content script in the tab's frames too, as the registration has it (an editor's iframe).
  await browser.scripting.insertCSS({ target: { tabId: tab.id, allFrames: true }, files: CONTENT_SCRIPT_FILES.css });
  await browser.scripting.executeScript({
    target: { tabId: tab.id, allFrames: true },
    files: CONTENT_SCRIPT_FILES.js as ['/content-scripts/content.js'],
  });
}

export function PagePopup() {
  const [status, { mutate: setStatus }] = createResource(() => askPage('page-status'));
  // The tab's address is there when the popup was opened from the toolbar (activeTab); the page's own
  // content script knows it too, where it runs.
  const [site, { mutate: setSite }] = createResource(async () =>
    siteState((await currentTab)?.url ?? (await askPage('page-status'))?.url, sites),
  );
  const [problem, setProblem] = createSignal('');
  const text = () => describePageStatus(status() ?? null);
  const checkAgain = async () => setStatus(await askPage('check-page-again'));

  const switchTo = async (target: Site, on: boolean) => {
    setProblem('');
    if (on) {
      // Nothing may be awaited before the permission request: the browser only shows it during the click.
      const result = await switchSiteOn(target, sites);
      if (!result.ok) return void setProblem(result.problem);
      setSite({ kind: 'site', site: target, on });
      try {
        await startOnOpenTab();
        // Asked to check again, the page answers once its fields have been checked.
        setStatus(await askPage('check-page-again'));
      } catch {
        setProblem('Margin is on for this site from the next time the page loads.');
      }
    } else {
      await askPage('stop-checking');
      await switchSiteOff(target, sites);
      setSite({ kind: 'site', site: target, on });
      setStatus(null);
    }
  };

  return (
    <main aria-labelledby="popup-title">
      <h1 id="popup-title">Margin</h1>
      <p class="privacy">Nothing you type leaves this device.</p>
      <Show when={site()}>{(state) => <SiteLine state={state()} onSwitch={switchTo} />}</Show>
      <p class="error" role="alert">
        {problem()}
      </p>
      <div role="status" aria-live="polite" aria-busy={status.loading}>
        <Show when={!status.loading} fallback={<p>Looking at this page…</p>}>
          <p class="headline">{text().headline}</p>
          <p>{text().detail}</p>
        </Show>
      </div>
      <div class="actions">
        <Show when={!status.loading && text().running}>
          <button type="button" onClick={checkAgain}>
            Check this page again
          </button>
        </Show>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Dictionary and settings
        </button>
      </div>
    </main>
  );
}

function SiteLine(props: { state: SiteState; onSwitch(site: Site, on: boolean): void }) {
  return (
    <Switch>
      <Match when={props.state.kind === 'margin'}>
        <p>Always on for Margin’s own pages.</p>
      </Match>
      <Match when={props.state.kind === 'unsupported'}>
        <p>Margin cannot check this kind of page.</p>
      </Match>
      <Match when={props.state.kind === 'site' && props.state}>
        {(state) => (
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              aria-checked={state().on}
              checked={state().on}
              onChange={(event) => props.onSwitch(state().site, event.currentTarget.checked)}
            />
            Check {state().site.origin}
          </label>
        )}
      </Match>
    </Switch>
  );
}
