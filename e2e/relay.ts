// Starts a real relay (serving the built app) on a free loopback port with its own data folder,
// the way `npm start` does, and stops it afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningRelay {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** Stops the relay; its data folder is removed unless kept or given by the caller. */
  stop(options?: { signal?: NodeJS.Signals; keepData?: boolean }): Promise<void>;
}

export async function startRelay(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<RunningRelay> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'margin-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'relay/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (chunk) => (log += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start in 20 s:\n${log}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      log += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`relay exited with ${code}:\n${log}`)));
  });
  const port = Number(new URL(url).port);
  return {
    url,
    port,
    dataDir,
    process: child,
    async stop({ signal = 'SIGTERM', keepData = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill(signal);
        await exited;
      }
      if (!options.dataDir && !keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
