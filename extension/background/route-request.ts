// The background's whole job: pass checks and suggestions to the checker (making sure it is running first:
// in the offscreen document in Chromium, in a worker of the background in Firefox, checker.ts), drop the
// findings of kinds the user switched off, and keep the personal dictionary. In Chromium it holds no checker
// itself, so a service worker restart costs nothing but a round trip.
import { fail, ok } from '../../shared/result.ts';
import type { AddWordResult } from '../../shared/checks/spelling/personal-dictionary.ts';
import type { BackgroundRequest, CheckReply, DoneReply, OffscreenRequest, ReplyTo, SuggestReply } from '../messages.ts';
import { keepFindingsSwitchedOn, type RuleSettings } from '../settings/settings.ts';
import type { Checker } from './checker.ts';

export interface BackgroundParts {
  checker: Checker;
  settings(): Promise<RuleSettings>;
  /** Storage for the personal dictionary, and handing it to the checker. */
  words: {
    replaceAppWords(words: unknown): Promise<void>;
    addOwnWord(word: string): Promise<AddWordResult>;
    handOver(): Promise<void>;
  };
}

const noAnswer = 'The checker did not answer. Reload the extension to restart it.';

export async function routeRequest<M extends BackgroundRequest>(
  request: M,
  parts: BackgroundParts,
): Promise<ReplyTo<M>> {
  return (await route(request, parts)) as ReplyTo<M>;
}

async function route(
  request: BackgroundRequest,
  parts: BackgroundParts,
): Promise<CheckReply | SuggestReply | DoneReply | AddWordResult> {
  switch (request.type) {
    case 'check-text': {
      const reply = await askChecker(parts.checker, {
        to: 'offscreen',
        type: 'check-text',
        text: request.text,
        context: request.context,
      });
      if (!reply.ok) return reply;
      return ok({ ...reply.value, findings: keepFindingsSwitchedOn(reply.value.findings, await parts.settings()) });
    }
    case 'suggest':
      return askChecker(parts.checker, { to: 'offscreen', type: 'suggest', word: request.word });
    case 'app-personal-words':
      await parts.words.replaceAppWords(request.words);
      return ok();
    case 'add-personal-word':
      return parts.words.addOwnWord(request.word);
    case 'sync-personal-words':
      try {
        await parts.checker.start();
        await parts.words.handOver();
        return ok();
      } catch (error) {
        return fail(
          `The checker could not take the dictionary: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
  }
}

async function askChecker<M extends Extract<OffscreenRequest, { type: 'check-text' | 'suggest' }>>(
  checker: Checker,
  request: M,
) {
  try {
    await checker.start();
    const reply = await checker.send(request);
    return reply ?? fail(noAnswer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`The checker could not start: ${reason}`);
  }
}
