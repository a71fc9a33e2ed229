// The audit log as CSV for a spreadsheet (RFC 4180 quoting). A cell a spreadsheet would run as a formula
// (starting with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe, so a name cannot run.
import type { AuditEntry, MemberRecord } from '../storage/organisations.ts';

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function auditCsv(entries: readonly AuditEntry[], members: ReadonlyMap<string, MemberRecord>): string {
  const name = (id?: string) => (id ? (members.get(id)?.name ?? id) : '');
  const rows = [
    ['When', 'Who', 'What', 'About', 'Details'],
    ...entries.map((entry) => [
      entry.at,
      name(entry.actor),
      entry.action,
      name(entry.subject),
      entry.detail ? JSON.stringify(entry.detail) : '',
    ]),
  ];
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
