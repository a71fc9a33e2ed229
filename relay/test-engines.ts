// PostgreSQL and Redis for the relay's tests: each a private server of Debian's packages on a free loopback port,
// with its files in a temporary folder, stopped (and the folder removed) by `stop`, or when the test process
// exits. As root, PostgreSQL runs as the `postgres` user (it refuses to run as root). No mocks: the tests talk
// to the real engines. `npm test` installs the packages when they are missing (scripts/ensure-engines.mjs).
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const postgresBin = process.env.POSTGRES_BIN || '/usr/lib/postgresql/15/bin';

export interface TestPostgres {
  /** postgres://... for the cluster's own `postgres` database. */
  url: string;
  port: number;
  /** A URL to a new, empty schema of the cluster's database: as good as a database of its own, and much quicker to make. */
  database(): Promise<string>;
  /** Stops the server but keeps its data, as in an outage; `resume` starts it again on the same port. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestRedis {
  url: string;
  port: number;
  /** Stops the server (the data it held is gone: it keeps none). */
  stop(): Promise<void>;
  /** Starts it again on the same port, as after an outage. */
  start(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

const asRoot = process.getuid?.() === 0;
/** As root the cluster is run by the `postgres` user, which Debian's package makes. */
const asPostgres = (command: string, args: string[]) =>
  asRoot ? { command: 'runuser', args: ['-u', 'postgres', '--', command, ...args] } : { command, args };

function run(command: string, args: string[]): void {
  const as = asPostgres(command, args);
  execFileSync(as.command, as.args, { stdio: 'pipe' });
}

export async function startPostgres(): Promise<TestPostgres> {
  if (!existsSync(join(postgresBin, 'initdb')))
    throw new Error(`No PostgreSQL in ${postgresBin}: install Debian's postgresql package (npm test does it for you)`);
  const folder = mkdtempSync(join(tmpdir(), 'margin-postgres-'));
  // The postgres user must reach the folder to make its data directory in it.
  chmodSync(folder, 0o777);
  const dataDir = join(folder, 'data');
  const port = await freePort();
  run(join(postgresBin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  // fsync stays on: the tests check what survives a relay being killed, and they should see what production sees.
  const start = () =>
    run(join(postgresBin, 'pg_ctl'), [
      '-D',
      dataDir,
      '-l',
      join(folder, 'log'),
      '-w',
      '-o',
      `-p ${port} -h 127.0.0.1 -k ${folder} -c max_connections=200`,
      'start',
    ]);
  start();
  const stopNow = () => {
    const as = asPostgres(join(postgresBin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    spawnSync(as.command, as.args, { stdio: 'ignore' });
    rmSync(folder, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    url,
    port,
    async database() {
      const name = `test_${++databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA ${name}`);
      } finally {
        await client.end();
      }
      return `${url}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
    },
    async pause() {
      run(join(postgresBin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    },
    async resume() {
      start();
    },
    async stop() {
      process.off('exit', stopNow);
      stopNow();
    },
  };
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const stopNow = () => child?.kill('SIGKILL');
  process.once('exit', stopNow);
  const redis: TestRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const started = child;
      await new Promise<void>((resolve, reject) => {
        let output = '';
        started.on('error', (error) =>
          reject(new Error(`could not start redis-server (${error.message}): install Debian's redis-server package`)),
        );
        started.stdout!.on('data', (chunk) => {
          output += chunk;
          if (/Ready to accept connections/.test(output)) resolve();
        });
        started.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output.slice(-300)}`)));
      });
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
  };
  await redis.start();
  return redis;
}
