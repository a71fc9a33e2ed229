// Relays for the relay benchmarks, each in a process of its own so its memory can be measured and the
// benchmark's clients do not share its event loop: Margin's relay (relay/main.ts) and, to compare, Hocuspocus and
// a relay that only forwards bytes (bench/relay-floor-server.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Tokens } from '../relay/auth.ts';

export interface BenchRelay {
  url: string;
  pid: number;
  dataDir: string;
  tokens: Tokens;
  /** Resident memory of the relay process (bytes), from /proc. */
  rss(): number;
  /** CPU time the relay process has used so far (user and system, ms), from /proc. */
  cpuMs(): number;
  stop(): Promise<void>;
}

export async function startBenchRelay(
  kind: 'margin' | 'hocuspocus' | 'floor',
  options: {
    prepare?: (dataDir: string) => Promise<void>;
    env?: Record<string, string>;
    /** RELAY_SECRET, for relays that must accept each other's tokens (a cluster's nodes); else a new one. */
    secret?: string;
    /** A data folder to use (and keep when stopping), e.g. to start the relay again on what it saved; else a new one. */
    dataDir?: string;
  } = {},
): Promise<BenchRelay> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `margin-bench-${kind}-`));
  await options.prepare?.(dataDir);
  const secret = options.secret ?? randomBytes(24).toString('base64url');
  const scripts = {
    margin: '../relay/main.ts',
    hocuspocus: './relay-hocuspocus-server.ts',
    floor: './relay-floor-server.ts',
  };
  const script = fileURLToPath(new URL(scripts[kind], import.meta.url));
  // BENCH_PROFILE_DIR=<folder>: each relay writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      APP_DIR: join(dataDir, 'no-app'),
      RELAY_SECRET: secret,
      LOG_LEVEL: 'warn',
      LIMIT_CONNECTIONS_PER_TOKEN: '100000',
      LIMIT_MESSAGES_PER_SECOND: '100000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await listeningUrl(child);
  return {
    url,
    pid: child.pid!,
    dataDir,
    tokens: new Tokens(new TextEncoder().encode(secret)),
    rss: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024,
    cpuMs: () => {
      // Fields 14 and 15 of /proc/PID/stat (utime, stime), in clock ticks of 10 ms; counted after the name's ")".
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function listeningUrl(child: ChildProcess): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening on" line in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${output.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}
