// A learner's data, for the organisation's administrators (issue 14, item 9; docs/protocol.md, "A learner's data"):
// everything the organisation holds about one learner exported for a subject access request (every registered report
// naming them, whole: internal fields too, its comment threads and its decisions, with the audit log's entries about
// it), as JSON or as a PDF; and the learner erased: each of those reports erased on the relay (report-erasure.ts), its
// rooms' connections closed for good, so the devices holding a copy drop it when they next connect. A report that
// names other learners too is left alone unless the administrator includes it, having seen the list (README,
// "A learner's data"). Both are recorded in the audit log, with how many reports, never what they say. The reports
// are erased together in one transaction; devices that hold copies they do not open learn of it from
// POST /api/reports/erased (relay/api.ts) when they next start or come back online.
import type { IncomingMessage } from 'node:http';
import * as Y from 'yjs';
import { fields as fieldsOf } from '../../shared/doc/layout.ts';
import { readThreads } from '../../shared/doc/comments.ts';
import { readStatus } from '../../shared/doc/status-doc.ts';
import {
  type ExportedReport,
  type LearnerErasure,
  LearnerErasureRequest,
  type LearnerExport,
  learnerExportFormats,
  sameLearner,
  type SharedReports,
} from '../../shared/protocol/learner-data.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { reportDefinitionOf, reportTitle } from '../../shared/reports/registry.ts';
import type { ReportErasure } from '../report-erasure.ts';
import type { ReportStatuses } from '../statuses.ts';
import type { AuditEntry, OrganisationReportRecord } from '../storage/organisations.ts';
import type { Storage } from '../storage/store.ts';
import { learnerExportPdf } from './learner-export-pdf.ts';
import { paragraphText } from './report-content.ts';
import { type Answer, Problem, readBody, signedInAdministrator } from './requests.ts';

export interface LearnerDataContext {
  store: Storage;
  statuses: ReportStatuses;
  erasure?: ReportErasure;
}

/** The learner named in the address, decoded and trimmed; 400 when it names no one. */
export function learnerInAddress(encoded: string | undefined): string {
  let learner: string;
  try {
    learner = decodeURIComponent(encoded ?? '').trim();
  } catch {
    throw new Problem(400, 'The learner’s name in the address is not readable.');
  }
  if (!learner) throw new Problem(400, 'Name the learner whose record you want.');
  return learner;
}

/** A document read whole from the store's saved updates. */
async function loaded(store: Storage, room: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const updates = await store.load(room);
  Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update)));
  return doc;
}

interface Naming {
  report: OrganisationReportRecord;
  title: string;
  learners: string[];
}

/** The organisation's registered reports whose content names the learner, oldest first. */
async function reportsNaming(store: Storage, organisationId: string, learner: string): Promise<Naming[]> {
  const naming: Naming[] = [];
  for (const report of await store.reports(organisationId)) {
    const doc = await loaded(store, roomName(report.reportId));
    try {
      const definition = reportDefinitionOf(doc);
      if (!definition) continue;
      const learners = definition.index(doc).learners.map((each) => each.name);
      if (learners.some((name) => sameLearner(name, learner)))
        naming.push({ report, title: reportTitle(doc), learners });
    } finally {
      doc.destroy();
    }
  }
  if (naming.length === 0) throw new Problem(404, `Your organisation holds no reports about ${learner}.`);
  return naming;
}

