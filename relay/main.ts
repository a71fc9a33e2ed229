// Starts the relay from the environment: PORT (8787), HOST (127.0.0.1; 0.0.0.0 shares it on the network),
// DATA_DIR (./data, created if missing) and APP_DIR (dist/app, the built web app). Stops cleanly on SIGTERM
// or SIGINT, saving every open room first.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { log } from './log.ts';
import { startRelay } from './server.ts';
import { openSqliteStore } from './storage/sqlite.ts';

function readPort(value: string | undefined): number {
  const port = Number(value || 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    log(`PORT must be a whole number from 0 to 65535, not "${value}"`);
    process.exit(1);
  }
  return port;
}

const port = readPort(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';
const dataDir = resolve(process.env.DATA_DIR || 'data');
const appDir = resolve(process.env.APP_DIR || 'dist/app');

const relay = await Promise.resolve()
  .then(() => startRelay({ host, port, appDir, store: openSqliteStore(dataDir) }))
  .catch((error: unknown) => {
    log(`could not start on ${host}:${port} with data in ${dataDir}: ${error instanceof Error ? error.message : String(error)}`);
    return process.exit(1);
  });

async function stop(signal: NodeJS.Signals): Promise<void> {
  log(`${signal}: saving open rooms and stopping`);
  try {
    await relay.close();
    process.exit(0);
  } catch (error) {
    log(`could not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
// Listen for signals before announcing the address: whoever reads the line may stop the relay at once.
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

console.log(`Margin relay listening on ${relay.url} (data in ${dataDir})`);
if (!existsSync(join(appDir, 'index.html'))) log(`no built app in ${appDir}: run "npm run build:app" to serve it`);
