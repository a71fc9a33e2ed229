// Lexical on e2e/pages/lexical.html, bundled by the test server from the lexical, @lexical/rich-text and
// @lexical/history packages (one version of all: a second copy of lexical silently ignores typing), whose
// own editor state (not the DOM) a test reads through window.editorModel; Ctrl+Z is Lexical's own undo,
// from @lexical/history.
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, UNDO_COMMAND } from 'lexical';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { showEditorModel, startsEmpty } from './extension-editor-model.ts';

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
const opening = startsEmpty() ? '' : 'The lerner made good progress.';
editor.update(
  () => {
    const paragraph = $createParagraphNode();
    if (opening) paragraph.append($createTextNode(opening));
    $getRoot().clear().append(paragraph);
  },
  { discrete: true },
);
// Registered once the opening text is in, so undo never takes the editor back past it.
registerHistory(editor, createEmptyHistoryState(), 1000);
showEditorModel({
  content: () => editor.getEditorState().read(() => $getRoot().getTextContent()),
  undo: () => void editor.dispatchCommand(UNDO_COMMAND, undefined),
  focus: () => editor.focus(),
});
