// Draft.js (React 18) on e2e/pages/draft.html, bundled by the test server. JavaScript, not TypeScript:
// React's and Draft's types are not installed. A test reads the editor's own model,
// EditorState.getCurrentContent().getPlainText(), and uses Draft's own undo through window.editorModel.
import { ContentState, Editor, EditorState } from 'draft-js';
import { createElement as h, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { showEditorModel, startsEmpty } from './extension-editor-model.ts';

function ProgressComment() {
  const [editorState, setEditorState] = useState(() =>
    EditorState.createWithContent(ContentState.createFromText(startsEmpty() ? '' : 'The lerner made good progress.')),
  );
  const latest = useRef(editorState);
  latest.current = editorState;
  const editor = useRef(null);
  useEffect(() => {
    showEditorModel({
      content: () => latest.current.getCurrentContent().getPlainText(),
      undo: () => setEditorState((state) => EditorState.undo(state)),
      focus: () => editor.current.focus(),
    });
  }, []);
  return h(Editor, { editorState, onChange: setEditorState, ref: editor, ariaLabelledBy: 'editor-label' });
}

createRoot(document.getElementById('root')).render(h(ProgressComment));
