// Organisations and their members, as the relay's API speaks of them (docs/protocol.md, "Organisations"). A
// member's role in the organisation decides, on the relay, what they may do with each of its reports; the
// room roles of roles.ts stay what a room token carries.
import { z } from 'zod';
import { EmailAddress } from './notifications.ts';
import { pageLimit, pageOffset } from './paging.ts';
import { Role } from './roles.ts';
import { ReportId } from './rooms.ts';
import { ReportStatus } from './statuses.ts';

export const organisationKinds = ['agency', 'school', 'appropriate-body'] as const;
export const OrganisationKind = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const organisationKindLabels: Record<OrganisationKind, string> = {
  agency: 'Tutoring agency',
  school: 'School',
  'appropriate-body': 'Appropriate body',
};

export const memberRoles = [
  'administrator',
  'quality-reviewer',
  'coordinator',
  'tutor',
  'mentor',
  'early-career-teacher',
  'client-contact',
  'appropriate-body-reviewer',
] as const;
export const MemberRole = z.enum(memberRoles);
export type MemberRole = z.infer<typeof MemberRole>;

export const memberRoleLabels: Record<MemberRole, string> = {
  administrator: 'Administrator',
  'quality-reviewer': 'Quality reviewer',
  coordinator: 'Coordinator',
  tutor: 'Tutor',
  mentor: 'Mentor',
  'early-career-teacher': 'Early career teacher',
  'client-contact': 'Client contact',
  'appropriate-body-reviewer': 'Appropriate body reviewer',
};

/** A person's name as an administrator types it: what every history, comment and signature will show. */
export const MemberName = z
  .string()
  .trim()
  .min(1, 'Give the person’s name.')
  .max(80, 'A name can be at most 80 characters.');

export const OrganisationName = z
  .string()
  .trim()
  .min(1, 'Give the organisation’s name.')
  .max(120, 'An organisation’s name can be at most 120 characters.');

/** An invitation is used once, and not after this many days. */
export const invitationDays = 7;

/** A session unused this long ends, unless the administrator sets another time. */
export const defaultSessionIdleMinutes = 60 * 24 * 14;

// Requests of the organisations API (docs/protocol.md, "Organisations"). A passkey's answer is passed on to
// @simplewebauthn/server as the browser made it; the library checks its shape.
const PasskeyAnswer = z.looseObject({ id: z.string().max(1024), type: z.literal('public-key') });
const InvitationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This invitation link is not complete.');
const DeviceLabel = z.string().trim().max(80).optional();

export const SetupRequest = z.object({ name: OrganisationName, kind: OrganisationKind, administrator: MemberName });
export const InvitationRequest = z.object({ token: InvitationToken });
export const EnrolRequest = z.object({ token: InvitationToken, response: PasskeyAnswer, label: DeviceLabel });
export const PasskeyRequest = z.object({ response: PasskeyAnswer, label: DeviceLabel });
export const InviteRequest = z.object({
  name: MemberName,
  role: MemberRole,
  clientId: z.string().trim().min(1).max(64).optional(),
  /** Where the invitation, and later the member's notifications, are mailed (when the relay sends mail). */
  email: EmailAddress.optional(),
});
export type SetupRequest = z.infer<typeof SetupRequest>;
export type InviteRequest = z.infer<typeof InviteRequest>;
export const RoleRequest = z.object({ role: MemberRole });
/** How many working days a report may wait for review before the queue flags it (shared/workflow/working-days.ts). */
export const ReviewTargetDays = z
  .number({ error: 'Give the target as a whole number of working days, from 1 to 20.' })
  .int('Give the target as a whole number of working days, from 1 to 20.')
  .min(1, 'The target is at least 1 working day.')
  .max(20, 'The target is at most 20 working days.');

/** PATCH /api/organisation: an administrator changes one setting or both. */
export const OrganisationSettingsRequest = z
  .object({
    sessionIdleMinutes: z
      .number()
      .int()
      .min(5, 'At least 5 minutes.')
      .max(60 * 24 * 90, 'At most 90 days.')
      .optional(),
    reviewTargetDays: ReviewTargetDays.optional(),
  })
  .refine((request) => request.sessionIdleMinutes !== undefined || request.reviewTargetDays !== undefined, {
    message: 'Say which setting to change.',
  });
export type OrganisationSettingsRequest = z.infer<typeof OrganisationSettingsRequest>;

// Answers of the organisations API: the relay writes them, the app reads them with these schemas.

