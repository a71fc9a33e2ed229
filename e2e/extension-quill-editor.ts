// Quill 2 on e2e/pages/quill.html, bundled by the test server from the quill package; a test reads its
// own model (quill.getText(), not the DOM) and uses its own undo (the history module) through
// window.editorModel.
import Quill from 'quill';
import { showEditorModel, startsEmpty } from './extension-editor-model.ts';

const quill = new Quill('#editor', { theme: 'snow', modules: { toolbar: false } });
quill.setText(startsEmpty() ? '\n' : 'The lerner made good progress.\n');
quill.history.clear();
quill.root.setAttribute('aria-labelledby', 'editor-label');
quill.root.setAttribute('role', 'textbox');
quill.root.setAttribute('aria-multiline', 'true');
showEditorModel({
  content: () => quill.getText(),
  undo: () => quill.history.undo(),
  focus: () => quill.focus(),
});
