import { render } from 'solid-js/web';
import { OptionsPage } from './OptionsPage.tsx';

render(() => <OptionsPage />, document.getElementById('app')!);
