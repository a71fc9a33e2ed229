// Room names the app and the relay agree on. A report <id> has three rooms:
// <id> (content), <id>/comments and <id>/status (written by the relay alone).
import { z } from 'zod';
import { fail, ok, type Result } from '../result.ts';

export const reportIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
export const ReportId = z.string().regex(reportIdPattern, 'A report id is 1 to 64 letters, digits, "-" or "_"');
export type ReportId = z.infer<typeof ReportId>;

export const roomKinds = ['content', 'comments', 'status'] as const;
export type RoomKind = (typeof roomKinds)[number];

export interface Room {
  name: string;
  reportId: ReportId;
  kind: RoomKind;
}

export type RoomParse = Result<Room>;

export function parseRoomName(name: string): RoomParse {
  const [reportId, suffix, ...rest] = name.split('/');
  if (rest.length > 0 || !reportIdPattern.test(reportId ?? '')) {
    return fail(`"${name.slice(0, 80)}" is not a Margin report room`);
  }
  if (suffix === undefined) return ok({ name, reportId, kind: 'content' });
  if (suffix === 'comments' || suffix === 'status') return ok({ name, reportId, kind: suffix });
  return fail(`"${suffix.slice(0, 40)}" is not a kind of report room (comments or status)`);
}

export function roomName(reportId: ReportId, kind: RoomKind = 'content'): string {
  return kind === 'content' ? reportId : `${reportId}/${kind}`;
}

/** Make a new report id: 16 url-safe random characters. */
export function newReportId(): ReportId {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}
