import { describe, expect, it } from 'vitest';
import { parsePage } from '../testing/parsed-page.ts';
import { announceUndoStep, recordUndoSteps, undoStepEvent, type EditorsWindow } from './undo-steps.ts';

/** A page's window with CKEditor 4 editors that count the snapshots they were asked for. */
function pageWithEditors(editables: Record<string, { editable?: object; frame?: object }>) {
  const snapshots: string[] = [];
  let listener: ((event: Event) => void) | undefined;
  const instances = Object.fromEntries(
    Object.entries(editables).map(([name, { editable, frame }]) => [
      name,
      {
        editable: () => (editable ? { $: editable as Element } : undefined),
        window: frame ? { $: { frameElement: frame } as unknown as Window } : null,
        fire: (event: string) => snapshots.push(`${event} ${name}`),
      },
    ]),
  );
  const window: EditorsWindow = {
    addEventListener: (type, heard) => {
      if (type === undoStepEvent) listener = heard;
    },
    CKEDITOR: { instances },
  };
  return { window, snapshots, announce: (target: object) => listener?.({ target } as unknown as Event) };
}

describe('recordUndoSteps', () => {
  it('asks the CKEditor 4 editor whose editable or frame the change is in for a snapshot, and no other', () => {
    const inline = {};
    const classicFrame = {};
    const page = pageWithEditors({ inline: { editable: inline }, classic: { editable: {}, frame: classicFrame } });
    recordUndoSteps(page.window);
    page.announce(inline);
    page.announce(classicFrame);
    page.announce({});
    expect(page.snapshots).toEqual(['saveSnapshot inline', 'saveSnapshot classic']);
  });

  it('does nothing on a page without CKEditor 4, or with an editor not ready yet', () => {
    const none: EditorsWindow = { addEventListener: () => undefined };
    expect(() => recordUndoSteps(none)).not.toThrow();
    const page = pageWithEditors({ starting: {} });
    recordUndoSteps(page.window);
    page.announce({});
    expect(page.snapshots).toEqual([]);
  });
});

describe('announceUndoStep', () => {
  it('fires the event at a field on the page, bubbling to its document', () => {
    const document = parsePage('<main><div id="notes" contenteditable="true">The lerner</div></main>');
    const heard: string[] = [];
    document.addEventListener(undoStepEvent, (event) => heard.push((event.target as Element).id));
    announceUndoStep(document.getElementById('notes') as HTMLElement);
    expect(heard).toEqual(['notes']);
  });
});
