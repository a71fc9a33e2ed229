// The toolbar popup: whether Margin is checking the current tab, and how many words it has underlined.
import { createResource, Show } from 'solid-js';
import { browser } from 'wxt/browser';
import type { PageRequest, PageStatus } from '../../messages.ts';
import { describePageStatus } from '../../popup/describe-status.ts';

// The tab the popup was opened over; looked up once, so "check again" asks the same page.
const currentTab = browser.tabs.query({ active: true, lastFocusedWindow: true }).then(([tab]) => tab?.id);

async function askPage(type: PageRequest['type']): Promise<PageStatus | null> {
  const tabId = await currentTab;
  if (tabId === undefined) return null;
  try {
    return await browser.tabs.sendMessage<PageRequest, PageStatus>(tabId, { to: 'page', type });
  } catch {
    // No content script answered: the page is not one of Margin's.
    return null;
  }
}

export function PagePopup() {
  const [status, { mutate }] = createResource(() => askPage('page-status'));
  const text = () => describePageStatus(status() ?? null);
  const checkAgain = async () => mutate(await askPage('check-page-again'));

  return (
    <main aria-labelledby="popup-title">
      <h1 id="popup-title">Margin</h1>
      <div role="status" aria-live="polite" aria-busy={status.loading}>
        <Show when={!status.loading} fallback={<p>Looking at this page…</p>}>
          <p class="headline">{text().headline}</p>
          <p>{text().detail}</p>
        </Show>
      </div>
      <Show when={!status.loading && text().running}>
        <button type="button" onClick={checkAgain}>
          Check this page again
        </button>
      </Show>
    </main>
  );
}
