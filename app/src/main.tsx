import { render } from 'solid-js/web';
import { App } from './App.tsx';
import { checkSignedIn } from './organisation/signed-in.ts';
import { followErasures } from './sync/erased-reports.ts';
import { appEvaluatedMark } from './start-marks.ts';
import './styles.css';

// Every module the first page imports has been evaluated by now: what the desks wait for before they can ask.
performance.mark(appEvaluatedMark);
// Who is signed in, asked before anything is drawn: every desk waits for it.
void checkSignedIn();
render(() => <App />, document.getElementById('root')!);
// Reports the organisation erased go from this device when it next syncs, opened again or not.
followErasures();
