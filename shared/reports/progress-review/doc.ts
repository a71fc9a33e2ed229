// How a progress-review checklist is laid out inside a Y.Doc (documented in docs/doc-format.md): the
// strength of each point in a "ratings" map, the reviewer's own points in a "customPoints" map, and each
// point's evidence and action as free-text fragments named `evidence-<point>` and `action-<point>`.
import type * as Y from 'yjs';
import type { z } from 'zod';
import type { AsDrafted, DraftOf } from '../draft.ts';
import {
  allReviewPoints,
  type CustomPointReview,
  type PointReview,
  type ProgressReviewChecklist,
  reviewStageKeys,
  type ReviewStage,
} from './form.ts';
import { fields, meta, num, readMeta, readTexts, str, writeMeta } from '../../doc/layout.ts';

export const progressReviewFormat = 'margin.progress-review';

/** A point the reviewer added, as the form lists it: its stage and statement (CustomPointReview) and where it sits. */
export interface CustomPoint extends Pick<z.input<typeof CustomPointReview>, 'stage' | 'statement'> {
  id: string;
  /** Position among the stage's own points, in the order they were added. */
  order: number;
}

/**
 * The checklist as its document holds it while it is written (see DraftOf): each point's strength by point id in
 * `ratings`, its evidence and action among the texts, and the reviewer's own points as a list.
 */
export type ProgressReviewDraft = DraftOf<typeof ProgressReviewChecklist, 'points' | 'customPoints'> & {
  title: string;
  ratings: Record<string, AsDrafted<z.input<typeof PointReview>['strength']>>;
  customPoints: CustomPoint[];
};

export const ratings = (doc: Y.Doc) => doc.getMap<string>('ratings');
export const customPoints = (doc: Y.Doc) => doc.getMap<Omit<CustomPoint, 'id'>>('customPoints');
export const evidenceKey = (pointId: string) => `evidence-${pointId}`;
export const actionKey = (pointId: string) => `action-${pointId}`;

export const isProgressReviewDoc = (doc: Y.Doc) => meta(doc).get('format') === progressReviewFormat;

export function createProgressReviewDoc(
  doc: Y.Doc,
  start: { title: string; date: string },
  createdBy: string,
  now = new Date(),
): void {
  doc.transact(() => {
    writeMeta(doc, progressReviewFormat, createdBy, now);
    fields(doc).set('title', start.title);
    fields(doc).set('date', start.date);
  });
}

/** Adds an empty point of the reviewer's own to a stage and returns its id. */
export function addCustomPoint(doc: Y.Doc, stage: ReviewStage['key'], id: string): string {
  const map = customPoints(doc);
  const order = Math.max(
    0,
    ...[...map.values()].filter((point) => point.stage === stage).map((point) => point.order + 1),
  );
  map.set(id, { stage, statement: '', order });
  return id;
}

function readCustomPoints(doc: Y.Doc): CustomPoint[] {
  const points: CustomPoint[] = [];
  customPoints(doc).forEach((value, id) => {
    const stage = (reviewStageKeys as readonly string[]).includes(value?.stage)
      ? (value.stage as CustomPoint['stage'])
      : undefined;
    if (stage) points.push({ id, stage, statement: str(value.statement) ?? '', order: num(value.order) ?? 0 });
  });
  return points.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function readProgressReview(doc: Y.Doc): ProgressReviewDraft {
  const f = fields(doc);
  const custom = readCustomPoints(doc);
  const pointIds = [...allReviewPoints.map((point) => point.id), ...custom.map((point) => point.id)];
  return {
    ...readMeta(doc),
    title: str(f.get('title')) ?? '',
    date: str(f.get('date')),
    ratings: ratings(doc).toJSON() as Record<string, string>,
    customPoints: custom,
    text: readTexts(
      doc,
      pointIds.flatMap((id) => [evidenceKey(id), actionKey(id)]),
    ),
  };
}

/** The draft in the shape the ProgressReviewChecklist schema checks. */
export function toProgressReviewInput(
  draft: ProgressReviewDraft,
): Partial<Record<keyof ProgressReviewChecklist, unknown>> {
  const review = (id: string) => ({
    strength: draft.ratings[id],
    evidence: draft.text[evidenceKey(id)] ?? '',
    action: draft.text[actionKey(id)] ?? '',
  });
  return {
    title: draft.title,
    date: draft.date,
    points: Object.fromEntries(allReviewPoints.map((point) => [point.id, review(point.id)])),
    customPoints: Object.fromEntries(
      draft.customPoints.map((point) => [
        point.id,
        { ...review(point.id), stage: point.stage, statement: point.statement },
      ]),
    ),
  };
}
