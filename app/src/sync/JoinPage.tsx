// /join/<id>#token=<token>: a share link. The token is kept on this device and the report opens; the fragment
// never reaches a server, so tokens stay out of logs.
import { useNavigate, useParams } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import { reportIdPattern } from '../../../shared/protocol/rooms.ts';
import { keepSharedLink } from './report-access.ts';

export function JoinPage() {
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const [problem, setProblem] = createSignal('');

  onMount(async () => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
    if (!reportIdPattern.test(params.id))
      return setProblem('This link does not name a Margin report. Check that it was copied in full.');
    if (!token)
      return setProblem(
        'This link has no key to the report in it. Check that it was copied in full, including everything after "#".',
      );
    try {
      const kept = await keepSharedLink(params.id, token);
      if (!kept.ok) return setProblem(kept.problem);
      navigate(`/report/${params.id}`, { replace: true });
    } catch (error) {
      setProblem(
        `This link could not be kept on this device: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });

  return (
    <Show when={problem()} fallback={<p role="status">Opening the shared report…</p>}>
      <section class="card narrow">
        <h1>Report not available</h1>
        <p role="alert">{problem()}</p>
        <p>
          <a href="/">Back to your sessions</a>
        </p>
      </section>
    </Show>
  );
}
