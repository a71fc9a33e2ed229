// What the checks remember on this device, in a small Dexie database of their own ("margin-checks"):
// the user's personal dictionary, the prompts dismissed in each report, and the last copy of the organisation's
// words (so they are accepted offline). Device-local on purpose: a dismissal is one writer's choice about advice,
// not part of the shared report, and the personal dictionary holds learners' names, which stay on the device like
// everything else Margin checks.
import Dexie, { type EntityTable } from 'dexie';

export interface PersonalWordRow {
  word: string;
  addedAt: string;
}

export interface DismissedPromptRow {
  reportId: string;
  /** rule, field and the text the prompt was about (see promptKey). */
  key: string;
  dismissedAt: string;
}

/** A word of the signed-in member's organisation, as the relay last sent it (organisation-words.ts). */
export interface OrganisationWordRow {
  word: string;
}

export class ChecksDatabase extends Dexie {
  personalWords!: EntityTable<PersonalWordRow, 'word'>;
  dismissedPrompts!: EntityTable<DismissedPromptRow, 'key'>;
  organisationWords!: EntityTable<OrganisationWordRow, 'word'>;

  constructor(name = 'margin-checks') {
    super(name);
    this.version(1).stores({ personalWords: 'word', dismissedPrompts: '[reportId+key], reportId' });
    this.version(2).stores({ organisationWords: 'word' });
  }
}

/** What identifies a prompt to dismiss: the same advice about the same words in the same field. */
export const promptKey = (rule: string, field: string, text: string) => `${rule}\u0000${field}\u0000${text.trim()}`;

export function createChecksStore(db = new ChecksDatabase()) {
  return {
    async personalWords(): Promise<string[]> {
      return (await db.personalWords.toArray()).map((row) => row.word);
    },
    async addPersonalWord(word: string): Promise<void> {
      await db.personalWords.put({ word, addedAt: new Date().toISOString() });
    },
    async removePersonalWord(word: string): Promise<void> {
      await db.personalWords.delete(word);
    },
    async organisationWords(): Promise<string[]> {
      return (await db.organisationWords.toArray()).map((row) => row.word);
    },
    /** Keeps this copy of the organisation's words in place of the last (none after signing out). */
    async replaceOrganisationWords(words: readonly string[]): Promise<void> {
      await db.transaction('rw', db.organisationWords, async () => {
        await db.organisationWords.clear();
        await db.organisationWords.bulkPut(words.map((word) => ({ word })));
      });
    },
    async dismissedPrompts(reportId: string): Promise<Set<string>> {
      return new Set((await db.dismissedPrompts.where('reportId').equals(reportId).toArray()).map((row) => row.key));
    },
    async dismissPrompt(reportId: string, key: string): Promise<void> {
      await db.dismissedPrompts.put({ reportId, key, dismissedAt: new Date().toISOString() });
    },
  };
}
export type ChecksStore = ReturnType<typeof createChecksStore>;
