import { render } from 'solid-js/web';
import { App } from './App.tsx';
import { followErasures } from './sync/erased-reports.ts';
import './styles.css';

render(() => <App />, document.getElementById('root')!);
// Reports the organisation erased go from this device when it next syncs, opened again or not.
followErasures();
