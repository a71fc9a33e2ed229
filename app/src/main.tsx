import { render } from 'solid-js/web';
import { App } from './App.tsx';
import { checkSignedIn } from './organisation/signed-in.ts';
import './styles.css';

// Who is signed in, asked before anything is drawn: every desk waits for it.
void checkSignedIn();
render(() => <App />, document.getElementById('root')!);
