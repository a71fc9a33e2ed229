import { describe, expect, it } from 'vitest';
import { parsePage } from '../testing/parsed-page.ts';
import { freeTextFieldsIn, isFreeTextField } from './free-text-field.ts';

const ids = (page: Document) => freeTextFieldsIn(page).map((element) => element.id);

describe('isFreeTextField', () => {
  it('takes textareas, text inputs and the outermost rich-text editor, and nothing the user has not opened for writing', () => {
    const page = parsePage(`<form>
      <textarea id="notes"></textarea>
      <input id="plain"><input id="text" type="text"><input id="search" type="search"><input id="odd" type="fancy">
      <input id="password" type="password"><input id="email" type="email"><input id="number" type="number"><input id="hidden" type="hidden">
      <textarea id="readonly" readonly></textarea><textarea id="disabled" disabled></textarea>
      <div spellcheck="false"><textarea id="opted-out"></textarea></div>
      <fieldset disabled><textarea id="in-disabled-fieldset"></textarea></fieldset>
      <div id="rich" contenteditable="true"><p id="inside" contenteditable="true">text</p></div>
      <div id="not-editable" contenteditable="false"></div>
      <section hidden><textarea id="hidden-section"></textarea></section>
      <textarea id="stood-in-for" aria-hidden="true" style="display: none"></textarea>
      <textarea id="replaced" style="visibility: hidden; display: none;"></textarea>
    </form>`);
    // An input type the browser does not know is a text input, as the browser treats it. A textarea an editor
    // hides from assistive technology (TinyMCE, CKEditor 4) is not the field: the editor is.
    expect(ids(page)).toEqual(['notes', 'plain', 'text', 'search', 'odd', 'rich']);
    expect(isFreeTextField(page.getElementById('inside')!)).toBe(false);
  });

  it("leaves Margin's app's own fields to the app", () => {
    const page = parsePage(`<div data-margin-checks="app"><div id="app" contenteditable="true"></div></div>
      <div id="own" contenteditable="true" data-margin-checks="app"></div><textarea id="other"></textarea>`);
    expect(ids(page)).toEqual(['other']);
  });

  it('reads spellcheck="false" set by an editor’s default (Draft.js) as no choice of the site’s', () => {
    const page =
      parsePage(`<div id="draft" class="public-DraftEditor-content" contenteditable="true" spellcheck="false"></div>
      <div id="opted-out" contenteditable="true" spellcheck="false"></div>`);
    expect(ids(page)).toEqual(['draft']);
  });

  it('follows contenteditable as the browser does: it inherits, and an editor inside a non-editable island is a field of its own', () => {
    const page = parsePage(`
      <div id="root" contenteditable=""><p>text</p>
        <figure contenteditable="false"><figcaption id="caption" contenteditable="true">A caption</figcaption></figure>
        <div id="inherits" contenteditable="inherit">more</div></div>
      <div id="plain" contenteditable="plaintext-only"></div>
      <div id="unknown" contenteditable="maybe"></div>`);
    expect(ids(page)).toEqual(['root', 'caption', 'plain']);
  });

  it('keeps the first legend of a disabled fieldset usable, as the browser does', () => {
    const page = parsePage(`<fieldset disabled>
      <legend><input id="in-legend"></legend><textarea id="in-body"></textarea>
      <fieldset><legend><input id="in-inner-legend"></legend></fieldset></fieldset>`);
    expect(ids(page)).toEqual(['in-legend']);
  });

  it('looks only inside the scope it is given', () => {
    const page = parsePage(
      `<form id="one"><textarea id="a"></textarea></form><form id="two"><textarea id="b"></textarea></form>`,
    );
    expect(freeTextFieldsIn(page.getElementById('two')!).map((element) => element.id)).toEqual(['b']);
  });
});
