// CKEditor 5 on e2e/pages/ckeditor.html, bundled by the test server from the npm package: two classic
// editors (one with a misspelling in it, one empty), each with its own data (editor.getData(), read from
// its model, not the DOM) shown beside it, so a test can tell the editor took a change.
import { ClassicEditor, Essentials, Paragraph } from 'ckeditor5';

for (const editorElement of document.querySelectorAll<HTMLElement>('[data-editor]')) {
  const shown = document.getElementById(`${editorElement.id}-data`)!;
  ClassicEditor.create(editorElement, {
    licenseKey: 'GPL',
    plugins: [Essentials, Paragraph],
    toolbar: ['undo', 'redo'],
    label: editorElement.dataset.editor!,
  }).then((editor) => {
    const show = () => (shown.textContent = editor.getData());
    editor.model.document.on('change:data', show);
    show();
  });
}
