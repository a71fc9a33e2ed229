// TinyMCE 7 on e2e/pages/tinymce7.html, bundled by the test server from the tinymce package: its
// editable body is in a srcdoc iframe.
import tinymce from 'tinymce';
import 'tinymce/models/dom';
import 'tinymce/themes/silver';
import 'tinymce/icons/default';
// The skin and content styles, bundled: they register themselves with TinyMCE instead of being fetched.
import 'tinymce/skins/ui/oxide/skin.js';
import 'tinymce/skins/ui/oxide/content.js';
import 'tinymce/skins/content/default/content.js';
import { startTinymce } from './extension-tinymce-editor.ts';

startTinymce(tinymce, { aboutBlank: false });
