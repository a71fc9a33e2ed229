import { render } from 'solid-js/web';
import { PagePopup } from './PagePopup.tsx';

render(() => <PagePopup />, document.getElementById('app')!);
