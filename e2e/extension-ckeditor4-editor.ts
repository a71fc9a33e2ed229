// CKEditor 4 on e2e/pages/ckeditor4.html: the ckeditor4 package's own build, served as it is published
// (it loads its skin, language and plugins from beside ckeditor.js), in classic mode, whose editable
// body is in an iframe. A test reads the editor's own data (editor.getData(), not the DOM) and undo
// through window.editorModel.
import { showEditorModel, startsEmpty } from './extension-editor-model.ts';

interface Ckeditor4 {
  getData(): string;
  execCommand(command: string): boolean;
  focus(): void;
  on(event: string, listener: () => void): void;
}

declare const CKEDITOR: {
  replace(id: string, config: object): Ckeditor4;
};

if (startsEmpty()) (document.getElementById('notes') as HTMLTextAreaElement).value = '';
const editor = CKEDITOR.replace('notes', {
  // 4.22.1 is the last release under an open-source licence; its check for newer versions asks the network.
  versionCheck: false,
  toolbar: [['Undo', 'Redo']],
  height: 200,
});
editor.on('instanceReady', () =>
  showEditorModel({
    content: () => editor.getData(),
    undo: () => void editor.execCommand('undo'),
    focus: () => editor.focus(),
  }),
);
