// A coaching cycle's values besides its observation notes, for History, in its form's words: the stage it is at,
// how the previous step was reviewed (only a cycle with one reviews it) and the next step chosen.
import type * as Y from 'yjs';
import type { ReportFact } from '../definition.ts';
import { factOf } from '../report-facts.ts';
import { cycleLabels, reviewLabels, stageLabels } from './cycle.ts';
import { readCycleState } from './doc.ts';

export function cycleFacts(doc: Y.Doc): ReportFact[] {
  const state = readCycleState(doc);
  return [
    factOf('stage', cycleLabels.stage, stageLabels[state.stage]),
    ...(state.previousStep
      ? [factOf('review', cycleLabels.review, state.review ? reviewLabels[state.review] : undefined)]
      : []),
    factOf('nextStep', cycleLabels.nextStep, state.nextStep?.title),
  ];
}
