// What the offscreen document answers the background: checks, suggestions and personal words, passed
// to its checks worker through the shared client, and the answers put the way pages read them. A
// check is answered once: with the fast findings, marked partial, while Harper's grammar loads (the
// page then looks again), and with every finding once it is ready.
import { fail, ok } from '../../shared/result.ts';
import type { ChecksWorkerClient } from '../../shared/checks/worker-client.ts';
import type { CheckReply, MessageTo, ReplyTo, SuggestReply } from '../messages.ts';

type OffscreenRequest = MessageTo<'offscreen'>;

export function answerChecks(client: ChecksWorkerClient) {
  return async (request: OffscreenRequest): Promise<ReplyTo<OffscreenRequest>> => {
    switch (request.type) {
      case 'check-text':
        return checkReply(await client.checkOnce(request.text, request.context));
      case 'suggest':
        return client.suggest(request.word).then(
          (suggestions): SuggestReply => ok(suggestions),
          (error: unknown): SuggestReply => fail(error instanceof Error ? error.message : String(error)),
        );
      case 'set-personal-words':
        client.setWords(request.words);
        return ok();
    }
  };
}

function checkReply(answer: Awaited<ReturnType<ChecksWorkerClient['checkOnce']>>): CheckReply {
  if (!answer.ok) return answer;
  const { findings, complete } = answer.value;
  return ok(complete ? { findings } : { findings, partial: true });
}