/** One report whole, as the export gives it. */
async function exported(
  context: LearnerDataContext,
  { report, title, learners }: Naming,
  names: Map<string, string>,
  audit: AuditEntry[],
): Promise<ExportedReport> {
  const [content, comments, status] = await Promise.all(
    (['content', 'comments', 'status'] as const).map((kind) => loaded(context.store, roomName(report.reportId, kind))),
  );
  try {
    const definition = reportDefinitionOf(content)!;
    return {
      id: report.reportId,
      kind: definition.label,
      title,
      ownerName: names.get(report.ownerId) ?? 'A former member',
      createdAt: report.createdAt,
      status: await context.statuses.load(report.reportId),
      learners,
      details: fieldsOf(content).toJSON(),
      text: definition.textFields.map((field) => ({
        label: field.label,
        internal: field.internal === true,
        paragraphs: content
          .getXmlFragment(field.key)
          .toArray()
          .map((child) => (child instanceof Y.XmlText || child instanceof Y.XmlElement ? paragraphText(child) : ''))
          .filter((text) => text.trim() !== ''),
      })),
      comments: readThreads(comments).map((thread) => ({
        quote: thread.quote,
        resolved: thread.resolved,
        comments: thread.comments.map((comment) => ({
          by: comment.author.name,
          role: comment.author.role,
          at: comment.createdAt,
          text: comment.deleted ? '' : comment.text,
          deleted: comment.deleted,
        })),
      })),
      decisions: readStatus(status).history.map((decision) => ({
        action: decision.action,
        from: decision.from,
        to: decision.to,
        by: decision.by.name,
        role: decision.by.role,
        at: decision.at,
        ...(decision.reason ? { reason: decision.reason } : {}),
      })),
      audit: audit
        .filter((entry) => entry.subject === report.reportId)
        .map((entry) => ({
          at: entry.at,
          action: entry.action,
          ...(entry.actor ? { by: names.get(entry.actor) ?? 'A former member' } : {}),
        })),
    };
  } finally {
    [content, comments, status].forEach((doc) => doc.destroy());
  }
}

/** GET /api/organisation/learners/<name>/export?format=json|pdf */
export async function exportLearner(
  context: LearnerDataContext,
  request: IncomingMessage,
  [encoded]: string[],
): Promise<Answer> {
  const admin = await signedInAdministrator(context, request);
  const format = new URL(request.url ?? '/', 'http://relay').searchParams.get('format') ?? 'json';
  if (!(learnerExportFormats as readonly string[]).includes(format))
    throw new Problem(400, 'Ask for the export as format=json or format=pdf.');
  const learner = learnerInAddress(encoded);
  const naming = await reportsNaming(context.store, admin.organisationId, learner);
  const [members, audit, organisation] = await Promise.all([
    context.store.members(admin.organisationId),
    context.store.audit(admin.organisationId),
    context.store.organisation(admin.organisationId),
  ]);
  const names = new Map(members.map((member) => [member.id, member.name]));
  const whole: LearnerExport = {
    learner,
    organisation: organisation?.name ?? '',
    exportedAt: new Date().toISOString(),
    exportedBy: admin.name,
    reports: await Promise.all(naming.map((each) => exported(context, each, names, audit))),
  };
  await context.store.appendAudit({
    organisationId: admin.organisationId,
    at: whole.exportedAt,
    actor: admin.id,
    action: 'learner exported',
    subject: learner,
    detail: { reports: whole.reports.length, format },
  });
  if (format === 'json') return { status: 200, body: whole };
  return { status: 200, type: 'application/pdf', body: await learnerExportPdf(whole) };
}

/** POST /api/organisation/learners/<name>/erase with `{ confirmation, includeShared? }`. */
export async function eraseLearner(
  context: LearnerDataContext,
  request: IncomingMessage,
  [encoded]: string[],
): Promise<Answer> {
  const admin = await signedInAdministrator(context, request);
  const learner = learnerInAddress(encoded);
  const { confirmation, includeShared } = await readBody(request, LearnerErasureRequest);
  if (confirmation.trim() !== learner)
    throw new Problem(400, `Type the learner’s name, ${learner}, exactly as shown, to confirm the erasure.`);
  if (!context.erasure) throw new Problem(503, 'This relay cannot erase reports.');
  const naming = await reportsNaming(context.store, admin.organisationId, learner);
  const shared = naming.filter((each) => each.learners.some((name) => !sameLearner(name, learner)));
  if (shared.length > 0 && !includeShared) {
    const body: SharedReports = {
      error: `${shared.length === 1 ? 'One report names' : `${shared.length} reports name`} other learners too. Nothing was erased: erase them as well, or ask their writers to take ${learner} out of them first.`,
      shared: shared.map(({ report, title, learners }) => ({ id: report.reportId, title, learners })),
    };
    return { status: 409, body };
  }
  // Every report goes together, or none does (relay/report-erasure.ts).
  await context.erasure.erase(naming.map(({ report }) => report.reportId));
  await context.store.appendAudit({
    organisationId: admin.organisationId,
    at: new Date().toISOString(),
    actor: admin.id,
    action: 'learner erased',
    subject: learner,
    detail: { reports: naming.length, ...(shared.length > 0 ? { sharedWithOthers: shared.length } : {}) },
  });
  const answer: LearnerErasure = { learner, erased: naming.length };
  return { status: 200, body: answer };
}
