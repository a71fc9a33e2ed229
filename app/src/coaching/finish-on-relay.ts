// Submitting a coaching cycle (Finish) or a quality observation (Send feedback) locks its content on the
// relay, so the last change made here (the cycle marked finished) must have reached the relay first:
// otherwise the relay would refuse it as a change to a locked report. This waits until the relay's copy
// holds everything this device's copy holds, then asks the relay to submit.
import * as Y from 'yjs';
import { fetchRelayCopy } from '../report-session/relay-connection.ts';
import { relayApi } from '../sync/relay-api.ts';
import { heldLink } from '../sync/report-access.ts';

const attempts = 20;
const pauseMs = 300;

function relayHasAll(local: Y.Doc, relay: Y.Doc): boolean {
  const relayClocks = Y.decodeStateVector(Y.encodeStateVector(relay));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(local))) {
    if ((relayClocks.get(client) ?? 0) < clock) return false;
  }
  return true;
}

/** Submits the report, in `name`, once the relay has this device's copy; throws an error a person can read when it cannot. */
export async function submitWhenRelayHasAll(reportId: string, doc: Y.Doc, name: string): Promise<void> {
  const link = await heldLink(reportId);
  if (!link)
    throw new Error(
      'This device has no link for this document yet: it is saved here. Try again once Margin reaches the relay.',
    );
  for (let attempt = 0; ; attempt++) {
    const copy = await fetchRelayCopy(reportId, link.token);
    const caughtUp = relayHasAll(doc, copy);
    copy.destroy();
    if (caughtUp) break;
    if (attempt >= attempts)
      throw new Error('The relay has not received the latest changes yet. Check the connection and try again.');
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  await relayApi.decide(reportId, link.token, { action: 'submit', name });
}
