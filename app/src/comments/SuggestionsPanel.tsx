// The open suggested edits of a report, in the margin above its comments: what each would change, in which field, by
// whom and when, in words (so no one needs to see the marks' colours), with Accept and Reject for those who may change
// the report, Accept all and Reject all, and Withdraw for a suggestion's author. Every word is drawn as text.
import { createSignal, For, Show } from 'solid-js';
import type { PlacedSuggestion } from '../../../shared/comments/suggestion-store.ts';
import type { Result } from '../../../shared/result.ts';
import { useRoleWord } from '../collab/role-words.ts';
import type { ReportComments } from './report-comments.ts';
import { byline } from './report-suggestions.ts';

const number = new Intl.NumberFormat('en-GB');

/** Words with their paragraph breaks shown as pilcrows. */
const shown = (words: string) => words.replace(/\n/g, ' ¶ ');

/** What a suggestion would do, in words. */
function change({ suggestion, placement }: PlacedSuggestion): string {
  const gone = placement.kind === 'removed' ? ' (those words have changed since, so it can only be rejected)' : '';
  const { quote, insert } = suggestion;
  if (/^\n+$/.test(quote) && !insert) return `Join two paragraphs${gone}`;
  if (insert === '\n' && !quote) return `Start a new paragraph${gone}`;
  if (quote && insert) return `Replace “${shown(quote)}” with “${shown(insert)}”${gone}`;
  if (quote) return `Delete “${shown(quote)}”${gone}`;
  return `Add “${shown(insert)}”${gone}`;
}

export function SuggestionsPanel(props: { comments: ReportComments }) {
  const suggestions = props.comments.suggestions;
  const roleWord = useRoleWord();
  const [problem, setProblem] = createSignal('');
  const [done, setDone] = createSignal('');
  const act = async (action: Promise<Result<unknown>>) => {
    const result = await action;
    setProblem(result.ok ? '' : result.problem);
    return result;
  };
  const decideAll = async (decision: 'accept' | 'reject') => {
    const result = await suggestions.decideAll(decision);
    if (!result.ok) return setProblem(result.problem);
    const { done: count, problems } = result.value;
    setDone(`${number.format(count)} ${count === 1 ? 'suggestion' : 'suggestions'} ${decision}ed.`);
    setProblem(problems.length ? `${problems.length} could not be accepted: ${problems.join(' ')}` : '');
  };
  return (
    <Show when={suggestions.open().length > 0 || done() || problem()}>
      <section class="suggestions-panel" aria-labelledby="suggestions-heading">
        <h2 id="suggestions-heading">Suggested edits ({number.format(suggestions.open().length)})</h2>
        <Show when={suggestions.mayDecide() && suggestions.open().length > 0}>
          <div class="comment-buttons">
            <button type="button" onClick={() => void decideAll('accept')}>
              Accept all
            </button>
            <button type="button" class="secondary" onClick={() => void decideAll('reject')}>
              Reject all
            </button>
          </div>
        </Show>
        <p class="suggestions-done" role="status">
          {done()}
        </p>
        <Show when={problem()}>
          <p class="error" role="alert">
            {problem()}
          </p>
        </Show>
        <ol class="suggestions">
          <For each={suggestions.open()}>
            {(placed) => {
              const id = placed.suggestion.id;
              return (
                <li class="suggestion" data-suggestion={id}>
                  <p class="thread-about" id={`suggestion-${id}`}>
                    <span class="field-name">
                      {props.comments.fieldLabel(placed.suggestion.field) ?? placed.suggestion.field}
                    </span>
                    {change(placed)}
                  </p>
                  <p class="comment-meta">{byline(placed.suggestion, roleWord)}</p>
                  <div class="comment-buttons">
                    <Show when={suggestions.mayDecide()}>
                      <Show when={placed.placement.kind === 'placed'}>
                        <button
                          type="button"
                          aria-describedby={`suggestion-${id}`}
                          onClick={() => void act(suggestions.accept(id))}
                        >
                          Accept
                        </button>
                      </Show>
                      <button
                        type="button"
                        class="secondary"
                        aria-describedby={`suggestion-${id}`}
                        onClick={() => void act(suggestions.reject(id))}
                      >
                        Reject
                      </button>
                    </Show>
                    <Show when={suggestions.isMine(placed.suggestion)}>
                      <button
                        type="button"
                        class="secondary"
                        aria-describedby={`suggestion-${id}`}
                        onClick={() => void act(suggestions.withdraw(id))}
                      >
                        Withdraw
                      </button>
                    </Show>
                  </div>
                </li>
              );
            }}
          </For>
        </ol>
      </section>
    </Show>
  );
}
