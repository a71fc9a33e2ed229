import { describeDocumentStore } from './contract.ts';
import { openMemoryStore } from './memory.ts';

describeDocumentStore('memory', async () => openMemoryStore());
