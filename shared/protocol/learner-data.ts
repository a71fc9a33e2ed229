// A learner's data (issue 14, item 9): what an administrator exports for a subject access request, and the erasure
// request. GET /api/organisation/learners/<name>/export?format=json|pdf and POST .../erase (docs/protocol.md).
import { z } from 'zod';

/** One report naming the learner, whole: every field (internal ones too), its comments and its decisions. */
export const ExportedReport = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  ownerName: z.string(),
  /** ISO 8601: when it was registered with the organisation. */
  createdAt: z.string(),
  status: z.string(),
  learners: z.array(z.string()),
  /** The report's other fields as its document holds them (dates, choices, scores). */
  details: z.record(z.string(), z.unknown()),
  /** Its free-text fields, internal ones marked. */
  text: z.array(z.object({ label: z.string(), internal: z.boolean(), paragraphs: z.array(z.string()) })),
  comments: z.array(
    z.object({
      quote: z.string(),
      resolved: z.boolean(),
      comments: z.array(
        z.object({ by: z.string(), role: z.string(), at: z.string(), text: z.string(), deleted: z.boolean() }),
      ),
    }),
  ),
  decisions: z.array(
    z.object({
      action: z.string(),
      from: z.string(),
      to: z.string(),
      by: z.string(),
      role: z.string(),
      at: z.string(),
      reason: z.string().optional(),
    }),
  ),
  /** The organisation's audit log entries about the report. */
  audit: z.array(z.object({ at: z.string(), action: z.string(), by: z.string().optional() })),
});
export type ExportedReport = z.infer<typeof ExportedReport>;

export const LearnerExport = z.object({
  learner: z.string(),
  organisation: z.string(),
  exportedAt: z.string(),
  exportedBy: z.string(),
  reports: z.array(ExportedReport),
});
export type LearnerExport = z.infer<typeof LearnerExport>;

export const learnerExportFormats = ['json', 'pdf'] as const;

/** POST .../erase: the learner's name typed again, and whether reports naming other learners too go with it. */
export const LearnerErasureRequest = z.object({
  confirmation: z.string().max(400),
  includeShared: z.boolean().optional(),
});
export type LearnerErasureRequest = z.infer<typeof LearnerErasureRequest>;

export const LearnerErasure = z.object({ learner: z.string(), erased: z.number().int() });
export type LearnerErasure = z.infer<typeof LearnerErasure>;

/** 409 from .../erase: reports that name other learners too, left alone until the administrator includes them. */
export const SharedReports = z.object({
  error: z.string(),
  shared: z.array(z.object({ id: z.string(), title: z.string(), learners: z.array(z.string()) })),
});
export type SharedReports = z.infer<typeof SharedReports>;

/** Whether a report's learner is the one named: spaces around and letter case aside. */
export const sameLearner = (a: string, b: string): boolean =>
  a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');

export const learnerDataPaths = {
  export: (learner: string, format: (typeof learnerExportFormats)[number]) =>
    `/api/organisation/learners/${encodeURIComponent(learner)}/export?format=${format}`,
  erase: (learner: string) => `/api/organisation/learners/${encodeURIComponent(learner)}/erase`,
};
