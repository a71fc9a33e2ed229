// The Tiptap editor on e2e/pages/tiptap.html, bundled by the test server: a real ProseMirror editor
// whose own document (not the DOM) is shown beside it, so a test can tell the editor saw a change, and
// handed to window.editorModel (its text, undo and focus) for the tests that read each editor's model.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { showEditorModel, startsEmpty } from './extension-editor-model.ts';

const shown = document.getElementById('editor-text')!;
const editor = new Editor({
  element: document.getElementById('editor')!,
  extensions: [StarterKit],
  content: startsEmpty() ? '' : '<p>The lerner made good progress.</p>',
  editorProps: { attributes: { 'aria-labelledby': 'editor-label', role: 'textbox', 'aria-multiline': 'true' } },
  onUpdate: ({ editor: updated }) => (shown.textContent = updated.getText()),
});
shown.textContent = editor.getText();
showEditorModel({
  content: () => editor.getText(),
  undo: () => void editor.commands.undo(),
  focus: () => editor.view.focus(),
});
