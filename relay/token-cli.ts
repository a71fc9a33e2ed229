// `npm run token -- --doc <id> --role <role> [--ttl 8h]`: prints a token for one report and role on a line by
// itself, signed with RELAY_SECRET or the relay's own secret, and records it as a link of that report so it is
// listed and can be withdrawn like any other. It uses the relay's store: PostgreSQL when DATABASE_URL is set,
// else SQLite in DATA_DIR (./data).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { memberRefusals } from '../shared/protocol/member-access.ts';
import { powers, Role, roles } from '../shared/protocol/roles.ts';
import { reportIdPattern } from '../shared/protocol/rooms.ts';
import { defaultTtlSeconds, parseTtl } from '../shared/protocol/tokens.ts';
import { ok } from '../shared/result.ts';
import { Tokens } from './auth.ts';
import { openStorage } from './storage/open.ts';

const usage = `Usage: npm run token -- --doc <report id> --role <${roles.join('|')}> [--ttl 8h]`;

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(1);
}

function readOptions() {
  try {
    return parseArgs({
      options: { doc: { type: 'string' }, role: { type: 'string' }, ttl: { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

const options = readOptions();
if (!options.doc || !reportIdPattern.test(options.doc))
  fail(`--doc must be a report id: 1 to 64 letters, digits, "-" or "_"${options.doc ? `, not "${options.doc}"` : ''}`);
const role = Role.safeParse(options.role);
if (!role.success) fail(`--role must be one of ${roles.join(', ')}${options.role ? `, not "${options.role}"` : ''}`);
const ttl = options.ttl === undefined ? ok(defaultTtlSeconds.cli) : parseTtl(options.ttl);
if (!ttl.ok) fail(`--ttl: ${ttl.problem}`);

const dataDir = resolve(process.env.DATA_DIR || 'data');
let where = dataDir;
try {
  const opened = await openStorage({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir,
    relaySecret: process.env.RELAY_SECRET,
  });
  where = opened.where;
  const { store } = opened;
  // An organisation's report is reviewed by its quality reviewers, signed in; a link would not approve it.
  if (powers[role.data].reviews && (await store.report(options.doc))) {
    await store.close();
    fail(memberRefusals.reviewerLink);
  }
  const { token, claims } = await new Tokens(opened.secret).mint(options.doc, role.data, ttl.value);
  await store.addLink({
    jti: claims.jti,
    reportId: claims.doc,
    role: claims.role,
    createdAt: new Date(claims.iat * 1000).toISOString(),
    expiresAt: new Date(claims.exp * 1000).toISOString(),
  });
  await store.close();
  console.log(token);
} catch (error) {
  fail(`Could not make a token with the data in ${where}: ${error instanceof Error ? error.message : String(error)}`);
}
