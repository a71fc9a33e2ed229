// Lays the page out for reading (print.css's body.reading) while `reading()` holds: a client's view of an approved
// report, which they may read and print but never change.
import { createEffect, onCleanup } from 'solid-js';

export function useReadingLayout(reading: () => boolean): void {
  createEffect(() => document.body.classList.toggle('reading', reading()));
  onCleanup(() => document.body.classList.remove('reading'));
}
