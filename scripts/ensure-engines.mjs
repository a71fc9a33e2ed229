// Makes sure the relay's tests have PostgreSQL and Redis to start (relay/test-engines.ts runs private servers of
// them), and says what it did: on Debian, installs the postgresql and redis-server packages when missing.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const postgresBin = process.env.POSTGRES_BIN || '/usr/lib/postgresql/15/bin';
const missing = () => [
  ...(existsSync(`${postgresBin}/initdb`) ? [] : ['postgresql']),
  ...(existsSync('/usr/bin/redis-server') ? [] : ['redis-server']),
];

function run(command) {
  console.log(`[margin] $ ${command}`);
  execSync(command, { stdio: 'inherit' });
}

/** Returns a line saying what the tests will use, or what is still missing and why. */
export function ensureEngines() {
  const packages = missing();
  if (packages.length === 0) return `PostgreSQL in ${postgresBin} and /usr/bin/redis-server`;
  if (!existsSync('/etc/debian_version') || !existsSync('/usr/bin/apt-get'))
    return `no ${packages.join(' or ')}: install them (the PostgreSQL and Redis tests will fail without them)`;
  const sudo = process.getuid?.() === 0 ? '' : 'sudo -n ';
  console.log(`[margin] The relay's tests need ${packages.join(' and ')}: installing Debian's packages (once).`);
  try {
    run(`${sudo}apt-get update -qq`);
    // The packages' own services are not wanted: the tests start private servers on free ports.
    run(`${sudo}env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq ${packages.join(' ')}`);
  } catch (error) {
    return `apt-get could not install ${packages.join(' and ')} (${error.message}); the PostgreSQL and Redis tests will fail`;
  }
  const still = missing();
  return still.length === 0
    ? `installed ${packages.join(' and ')}: PostgreSQL in ${postgresBin} and /usr/bin/redis-server`
    : `still no ${still.join(' or ')} after apt-get`;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`[margin] Relay tests: ${ensureEngines()}`);
