// `npm run bench`: every benchmark, each printing its figures. Benchmarks measure; they never fail on a slow machine.
import { homePage } from './home-page.ts';
import { relayColdSync, relayIdleMemory, relayLoad } from './relay-load.ts';
import { checksInTheApp } from './checks-browser.ts';
import { extensionChecks } from './extension-checks.ts';
import { extensionEditors } from './extension-editors.ts';
import { checksFieldAndDocument, checksHarper, checksSuggestions } from './checks-speed.ts';
import { syncLatency } from './sync-latency.ts';
import { editToScreen } from './edit-to-screen.ts';
import { reportConnections } from './report-connections.ts';
import { relayCluster } from './cluster.ts';
import { suggestionsAcceptAll } from './suggestions.ts';
import { historyDiff } from './history-diff.ts';
import { overviews } from './overviews.ts';
import { progressOverviewSpeed } from './progress-overview.ts';
import { desks } from './desks.ts';

const benchmarks: [string, () => Promise<string>][] = [
  ['sync latency', syncLatency],
  ['home page', homePage],
  ['relay load', relayLoad],
  ['relay cold sync', relayColdSync],
  ['relay idle memory', relayIdleMemory],
  ['relay cluster', relayCluster],
  ['checks: field and document', checksFieldAndDocument],
  ['checks: suggestions', checksSuggestions],
  ['checks: Harper grammar', checksHarper],
  ['checks: in the app', checksInTheApp],
  ['edit to screen', editToScreen],
  ['report connections', reportConnections],
  ['extension: checks on a page', extensionChecks],
  ['suggestions: accept all', suggestionsAcceptAll],
  ['extension: each editor', extensionEditors],
  ['history: diff of two versions', historyDiff],
  ['overviews: coaching and observation plan', overviews],
  ['progress overview', progressOverviewSpeed],
  ['desks: first page of each with 20,000 reports', desks],
];

// `npm run bench -- <words>` runs only the benchmarks whose names contain those words.
const wanted = process.argv.slice(2).join(' ').toLowerCase();
for (const [name, run] of benchmarks.filter(([name]) => name.toLowerCase().includes(wanted))) {
  try {
    console.log(`${name}: ${await run()}`);
  } catch (error) {
    console.log(`${name}: could not run (${error instanceof Error ? error.message : String(error)})`);
    process.exitCode = 1;
  }
}
