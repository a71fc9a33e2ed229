// Starts the relay from the environment (README.md, "The relay"): PORT (8787), HOST (127.0.0.1; 0.0.0.0 shares
// it on the network), DATA_DIR (./data, created if missing), APP_DIR (dist/app, the built web app),
// RELAY_SECRET (else a secret kept in DATA_DIR, or in PostgreSQL), DATABASE_URL (postgres://...: keep everything
// there instead of SQLite), REDIS_URL (redis://...: share rooms with other relay nodes), SQLITE_SYNCHRONOUS (normal),
// ALLOWED_ORIGINS, SMTP_URL and MAIL_FROM (mail for members' notifications), LOG_LEVEL and the LIMIT_* variables. On SIGTERM or SIGINT it
// closes every connection with "restarting" (clients reconnect by themselves), saves every open room and exits.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultLimits } from '../shared/protocol/limits.ts';
import type { Limits } from './connection.ts';
import { connectRedisFanOut } from './cluster/redis-fan-out.ts';
import { createLog } from './log.ts';
import { smtpUrlProblem } from './mail.ts';
import { startRelay } from './server.ts';
import { openStorage } from './storage/open.ts';

const log = createLog();

function fail(message: string): never {
  log.fatal(message);
  process.exit(1);
}

function readWholeNumber(name: string, fallback: number, min: number, max: number): number {
  const value = process.env[name];
  const number = Number(value || fallback);
  if (!Number.isInteger(number) || number < min || number > max)
    fail(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return number;
}

const port = readWholeNumber('PORT', 8787, 0, 65535);
const host = process.env.HOST || '127.0.0.1';
const dataDir = resolve(process.env.DATA_DIR || 'data');
const appDir = resolve(process.env.APP_DIR || 'dist/app');
const synchronous = (process.env.SQLITE_SYNCHRONOUS || 'normal').toLowerCase();
if (synchronous !== 'full' && synchronous !== 'normal')
  fail(`SQLITE_SYNCHRONOUS must be full or normal, not "${process.env.SQLITE_SYNCHRONOUS}"`);
const limits: Limits = {
  messagesPerSecond: readWholeNumber('LIMIT_MESSAGES_PER_SECOND', defaultLimits.messagesPerSecond, 1, 1_000_000),
  connectionsPerToken: readWholeNumber('LIMIT_CONNECTIONS_PER_TOKEN', defaultLimits.connectionsPerToken, 1, 1_000_000),
  bufferedBytes: readWholeNumber('LIMIT_BUFFERED_BYTES', defaultLimits.bufferedBytes, 1024, 2 ** 40),
  connectionsPerAddress: readWholeNumber(
    'LIMIT_CONNECTIONS_PER_ADDRESS',
    defaultLimits.connectionsPerAddress,
    1,
    10_000_000,
  ),
  silentSeconds: readWholeNumber('LIMIT_SILENT_SECONDS', defaultLimits.silentSeconds, 20, 86_400),
  contentBytes: readWholeNumber('LIMIT_CONTENT_BYTES', defaultLimits.contentBytes, 4 * 1024 * 1024, 2 ** 40),
  commentsBytes: readWholeNumber('LIMIT_COMMENTS_BYTES', defaultLimits.commentsBytes, 1024 * 1024, 2 ** 40),
};

const publicOrigin = process.env.PUBLIC_ORIGIN || undefined;
if (publicOrigin) {
  let parsed: URL | undefined;
  try {
    parsed = new URL(publicOrigin);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== publicOrigin.replace(/\/$/, ''))
    fail(`PUBLIC_ORIGIN must be where people open Margin, like https://margin.example.org, not "${publicOrigin}"`);
}

const allowedOrigins = (process.env.ALLOWED_ORIGINS ?? '')
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean);
for (const origin of allowedOrigins) {
  let parsed: string | undefined;
  try {
    parsed = new URL(origin).origin;
  } catch {
    parsed = undefined;
  }
  if (parsed !== origin)
    fail(`ALLOWED_ORIGINS must list origins like https://reports.example.org, separated by commas, not "${origin}"`);
}

// Mail goes out only when SMTP_URL is set; MAIL_FROM defaults to an address at the public origin's host.
const smtpUrl = process.env.SMTP_URL?.trim() || undefined;
const smtpProblem = smtpUrl ? smtpUrlProblem(smtpUrl) : undefined;
if (smtpProblem) fail(smtpProblem);
const mailFrom =
  process.env.MAIL_FROM?.trim() || `Margin <margin@${publicOrigin ? new URL(publicOrigin).hostname : 'localhost'}>`;
if (/[\r\n]/.test(mailFrom)) fail('MAIL_FROM must be one line, like Margin <margin@example.org>');

const openReports = (process.env.OPEN_REPORTS ?? '1').trim();
if (openReports !== '0' && openReports !== '1')
  fail(`OPEN_REPORTS must be 1 (anyone may create reports) or 0 (signed-in members only), not "${openReports}"`);
const creation = {
  open: openReports === '1',
  perAddressPerHour: readWholeNumber('LIMIT_REPORTS_PER_HOUR', 120, 1, 1_000_000),
};

const databaseUrl = process.env.DATABASE_URL || undefined;
const opened = await openStorage({ databaseUrl, dataDir, synchronous, relaySecret: process.env.RELAY_SECRET }).catch(
  (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
);
const where = opened.where;
const redisUrl = process.env.REDIS_URL || undefined;
if (redisUrl && !databaseUrl)
  fail('REDIS_URL shares rooms between relay nodes, which must share one store: set DATABASE_URL too');
const fanOut = redisUrl
  ? await connectRedisFanOut(redisUrl, log).catch((error: unknown) =>
      fail(`could not reach Redis at REDIS_URL: ${error instanceof Error ? error.message : String(error)}`),
    )
  : undefined;

const relay = await Promise.resolve()
  .then(() =>
    startRelay({
      host,
      port,
      appDir,
      store: opened.store,
      secret: opened.secret,
      fanOut,
      limits,
      log,
      creation,
      allowedOrigins,
      ...(smtpUrl ? { mail: { url: smtpUrl, from: mailFrom } } : {}),
      ...(publicOrigin ? { publicOrigin: new URL(publicOrigin).origin } : {}),
    }),
  )
  .catch(async (error: unknown) => {
    await opened.store.close().catch(() => undefined);
    return fail(
      `could not start on ${host}:${port} with data in ${where}: ${error instanceof Error ? error.message : String(error)}`,
    );
  });

async function stop(signal: NodeJS.Signals): Promise<void> {
  log.info({ signal }, 'saving open rooms and stopping');
  try {
    await relay.close();
    process.exit(0);
  } catch (error) {
    fail(`could not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
  }
}
// Listen for signals before announcing the address: whoever reads the line may stop the relay at once.
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

console.log(`Margin relay listening on ${relay.url} (data in ${where})`);
log.info(
  { openReports: creation.open, reportsPerAddressPerHour: creation.perAddressPerHour },
  creation.open
    ? 'anyone who can reach this relay may create reports (OPEN_REPORTS=1; OPEN_REPORTS=0 for members only)'
    : 'only signed-in members of an organisation may create reports (OPEN_REPORTS=0)',
);
log.info(
  { url: relay.url, data: where, engine: opened.store.engine, fanOut: fanOut?.engine ?? 'none', limits, synchronous },
  'listening',
);
if (!existsSync(join(appDir, 'index.html'))) log.warn(`no built app in ${appDir}: run "npm run build:app" to serve it`);