export const MemberView = z.object({
  id: z.string(),
  name: z.string(),
  role: MemberRole,
  clientId: z.string().optional(),
  createdAt: z.string(),
  removedAt: z.string().optional(),
  /** How many passkeys they have enrolled (0: invited, not yet enrolled). */
  passkeys: z.number().int().optional(),
  /** Their e-mail address, shown to administrators only (the member reads their own with GET /api/organisation/email). */
  email: z.string().optional(),
});
export type MemberView = z.infer<typeof MemberView>;

export const OrganisationView = z.object({
  id: z.string(),
  name: z.string(),
  kind: OrganisationKind,
  sessionIdleMinutes: z.number(),
  /** Working days a report may wait for review before it is flagged; the relay always sends it (2 unless set). */
  reviewTargetDays: z.number().int().optional(),
});
export type OrganisationView = z.infer<typeof OrganisationView>;

/** Who a signed-in browser is. */
export const SessionView = z.object({ member: MemberView, organisation: OrganisationView });
export type SessionView = z.infer<typeof SessionView>;

export const InvitationView = z.object({
  organisation: z.object({ name: z.string(), kind: OrganisationKind }),
  member: z.object({ name: z.string(), role: MemberRole }),
  expiresAt: z.string(),
});
export type InvitationView = z.infer<typeof InvitationView>;

export const InvitationGrant = z.object({
  member: MemberView,
  /** The invitation's secret, shown once: the link is `<origin>/invitation#token=<token>`. */
  token: z.string(),
  expiresAt: z.string(),
});
export type InvitationGrant = z.infer<typeof InvitationGrant>;

/** Where an invitation's link leads: the token rides in the fragment, so it never reaches a server's log. */
export const invitationLink = (origin: string, token: string): string => `${origin}/invitation#token=${token}`;

