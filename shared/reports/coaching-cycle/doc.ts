// How a coaching cycle is laid out inside a Y.Doc (format `margin.coaching-cycle`, docs/doc-format.md): the
// teacher and week in `fields`, the cycle's state (stage, steps, review) as plain values beside them, and the
// three observation notes as free-text fragments that two observers can write in together.
import type * as Y from 'yjs';
import { z } from 'zod';
import {
  type FieldValues,
  fields,
  readFieldValues,
  readMeta,
  readTexts,
  str,
  writeMeta,
  type ReportMeta,
} from '../../doc/layout.ts';
import {
  applyCycleAction,
  type ChosenStep,
  CycleStage,
  CycleStateFields,
  type CycleAction,
  type CycleResult,
  type CycleState,
} from './cycle.ts';

export const coachingCycleFormat = 'margin.coaching-cycle';

export const Teacher = z.object({ id: z.string().min(1).max(64), name: z.string().trim().min(1).max(120) });
export type Teacher = z.infer<typeof Teacher>;

export const observationNotes = [
  { key: 'praise', label: 'Praise', hint: 'What went well in the lesson: precise, so it can be repeated.' },
  {
    key: 'evidence',
    label: 'Evidence about the current step',
    hint: 'What you saw and heard that shows where the teacher is with the step.',
  },
  {
    key: 'model',
    label: 'How to model it',
    hint: 'How you will show the next step in the feedback session, and what the teacher will practise.',
  },
] as const;
export const noteKeys = observationNotes.map((note) => note.key);

/** A cycle's own values in the document's "fields" map, beside its state (CycleStateFields). */
export const CycleFields = { teacher: Teacher, week: z.string(), finishedOn: z.string() };

/** The cycle as its document holds it: its fields, its state and the observation notes by key. */
export type CycleDraft = ReportMeta &
  FieldValues<typeof CycleFields> & { week: string; state: CycleState; notes: Record<string, string> };

export function createCycleDoc(
  doc: Y.Doc,
  start: { teacher: Teacher; week: string; previousStep?: ChosenStep },
  createdBy: string,
  now = new Date(),
): void {
  doc.transact(() => {
    writeMeta(doc, coachingCycleFormat, createdBy, now);
    const f = fields(doc);
    f.set('teacher', { ...start.teacher });
    f.set('week', start.week);
    f.set('stage', 'observe');
    if (start.previousStep) f.set('previousStep', { ...start.previousStep });
  });
}

export function readCycleState(doc: Y.Doc): CycleState {
  return {
    ...readFieldValues(fields(doc), CycleStateFields),
    stage: CycleStage.safeParse(fields(doc).get('stage')).data ?? 'observe',
  };
}

export function readCycle(doc: Y.Doc): CycleDraft {
  const f = fields(doc);
  return {
    ...readMeta(doc),
    ...readFieldValues(f, CycleFields),
    week: str(f.get('week')) ?? '',
    state: readCycleState(doc),
    notes: readTexts(doc, noteKeys),
  };
}

/** Takes `action` on the cycle in `doc`, writing what changed in one transaction; the refusal when the rules say no. */
export function takeCycleAction(doc: Y.Doc, action: CycleAction, today: string): CycleResult {
  const result = applyCycleAction(readCycleState(doc), action);
  if (!result.ok) return result;
  const f = fields(doc);
  const state = result.value;
  doc.transact(() => {
    f.set('stage', state.stage);
    for (const key of ['review', 'nextStep'] as const) {
      const value = state[key];
      if (value === undefined) f.delete(key);
      else if (JSON.stringify(value) !== JSON.stringify(f.get(key)))
        f.set(key, typeof value === 'string' ? value : { ...value });
    }
    if (state.stage === 'finished') f.set('finishedOn', today);
  });
  return result;
}
