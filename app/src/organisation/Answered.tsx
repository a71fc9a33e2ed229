// What the organisation pages show for a call's answer: a line while it is awaited, the relay's words when it
// refused, and otherwise what the page makes of the value.
import { type JSX, Show } from 'solid-js';
import type { ApiResult } from './organisation-api.ts';

export function Answered<T>(props: {
  answer: ApiResult<T> | undefined;
  /** What is being awaited, said while it is: "Loading your passkeys…". */
  awaiting: string;
  children: (value: () => T) => JSX.Element;
}) {
  const value = () => (props.answer?.ok ? { value: props.answer.value } : undefined);
  const problem = () => (props.answer && !props.answer.ok ? props.answer.problem.message : '');
  return (
    <Show when={props.answer} fallback={<p role="status">{props.awaiting}</p>}>
      <Show
        when={value()}
        fallback={
          <p role="alert" class="error">
            {problem()}
          </p>
        }
      >
        {(held) => props.children(() => held().value)}
      </Show>
    </Show>
  );
}
