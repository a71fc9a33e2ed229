import { render } from 'solid-js/web';
import { App } from './App.tsx';
import { checkSignedIn } from './organisation/signed-in.ts';
import { followErasures } from './sync/erased-reports.ts';
import './styles.css';

// Who is signed in, asked before anything is drawn: every desk waits for it.
void checkSignedIn();
render(() => <App />, document.getElementById('root')!);
// Reports the organisation erased go from this device when it next syncs, opened again or not.
followErasures();
