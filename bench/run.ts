// `npm run bench`: every benchmark, each printing its figures. Benchmarks measure; they never fail on a slow machine.
import { syncLatency } from './sync-latency.ts';

const benchmarks: [string, () => Promise<string>][] = [['sync latency', syncLatency]];

for (const [name, run] of benchmarks) {
  try {
    console.log(`${name}: ${await run()}`);
  } catch (error) {
    console.log(`${name}: could not run (${error instanceof Error ? error.message : String(error)})`);
    process.exitCode = 1;
  }
}
