import { Awareness } from 'y-protocols/awareness';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { fieldAwareness } from './field-carets.ts';

describe('fieldAwareness', () => {
  it('gives each field its own caret in the one shared awareness', () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalStateField('user', { name: 'Grace' });
    const progress = fieldAwareness(awareness, 'progressComment');
    const engagement = fieldAwareness(awareness, 'engagementComment');

    progress.setLocalStateField('cursor', { anchor: 'a', head: 'b' });
    engagement.setLocalStateField('cursor', { anchor: 'c', head: 'c' });
    expect(awareness.getLocalState()).toMatchObject({
      'caret:progressComment': { anchor: 'a', head: 'b' },
      'caret:engagementComment': { anchor: 'c', head: 'c' },
    });
    expect(progress.getLocalState()).toEqual({ user: { name: 'Grace' }, cursor: { anchor: 'a', head: 'b' } });
    expect(engagement.getStates().get(awareness.clientID)).toEqual({
      user: { name: 'Grace' },
      cursor: { anchor: 'c', head: 'c' },
    });

    engagement.setLocalStateField('cursor', null);
    expect(progress.getLocalState()!.cursor).toEqual({ anchor: 'a', head: 'b' });
    awareness.destroy();
  });

  it('tells a field of changes to its own carets and to names, not of carets in other fields', () => {
    const awareness = new Awareness(new Y.Doc());
    const progress = fieldAwareness(awareness, 'progressComment');
    const heard = vi.fn();
    progress.on('change', heard);

    awareness.setLocalStateField('caret:engagementComment', { anchor: 1, head: 1 });
    expect(heard).not.toHaveBeenCalled();
    awareness.setLocalStateField('caret:progressComment', { anchor: 1, head: 1 });
    expect(heard).toHaveBeenCalledTimes(1);
    awareness.setLocalStateField('user', { name: 'Grace' });
    expect(heard).toHaveBeenCalledTimes(2);

    progress.off('change', heard);
    awareness.setLocalStateField('caret:progressComment', { anchor: 2, head: 2 });
    expect(heard).toHaveBeenCalledTimes(2);
    awareness.destroy();
  });
});
