// `npm run admin -- <command>`: looking after a relay's data from a shell.
//   copy-to-postgres [--from <data folder>] [--to <postgres://...>]   DATA_DIR and DATABASE_URL by default
//   backup --to <file> [--from <data folder>]                          a consistent SQLite copy, while the relay runs
//   organisations, create-organisation, invite, members, change-role, remove-member, reinvite, link-body:
//     organisations and their members, on the store DATA_DIR (or --from) and DATABASE_URL name
//     (relay/organisations/admin-commands.ts)
// PostgreSQL is backed up with its own tools (pg_dump); README.md, "Backup and restore", says how.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isOrganisationCommand, organisationUsage, runOrganisationCommand } from './organisations/admin-commands.ts';
import { describeDatabase, openStorage } from './storage/open.ts';
import { backupSqlite, copySqliteToPostgres } from './storage/copy.ts';

const usage = `Usage: npm run admin -- copy-to-postgres [--from <data folder>] [--to <postgres://...>]
       npm run admin -- backup --to <file> [--from <data folder>]
${organisationUsage}`;

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(1);
}

function readArguments() {
  try {
    return parseArgs({
      options: Object.fromEntries(
        [
          'from',
          'to',
          'name',
          'kind',
          'admin',
          'organisation',
          'member',
          'role',
          'client',
          'email',
          'body',
          'school',
        ].map((name) => [name, { type: 'string' as const }]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

const { values, positionals } = readArguments();
const [command, ...extra] = positionals;
if (extra.length > 0) fail(`One command at a time, not "${positionals.join(' ')}"`);
const dataDir = resolve(values.from || process.env.DATA_DIR || 'data');

try {
  if (isOrganisationCommand(command)) {
    const opened = await openStorage({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir });
    const origin = process.env.PUBLIC_ORIGIN?.replace(/\/$/, '') || `http://localhost:${process.env.PORT || 8787}`;
    try {
      const done = await runOrganisationCommand(opened.store, command, values, origin);
      if (!done.ok) fail(done.problem);
      console.log(done.value);
    } finally {
      await opened.store.close();
    }
  } else if (command === 'copy-to-postgres') {
    const url = values.to || process.env.DATABASE_URL;
    if (!url) fail('copy-to-postgres needs the database: --to postgres://... or DATABASE_URL');
    const where = describeDatabase(url);
    const copied = await copySqliteToPostgres(dataDir, url);
    const o = copied.organisations;
    console.log(
      `Copied ${dataDir} into ${where}: ${copied.rooms} rooms (${copied.updates} updates), ${copied.claims} claims, ` +
        `${copied.links} links, ${copied.revocations} revocations, ${copied.versions} decisions' versions; ${o.organisations} organisations ` +
        `(${o.members} members, ${o.invitations} invitations, ${o.passkeys} passkeys, ${o.sessions} sessions, ` +
        `${o.audit_log} audit log entries, ${o.organisation_reports} reports registered, ${o.organisation_links} links ` +
        `between organisations)${copied.secret ? '; and the signing secret' : ''}.`,
    );
  } else if (command === 'backup') {
    if (!values.to) fail('backup needs a file to write: --to <file>');
    const file = resolve(values.to);
    await backupSqlite(dataDir, file);
    console.log(`Backed up ${dataDir} to ${file}.`);
  } else {
    fail(command ? `There is no command "${command}"` : 'Say which command to run');
  }
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
