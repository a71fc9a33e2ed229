// What the TinyMCE test pages (e2e/pages/tinymce7.html, tinymce6.html) share: one editor over the form's
// textarea, set up as a site would (its skin bundled with it), whose own content
// (editor.getContent(), from its model, not the DOM) and undo the tests reach through window.editorModel.
// TinyMCE 7 puts its editable body in a srcdoc iframe; the TinyMCE 6 page asks for init_content_sync, so
// its body is written into an about:blank iframe: between them, both kinds of frame.
import type { TinyMCE } from 'tinymce';
import { showEditorModel, startsEmpty } from './extension-editor-model.ts';

export function startTinymce(tinymce: TinyMCE, options: { aboutBlank: boolean }): void {
  if (startsEmpty()) (document.getElementById('notes') as HTMLTextAreaElement).value = '';
  void tinymce
    .init({
      selector: '#notes',
      license_key: 'gpl',
      menubar: false,
      toolbar: 'undo redo',
      height: 260,
      promotion: false,
      branding: false,
      init_content_sync: options.aboutBlank,
    })
    .then(([editor]) => {
      showEditorModel({
        content: () => editor!.getContent(),
        undo: () => editor!.undoManager.undo(),
        focus: () => editor!.focus(),
      });
    });
}
