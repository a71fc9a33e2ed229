import Database from 'better-sqlite3';
import { describeStorage, refuseErasureOf } from './contract.ts';
import { openMemoryStore } from './memory.ts';

describeStorage(
  'memory',
  async () => openMemoryStore(),
  async (reportId) => {
    const records = new Database(':memory:');
    const store = openMemoryStore(records);
    records.exec(refuseErasureOf.sqlite(reportId));
    return store;
  },
);
