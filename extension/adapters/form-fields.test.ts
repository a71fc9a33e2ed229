import { describe, expect, it } from 'vitest';
import { freeTextFieldsIn } from '../page/free-text-field.ts';
import { fieldKey, labelOf, roleOf } from './form-fields.ts';
import { parsePage } from '../testing/parsed-page.ts';

describe('labelOf', () => {
  const page = parsePage(`
    <p id="lo-label">Learning objective</p><p id="lo-hint">1 of 3</p>
    <textarea id="a" aria-labelledby="lo-label lo-hint"></textarea>
    <textarea id="b" aria-label="Engagement comment"></textarea>
    <label for="c">Comment to the agency: *</label><textarea id="c"></textarea>
    <label>Progress <textarea id="d">typed text is not the label</textarea></label>
    <label for="e">Engagement comment</label><span>0/1024</span><textarea id="e"></textarea>
    <textarea id="f" placeholder="Anything else"></textarea>
    <textarea id="g"></textarea>`);
  const label = (id: string) => labelOf(page.getElementById(id)!);

  it('reads the label a person sees, from whichever way the page gives it', () => {
    expect(label('a')).toBe('Learning objective 1 of 3');
    expect(label('b')).toBe('Engagement comment');
    expect(label('c')).toBe('Comment to the agency');
    expect(label('d')).toBe('Progress');
    expect(label('e')).toBe('Engagement comment');
    expect(label('f')).toBe('Anything else');
    expect(label('g')).toBe('');
  });
});

describe('fieldKey', () => {
  it('names a field by id, else name, else label, else its place on the page', () => {
    const page = parsePage(`<textarea id="by-id" name="n1"></textarea><textarea name="by-name"></textarea>
      <textarea aria-label="By label"></textarea><textarea></textarea><div contenteditable="true"></div>`);
    expect(freeTextFieldsIn(page).map(fieldKey)).toEqual(['by-id', 'by-name', 'By label', 'textarea#4', 'div#5']);
  });
});

describe('roleOf', () => {
  it('reads the role from the key, else from the label', () => {
    expect(roleOf('learningObjective2', '')).toBe('learning-objective');
    expect(roleOf('q7', 'Comment on progress towards learning objectives')).toBe('progress-comment');
    expect(roleOf('q8', 'Comment to the agency')).toBe('internal');
    expect(roleOf('q9', 'Engagement comment')).toBe('comment');
    expect(roleOf('q10', 'Subject')).toBe('other');
  });
});
