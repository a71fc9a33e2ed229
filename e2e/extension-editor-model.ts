// How the editors' test pages (e2e/pages/<editor>.html) let a browser test read the editor's own model,
// not the DOM: each page's script hands its editor's content, undo and focus to window.editorModel once
// the editor is ready, and marks the body so the test knows when.
export interface EditorModel {
  /** The editor's own content, from its model (HTML or text, as the editor gives it). */
  content(): string;
  /** The editor's own undo, as its undo button or Ctrl+Z would run it (where the page has one). */
  undo?(): void;
  focus(): void;
}

declare global {
  interface Window {
    editorModel?: EditorModel;
  }
}

/**
 * The page was opened with ?empty: its editor starts empty, as a site's form does that came back empty after a
 * time-out or a reload (the restore tests type in it, reload and are offered their text back).
 */
export const startsEmpty = (): boolean => new URLSearchParams(location.search).has('empty');

export function showEditorModel(model: EditorModel): void {
  window.editorModel = model;
  document.body.dataset.editorReady = 'true';
}
