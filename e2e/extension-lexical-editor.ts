// Lexical on e2e/pages/lexical.html, bundled by the test server from the lexical and @lexical/rich-text
// packages (one version of both: a second copy of lexical silently ignores typing), whose own editor state
// (not the DOM) a test reads through window.editorModel. No undo: that is @lexical/history, not installed.
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { showEditorModel } from './extension-editor-model.ts';

const root = document.getElementById('editor')!;
const editor = createEditor({
  namespace: 'progress-comment',
  nodes: [HeadingNode, QuoteNode],
  onError: (error) => {
    throw error;
  },
});
editor.setRootElement(root);
registerRichText(editor);
editor.update(
  () => {
    const paragraph = $createParagraphNode().append($createTextNode('The lerner made good progress.'));
    $getRoot().clear().append(paragraph);
  },
  { discrete: true },
);
showEditorModel({
  content: () => editor.getEditorState().read(() => $getRoot().getTextContent()),
  focus: () => editor.focus(),
});
