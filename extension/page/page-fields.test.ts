import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePage } from '../testing/parsed-page.ts';
import { followPageFields, type PageChange, type PageFields, whatChanged } from './page-fields.ts';

// linkedom's MutationObserver answers in a microtask; the fields are looked at again a timer later.
const settled = () => new Promise((resolve) => setTimeout(resolve, 5));
const ids = (elements: readonly HTMLElement[]) => elements.map((element) => element.id);

let running: PageFields | undefined;
const follow = (page: Document) => (running = followPageFields(page, { settleMs: 0 }));
afterEach(() => running?.stop());

/** Records every field a follower is told of, in order. */
function recordFollower(fields: PageFields) {
  const told: string[] = [];
  const unfollow = fields.follow({
    added: (element) => told.push(`+${element.id}`),
    removed: (element) => told.push(`-${element.id}`),
  });
  return { told, unfollow };
}

describe('the page’s fields', () => {
  it('lists the free-text fields in page order and tells a follower of each at once', () => {
    const page = parsePage(`<main><textarea id="a"></textarea><input id="email" type="email">
      <div id="b" contenteditable="true"><p>text</p></div><input id="c"></main>`);
    const fields = follow(page);
    expect(ids(fields.list())).toEqual(['a', 'b', 'c']);
    expect(recordFollower(fields).told).toEqual(['+a', '+b', '+c']);
    expect(fields.has(page.getElementById('b')!)).toBe(true);
    expect(fields.has(page.getElementById('email')!)).toBe(false);
  });

  it('follows fields a script adds later and takes away', async () => {
    const page = parsePage('<main id="main"><textarea id="first"></textarea></main>');
    const fields = follow(page);
    const { told } = recordFollower(fields);
    const form = page.createElement('form');
    form.innerHTML =
      '<label>Notes <textarea id="late"></textarea></label><div id="editor" contenteditable="true"></div>';
    page.getElementById('main')!.append(form);
    await settled();
    expect(ids(fields.list())).toEqual(['first', 'late', 'editor']);
    form.remove();
    await settled();
    expect(ids(fields.list())).toEqual(['first']);
    expect(told).toEqual(['+first', '+late', '+editor', '-late', '-editor']);
  });

  it('follows a field that becomes read-only, opted out or hidden, and back', async () => {
    const page = parsePage('<main><section id="section"><textarea id="notes"></textarea></section></main>');
    const fields = follow(page);
    const { told } = recordFollower(fields);
    const notes = page.getElementById('notes')!;
    const section = page.getElementById('section')!;
    notes.setAttribute('readonly', '');
    await settled();
    notes.removeAttribute('readonly');
    await settled();
    section.setAttribute('hidden', '');
    await settled();
    section.removeAttribute('hidden');
    await settled();
    section.setAttribute('spellcheck', 'false');
    await settled();
    expect(told).toEqual(['+notes', '-notes', '+notes', '-notes', '+notes', '-notes']);
  });

  it('gives the fields inside a form, for what was submitted', () => {
    const page = parsePage(`<form id="one"><textarea id="a"></textarea></form>
      <form id="two"><textarea id="b"></textarea><div id="c" contenteditable="true"></div></form>`);
    const fields = follow(page);
    expect(ids(fields.within(page.getElementById('two')!))).toEqual(['b', 'c']);
    expect(ids(fields.within(page))).toEqual(['a', 'b', 'c']);
  });

  it('tells a text control’s watcher of typing, a change by script and the user coming back, until it stops', () => {
    const page = parsePage('<textarea id="notes"></textarea>');
    const fields = follow(page);
    const notes = page.getElementById('notes')!;
    const changed = vi.fn();
    // Events made by the parsed page's own window, which its elements dispatch.
    const { Event } = page.defaultView!;
    const unwatch = fields.watchText(notes, changed);
    for (const type of ['input', 'change', 'focus']) notes.dispatchEvent(new Event(type));
    expect(changed).toHaveBeenCalledTimes(3);
    unwatch();
    notes.dispatchEvent(new Event('input'));
    expect(changed).toHaveBeenCalledTimes(3);
  });

  it('says nothing more once stopped, and a follower that left hears nothing', async () => {
    const page = parsePage('<main id="main"></main>');
    const fields = follow(page);
    const left = recordFollower(fields);
    left.unfollow();
    const stayed = recordFollower(fields);
    page.getElementById('main')!.innerHTML = '<textarea id="a"></textarea>';
    await settled();
    fields.stop();
    page.getElementById('main')!.innerHTML = '<textarea id="b"></textarea>';
    await settled();
    expect(left.told).toEqual([]);
    expect(stayed.told).toEqual(['+a']);
  });
});

describe('what the page’s changes mean', () => {
  const page = parsePage(`<main id="main"><div id="editor" contenteditable="true"><p id="para">Some text</p></div>
    <p id="outside">Plain text</p></main>`);
  const editor = page.getElementById('editor')!;
  const fieldAround = (node: Node) => {
    for (let at: Node | null = node; at; at = at.parentNode) if (at === editor) return editor;
    return undefined;
  };
  const change = (type: MutationRecordType, target: Node, added: Node[] = [], removed: Node[] = []): PageChange => ({
    type,
    target,
    addedNodes: added as unknown as NodeList,
    removedNodes: removed as unknown as NodeList,
  });
  const element = (html: string) => {
    const holder = page.createElement('div');
    holder.innerHTML = html;
    return holder.firstElementChild!;
  };

  it('typing in a rich-text field changes its text and nothing about which fields there are', () => {
    const para = page.getElementById('para')!;
    const typed = whatChanged(
      [
        change('characterData', para.firstChild!),
        change('childList', editor, [element('<p>New line</p>')]),
        change('childList', para, [page.createTextNode('x')], [page.createTextNode('y')]),
      ],
      fieldAround,
    );
    expect([...typed.changedText]).toEqual([editor]);
    expect(typed.lookAgain).toBe(false);
  });

  it('an editor or input added inside a rich-text field may be a field of its own', () => {
    const nested = element('<figure contenteditable="false"><figcaption contenteditable="true"></figcaption></figure>');
    expect(whatChanged([change('childList', editor, [nested])], fieldAround).lookAgain).toBe(true);
    expect(whatChanged([change('childList', editor, [], [element('<input>')])], fieldAround).lookAgain).toBe(true);
  });

  it('elements coming or going outside the fields, and attribute changes, may bring or take fields; text alone does not', () => {
    const main = page.getElementById('main')!;
    const outside = page.getElementById('outside')!;
    expect(whatChanged([change('childList', main, [element('<div></div>')])], fieldAround).lookAgain).toBe(true);
    expect(whatChanged([change('childList', main, [], [element('<form></form>')])], fieldAround).lookAgain).toBe(true);
    expect(whatChanged([change('attributes', outside)], fieldAround).lookAgain).toBe(true);
    const text = whatChanged(
      [change('characterData', outside.firstChild!), change('childList', outside, [page.createTextNode('t')])],
      fieldAround,
    );
    expect(text).toEqual({ changedText: new Set(), lookAgain: false });
  });
});
