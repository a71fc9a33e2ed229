// Slate (slate and slate-react, React 18) on e2e/pages/slate.html, bundled by the test server. JavaScript,
// not TypeScript: React's types are not installed. A test reads the editor's own model, editor.children,
// through window.editorModel. No undo: that is slate-history, not installed.
import { createElement as h, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { createEditor, Node } from 'slate';
import { Editable, ReactEditor, Slate, withReact } from 'slate-react';
import { showEditorModel } from './extension-editor-model.ts';

const editor = withReact(createEditor());
const initialValue = [{ type: 'paragraph', children: [{ text: 'The lerner made good progress.' }] }];

function ProgressComment() {
  useEffect(() => {
    showEditorModel({
      content: () => editor.children.map((block) => Node.string(block)).join('\n'),
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
