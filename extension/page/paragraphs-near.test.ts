import { describe, expect, it, vi } from 'vitest';
import { nearBand, paragraphsNear, type Band } from './paragraphs-near.ts';

/** Paragraphs 100 px tall, one under the other from `top`. */
const stacked = (count: number, top = 0): Band[] =>
  Array.from({ length: count }, (_, index) => ({ top: top + index * 100, bottom: top + index * 100 + 90 }));

describe('nearBand', () => {
  const viewport = { top: 0, bottom: 800 };

  it('is the visible part of the field, widened by the margin', () => {
    expect(nearBand(viewport, { top: -5_000, bottom: 20_000 }, 800)).toEqual({ top: -800, bottom: 1_600 });
    // A field with its own scroll shows only its box.
    expect(nearBand(viewport, { top: 200, bottom: 500 }, 800)).toEqual({ top: -600, bottom: 1_300 });
  });

  it('reaches towards a field just below or above the screen, and not one far away', () => {
    expect(nearBand(viewport, { top: 1_200, bottom: 9_000 }, 800)).toEqual({ top: 400, bottom: 1_600 });
    expect(nearBand(viewport, { top: -3_000, bottom: -300 }, 800)).toEqual({ top: -800, bottom: 500 });
    expect(nearBand(viewport, { top: 2_500, bottom: 9_000 }, 800)).toBeNull();
  });
});

describe('paragraphsNear', () => {
  it('picks the paragraphs on screen and within the margin, not those far below', () => {
    const boxes = stacked(300);
    expect(paragraphsNear(boxes.length, (index) => boxes[index]!, { top: -800, bottom: 1_600 })).toEqual({
      from: 0,
      to: 17,
    });
  });

  it('after scrolling, picks the paragraphs near the new place, the last one included', () => {
    const boxes = stacked(300, -29_500);
    expect(paragraphsNear(boxes.length, (index) => boxes[index]!, { top: -800, bottom: 1_600 })).toEqual({
      from: 287,
      to: 300,
    });
  });

  it('picks none when the field is nowhere near', () => {
    const boxes = stacked(10, 5_000);
    expect(paragraphsNear(boxes.length, (index) => boxes[index]!, { top: -800, bottom: 1_600 })).toEqual({
      from: 0,
      to: 0,
    });
    expect(paragraphsNear(boxes.length, (index) => boxes[index]!, null)).toEqual({ from: 0, to: 0 });
  });

  it('measures only a handful of the paragraphs of a long field', () => {
    const boxes = stacked(10_000, -500_000);
    const boxOf = vi.fn((index: number) => boxes[index]!);
    expect(paragraphsNear(boxes.length, boxOf, { top: -800, bottom: 1_600 })).toEqual({ from: 4_992, to: 5_017 });
    expect(boxOf.mock.calls.length).toBeLessThan(50);
  });
});
