// Slate (slate, slate-react and slate-history, React 18) on e2e/pages/slate.html, bundled by the test
// server. JavaScript, not TypeScript: React's types are not installed. A test reads the editor's own
// model, editor.children, through window.editorModel; Ctrl+Z is Slate's own undo, from slate-history.
import { createElement as h, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { createEditor, Node } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, ReactEditor, Slate, withReact } from 'slate-react';
import { showEditorModel, startsEmpty } from './extension-editor-model.ts';

const editor = withHistory(withReact(createEditor()));
const opening = startsEmpty() ? '' : 'The lerner made good progress.';
const initialValue = [{ type: 'paragraph', children: [{ text: opening }] }];

function ProgressComment() {
  useEffect(() => {
    showEditorModel({
      content: () => editor.children.map((block) => Node.string(block)).join('\n'),
      undo: () => editor.undo(),
      focus: () => ReactEditor.focus(editor),
    });
  }, []);
  return h(
    Slate,
    { editor, initialValue },
    h(Editable, { id: 'editor', 'aria-labelledby': 'editor-label', 'aria-multiline': 'true', role: 'textbox' }),
  );
}

createRoot(document.getElementById('root')).render(h(ProgressComment));