export const SetupState = z.object({ needed: z.boolean() });
export const MemberList = z.object({ members: z.array(MemberView) });
export const PasskeyList = z.object({
  passkeys: z.array(
    z.object({ id: z.string(), label: z.string(), createdAt: z.string(), lastUsedAt: z.string().optional() }),
  ),
});
export type PasskeyView = z.infer<typeof PasskeyList>['passkeys'][number];
export const SessionList = z.object({
  sessions: z.array(
    z.object({ label: z.string(), createdAt: z.string(), lastSeenAt: z.string(), current: z.boolean() }),
  ),
});
export type SignInSessionView = z.infer<typeof SessionList>['sessions'][number];
export const SignedOut = z.object({ signedOut: z.literal(true) });
export const SignedOutEverywhere = z.object({ ended: z.number() });
export const PasskeyAdded = z.object({ id: z.string() });
/** GET /api/organisation/audit: the organisation's audit log, oldest first. */
export const AuditLog = z.object({
  entries: z.array(
    z.object({
      at: z.string(),
      /** The member who acted; absent for the relay itself, a shell, or a link holder it cannot name. */
      actor: z.string().optional(),
      action: z.string(),
      /** What it was done to: a member's id, a report's id, another organisation's id. */
      subject: z.string().optional(),
      detail: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});
export type AuditEntryView = z.infer<typeof AuditLog>['entries'][number];
export const PasskeyRemoved = z.object({ removed: z.string() });

/** Where each call of the organisations API goes (docs/protocol.md, "Organisations"). */
export const organisationPaths = {
  setup: '/api/setup',
  openInvitation: '/api/invitations/open',
  enrolmentOptions: '/api/invitations/options',
  enrol: '/api/invitations/enrol',
  session: '/api/session',
  signInOptions: '/api/session/options',
  sessions: '/api/sessions',
  passkeys: '/api/passkeys',
  passkeyOptions: '/api/passkeys/options',
  passkey: (id: string) => `/api/passkeys/${encodeURIComponent(id)}`,
  organisation: '/api/organisation',
  members: '/api/organisation/members',
  member: (id: string) => `/api/organisation/members/${encodeURIComponent(id)}`,
  invitationFor: (id: string) => `/api/organisation/members/${encodeURIComponent(id)}/invitation`,
  reports: '/api/organisation/reports',
  approvals: '/api/organisation/approvals',
  reviewsRead: '/api/organisation/reviews/read',
  clients: '/api/organisation/clients',
  reportClient: (id: string) => `/api/organisation/reports/${encodeURIComponent(id)}/client`,
  reportToken: (id: string) => `/api/organisation/reports/${encodeURIComponent(id)}/token`,
  reportTeacher: (id: string) => `/api/organisation/reports/${encodeURIComponent(id)}/teacher`,
  teachers: '/api/organisation/teachers',
  learnerRecord: (learner: string) => `/api/organisation/learners/${encodeURIComponent(learner)}/record`,
  /** docs/protocol.md, "Timesheets": `member` narrows the payroll to one tutor; `format` is json, csv or pdf. */
  /** JSON answers one page of sessions (`offset`, `limit`); CSV and PDF hold the whole month. */
  timesheets: (
    month: string,
    options: { member?: string; format?: 'csv' | 'pdf'; offset?: number; limit?: number } = {},
  ) =>
    `/api/organisation/timesheets?month=${encodeURIComponent(month)}${options.member ? `&member=${encodeURIComponent(options.member)}` : ''}${options.format ? `&format=${options.format}` : ''}${options.offset ? `&offset=${options.offset}` : ''}${options.limit ? `&limit=${options.limit}` : ''}`,
  closeMonth: '/api/organisation/timesheets/close',
  audit: '/api/organisation/audit',
  auditCsv: '/api/organisation/audit.csv',
  words: '/api/organisation/words',
  word: (word: string) => `/api/organisation/words/${encodeURIComponent(word)}`,
} as const;

/** An organisation's list holds at most this many words. */
export const organisationWordLimit = 5000;

/**
 * GET /api/organisation/words: the words every member's checker accepts. `words` is the list administrators keep;
 * `names` are the people named in the reports this member may open (learners, teachers), read from the reports
 * themselves, so nobody types them.
 */
export const OrganisationWords = z.object({
  words: z.array(z.object({ word: z.string(), addedAt: z.string() })),
  names: z.array(z.string()),
});
export type OrganisationWords = z.infer<typeof OrganisationWords>;

/** POST /api/organisation/words: an administrator adds one word (checked as a personal dictionary's word is). */
export const AddWordRequest = z.object({ word: z.string().max(200, 'A word can be at most 64 letters long.') });
export const WordAdded = z.object({ word: z.string() });

/** A passkey ceremony's options, passed to the browser's WebAuthn library as the relay made them; it checks them. */
export const PasskeyOptions = z.looseObject({ challenge: z.string() });

/** A member named in a request, by their id (a UUID). */
const memberIdOf = (who: string) => z.string().regex(/^[0-9a-f-]{36}$/, `${who} is named by their member id.`);

/** POST /api/organisation/reports: registers a report with the member's organisation; they own it. */
export const RegisterReportRequest = z.object({
  id: ReportId,
  /** A mentor of the organisation who writes the report with its owner. */
  mentorId: memberIdOf('A mentor').optional(),
  /** The client whose learner it is about: that client's contacts read it once approved. */
  clientId: z.string().trim().min(1).max(64).optional(),
  /** For a termly progress review: the early career teacher of the organisation it is about. */
  teacherId: memberIdOf('An early career teacher').optional(),
});

/** PUT /api/organisation/reports/<id>/teacher: the review's owner names its early career teacher (null: nobody). */
export const SetReportTeacherRequest = z.object({
  teacherId: memberIdOf('An early career teacher').nullable(),
});

/** GET /api/organisation/teachers: the organisation's early career teachers, for a review's owner to name one. */
export const OrganisationTeachers = z.object({
  teachers: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type OrganisationTeachers = z.infer<typeof OrganisationTeachers>;

export const OrganisationReportView = z.object({
  id: z.string(),
  ownerId: z.string(),
  mentorId: z.string().optional(),
  clientId: z.string().optional(),
  teacherId: z.string().optional(),
  createdAt: z.string(),
});
export type OrganisationReportView = z.infer<typeof OrganisationReportView>;

/** GET /api/organisation/reports/<id>/token: a room token for the signed-in member, with the role their membership gives. */
export const MemberTokenGrant = z.object({
  token: z.string(),
  jti: z.string(),
  role: Role,
  /** Reads every room the role may read, writes nothing (a coordinator's). */
  readOnly: z.boolean(),
  /** ISO 8601: the app asks for a new token before then. */
  expiresAt: z.string(),
});
export type MemberTokenGrant = z.infer<typeof MemberTokenGrant>;

/** One of the organisation's reports that the signed-in member may open, as GET /api/organisation/reports lists it. */
export const OrganisationReportSummary = z.object({
  id: z.string(),
  /** The owner's member id: what the `tutor` filter names. */
  ownerId: z.string(),
  ownerName: z.string(),
  /** The name of the member assigned to it as its mentor, if one is. */
  mentorName: z.string().optional(),
  /** From the report's own content, once the relay holds some: its title, kind ("Session report") and learners. */
  title: z.string().optional(),
  kind: z.string().optional(),
  /** The kind's id ("session-report"), what the `kind` filter names. */
  kindId: z.string().optional(),
  learners: z.array(z.string()).optional(),
  /** From its content: the others it names, not learners (a termly review's early career teacher). */
  named: z.array(z.string()).optional(),
  /** From its content: the date lists sort by (a session's date; a termly review's due date), YYYY-MM-DD. */
  date: z.string().optional(),
  /** The client whose learner it is about, when its owner has said. */
  clientId: z.string().optional(),
  status: ReportStatus,
  /** The room role the member's token for it would carry. */
  role: Role,
  /** ISO 8601: when its status last changed, or when it was registered if it never has. */
  changedAt: z.string(),
  /** ISO 8601: when it was last submitted or resubmitted, if it has been. */
  submittedAt: z.string().optional(),
  /** For a termly progress review: the early career teacher named as the one it is about. */
  teacherId: z.string().optional(),
  /** ISO 8601: when it was last approved, if it has been. */
  approvedAt: z.string().optional(),
  /** From its content: its kind's whole index entry (shared/reports/definition.ts, IndexEntry): score, target, session... */
  entry: z.record(z.string(), z.unknown()).optional(),
});
export type OrganisationReportSummary = z.infer<typeof OrganisationReportSummary>;

/**
 * With `choices=true`: what a desk's filter offers, from the directory, over every report the member may open in the
 * statuses asked (`status`, less `notKind`), whatever the other filters and the page: the tutors (owners, sorted by
 * name), learners, clients and kinds among them, each once, sorted.
 */
export const ReportChoices = z.object({
  tutors: z.array(z.object({ id: z.string(), name: z.string() })),
  learners: z.array(z.string()),
  clients: z.array(z.string()),
  kinds: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type ReportChoices = z.infer<typeof ReportChoices>;

export const OrganisationReportList = z.object({
  reports: z.array(OrganisationReportSummary),
  /** With a page asked for (`limit`): how many reports match in all. */
  total: z.number().optional(),
  /** With a page asked for: the `offset` of the next page, while there are more. */
  next: z.number().optional(),
  choices: ReportChoices.optional(),
});
export type OrganisationReportList = z.infer<typeof OrganisationReportList>;

/** The most reports one page of GET /api/organisation/reports holds. */
export const reportPageLimit = 500;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give dates as YYYY-MM-DD.');

/** A moment, as ISO 8601 with its offset ("2030-01-07T00:00:00.000Z"), read as the same moment in UTC. */
const instant = (name: string) =>
  z.iso
    .datetime({ offset: true, error: `Give ${name} as an ISO 8601 moment, e.g. 2030-01-07T00:00:00.000Z.` })
    .transform((text) => new Date(text).toISOString());

/**
 * GET /api/organisation/reports?limit=&offset=&status=&kind=&notKind=&tutor=&client=&learner=&q=&from=&to=
 * &submittedFrom=&submittedBefore=&order=&choices=: a page of the reports the member may open, filtered. Without
 * `limit`, every one (as before pages existed). `from`/`to` are the report's own date; `submittedFrom`/`submittedBefore`
 * when it was last submitted (a desk computes them from the days on its person's calendar).
 */
/** The most characters a search of the organisation's reports (`q`) may have; the queue's search box takes no more. */
export const reportSearchMaxLength = 200;

export const OrganisationReportQuery = z
  .object({
    limit: pageLimit(reportPageLimit).optional(),
    offset: pageOffset.optional(),
    /** Statuses, comma-separated. */
    status: z
      .string()
      .transform((text) => text.split(',').filter((each) => each !== ''))
      .pipe(
        z.array(
          z.enum(ReportStatus.options, { error: `Name statuses the relay knows: ${ReportStatus.options.join(', ')}.` }),
        ),
      )
      .optional(),
    /** A report kind's id ("session-report"). */
    kind: z.string().max(64).optional(),
    /** A report kind's id left out (the review queue leaves out quality observations, which nobody approves). */
    notKind: z.string().max(64, 'A kind’s id (notKind) is at most 64 characters.').optional(),
    /** The owner's member id. */
    tutor: z.string().max(64).optional(),
    client: z.string().max(64).optional(),
    learner: z.string().max(200).optional(),
    /** Words looked for in titles, learners, people named and the owner's name. */
    q: z.string().max(reportSearchMaxLength).optional(),
    /** The report's own date (a session's, a review's due date), YYYY-MM-DD, both included. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Last submitted at or after this moment. */
    submittedFrom: instant('submittedFrom').optional(),
    /** Last submitted before this moment (not at it): the start of the day after a desk's last day. */
    submittedBefore: instant('submittedBefore').optional(),
    /** registered (oldest first, the default), submitted (longest waiting first) or changed (newest first). */
    order: z
      .enum(['registered', 'submitted', 'changed'], { error: 'Order by registered, submitted or changed.' })
      .optional(),
    /** true: the answer carries `choices`, what the filter offers (ReportChoices). */
    choices: z
      .enum(['true', 'false'], { error: 'Ask for the choices with true or false.' })
      .transform((text) => text === 'true')
      .optional(),
  })
  .refine(
    (query) =>
      query.submittedFrom === undefined ||
      query.submittedBefore === undefined ||
      query.submittedFrom < query.submittedBefore,
    { message: 'submittedFrom is not before submittedBefore, so no report fits: give the earlier moment first.' },
  );
export type OrganisationReportQuery = z.infer<typeof OrganisationReportQuery>;

/** The address of a desk's request for its reports: `query`'s fields as GET /api/organisation/reports reads them. */
export function reportListPath(query: OrganisationReportQuery = {}): string {
  const params = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(Array.isArray(value) ? value.join(',') : String(value))}`);
  return params.length > 0 ? `/api/organisation/reports?${params.join('&')}` : '/api/organisation/reports';
}

/**
 * GET /api/organisation/learners/<name>/record: a client contact's whole record of one learner, every approved report
 * of their client naming them, newest first, each with its free-text fields that are not internal (never those), as
 * plain paragraphs.
 */
export const LearnerRecord = z.object({
  learner: z.string(),
  reports: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kind: z.string(),
      ownerName: z.string(),
      /** ISO 8601: when it was approved. */
      approvedAt: z.string(),
      fields: z.array(z.object({ label: z.string(), paragraphs: z.array(z.string()) })),
    }),
  ),
});
export type LearnerRecord = z.infer<typeof LearnerRecord>;

/** A client of the organisation, as a report names it: the id its client contacts were invited with. */
export const ClientId = z
  .string()
  .trim()
  .min(1, 'Choose the client.')
  .max(64, 'A client’s id is at most 64 characters.');

/** PUT /api/organisation/reports/<id>/client: the report's owner says whose learner it is about. */
export const ReportClientRequest = z.object({ clientId: ClientId });

/** GET /api/organisation/clients: the organisation's clients (those its client contacts were invited for), sorted. */
export const ClientList = z.object({ clients: z.array(z.string()) });
export type ClientList = z.infer<typeof ClientList>;

/** Several reports, each named once, for one decision each: `verb` says what is done with them. */
const severalReports = (verb: string) =>
  z.object({
    reports: z
      .array(ReportId)
      .min(1, `Mark at least one report to ${verb}.`)
      .max(100, `${verb[0]!.toUpperCase()}${verb.slice(1)} at most 100 reports at once.`)
      .refine((ids) => new Set(ids).size === ids.length, 'Name each report once.'),
  });

/** POST /api/organisation/approvals: a quality reviewer approves several reports, each its own decision. */
export const BulkApprovalRequest = severalReports('approve');
export type BulkApprovalRequest = z.infer<typeof BulkApprovalRequest>;

/** POST /api/organisation/reviews/read: an appropriate body's reviewer marks several termly reviews read, each its own decision. */
export const BulkReadRequest = severalReports('mark read');

/** Who opens the progress reviews overview (/organisation/reviews): a school's coordinators and an appropriate body's reviewers. */
export const reviewsOverviewRoles: readonly MemberRole[] = ['coordinator', 'appropriate-body-reviewer'];
export type BulkReadRequest = z.infer<typeof BulkReadRequest>;

/** What became of one report of a bulk decision (approved, or marked read): done (with its decision's hash), or why not. */
export const BulkApprovalOutcome = z.discriminatedUnion('ok', [
  z.object({
    id: z.string(),
    /** How the reviewer knows it: its title, or its owner's report when it has none. */
    name: z.string(),
    ok: z.literal(true),
    value: z.object({ status: ReportStatus, at: z.string(), contentHash: z.string() }),
  }),
  z.object({ id: z.string(), name: z.string(), ok: z.literal(false), problem: z.string() }),
]);
export type BulkApprovalOutcome = z.infer<typeof BulkApprovalOutcome>;
export const BulkApprovalResult = z.object({ outcomes: z.array(BulkApprovalOutcome) });
export type BulkApprovalResult = z.infer<typeof BulkApprovalResult>;
/** POST /api/organisation/reviews/read answers as a bulk approval does. */
export const BulkReadResult = BulkApprovalResult;
export type BulkReadResult = BulkApprovalResult;
