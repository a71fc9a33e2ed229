// TinyMCE 6 (the tinymce6 alias of tinymce@6) on e2e/pages/tinymce6.html, bundled by the test server:
// init_content_sync writes its editable body into an about:blank iframe.
import tinymce from 'tinymce6';
import 'tinymce6/models/dom';
import 'tinymce6/themes/silver';
import 'tinymce6/icons/default';
// The skin and content styles, bundled: they register themselves with TinyMCE instead of being fetched.
import 'tinymce6/skins/ui/oxide/skin.js';
import 'tinymce6/skins/ui/oxide/content.js';
import 'tinymce6/skins/content/default/content.js';
import type { TinyMCE } from 'tinymce';
import { startTinymce } from './extension-tinymce-editor.ts';

startTinymce(tinymce as unknown as TinyMCE, { aboutBlank: true });
