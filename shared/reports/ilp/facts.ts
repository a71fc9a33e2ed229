// An Individual Learning Plan's values besides its free text, for History, with its form's labels: the initial
// assessment's date, key stage, score and target.
import type * as Y from 'yjs';
import type { ReportFact } from '../definition.ts';
import { factOf } from '../report-facts.ts';
import { readIlp } from './doc.ts';
import { ilpValueLabels } from './form.ts';

export function ilpFacts(doc: Y.Doc): ReportFact[] {
  const plan = readIlp(doc);
  return Object.entries(ilpValueLabels).map(([key, label]) =>
    factOf(key, label, plan[key as keyof typeof ilpValueLabels]),
  );
}
