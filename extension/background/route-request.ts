// The background's whole job: pass a check to the offscreen document, making sure it exists first.
// It holds no checker itself, so a service worker restart costs nothing but a round trip.
import type { BackgroundRequest, CheckReply, OffscreenRequest } from '../messages.ts';

export interface OffscreenChecker {
  ensureDocument(): Promise<void>;
  send(request: OffscreenRequest): Promise<CheckReply | undefined>;
}

export async function routeRequest(request: BackgroundRequest, offscreen: OffscreenChecker): Promise<CheckReply> {
  try {
    await offscreen.ensureDocument();
    const reply = await offscreen.send({ to: 'offscreen', type: 'check-text', text: request.text, context: request.context });
    return reply ?? { ok: false, problem: 'The spelling checker did not answer. Reload the extension to restart it.' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `The spelling checker could not start: ${reason}` };
  }
}
