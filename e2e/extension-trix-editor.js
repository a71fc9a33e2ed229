// Trix on e2e/pages/trix.html, bundled by the test server from the trix package. JavaScript, not
// TypeScript: Trix ships no types. A test reads the editor's own document,
// editor.getDocument().toString(), and uses Trix's own undo through window.editorModel.
import 'trix';
import { showEditorModel } from './extension-editor-model.ts';

document.addEventListener('trix-initialize', (event) => {
  const element = event.target;
  showEditorModel({
    content: () => element.editor.getDocument().toString(),
    undo: () => element.editor.undo(),
    focus: () => element.focus(),
  });
});
