import { relayColdSync, relayIdleMemory, relayLoad } from './relay-load.ts';
for (const run of [relayColdSync, relayIdleMemory, relayLoad]) {
  const t = performance.now();
  console.log(await run(), `[${((performance.now() - t) / 1000).toFixed(1)} s]`);
}
