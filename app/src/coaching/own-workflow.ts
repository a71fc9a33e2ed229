// Coaching and quality documents draw their own workflow buttons (Finish, Send feedback), so the report
// page leaves out its generic Submit for them.
import type * as Y from 'yjs';
import { reportKindOf } from '../../../shared/reports/registry.ts';

export const drawsOwnWorkflow = (doc: Y.Doc): boolean => {
  const kind = reportKindOf(doc);
  return kind === 'coaching-record' || kind === 'coaching-cycle' || kind === 'qa-observation';
};
