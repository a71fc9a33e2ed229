import { describeStorage } from './contract.ts';
import { openMemoryStore } from './memory.ts';

describeStorage('memory', async () => openMemoryStore());
