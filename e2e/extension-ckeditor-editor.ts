// CKEditor 5 on e2e/pages/ckeditor.html, bundled by the test server from the npm package: a classic
// editor whose own data (editor.getData(), read from its model, not the DOM) is shown beside it, so a
// test can tell the editor took a change, and which the test can ask to undo as the user would.
import { ClassicEditor, Essentials, Paragraph } from 'ckeditor5';

const shown = document.getElementById('editor-data')!;
ClassicEditor.create(document.getElementById('editor')!, {
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph],
  toolbar: ['undo', 'redo'],
  label: 'Progress comment',
  initialData: '<p>The lerner made good progress.</p>',
}).then((editor) => {
  const show = () => (shown.textContent = editor.getData());
  editor.model.document.on('change:data', show);
  show();
});
