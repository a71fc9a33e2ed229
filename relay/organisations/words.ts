// The organisation's words (docs/protocol.md, "The organisation's words"): a list administrators keep of
// learners', schools' and programme words, which every member's checker accepts, in the app and, handed on by the
// app, in the extension. With it come the names of the people in the reports the member may open (learners,
// teachers), read from the report directory, so nobody types them and nobody is sent names from reports they
// could not open.
import type { IncomingMessage } from 'node:http';
import { normalisePersonalWord } from '../../shared/checks/spelling/personal-dictionary.ts';
import { memberAccess } from '../../shared/protocol/member-access.ts';
import { AddWordRequest, organisationWordLimit, type OrganisationWords } from '../../shared/protocol/organisations.ts';
import { type ReportDirectory, scopesFor } from '../directory/report-directory.ts';
import type { MemberRecord } from '../storage/organisations.ts';
import type { Storage } from '../storage/store.ts';
import { memberFacts } from './member-facts.ts';
import { type Answer, orRefuse, Problem, readBody, signedInAdministrator, signedInMember } from './requests.ts';

interface WordsContext {
  store: Storage;
  /** Where the names in the member's reports are read from. */
  directory: ReportDirectory;
}

/** Names are read from at most this many of the member's reports, the most recently registered. */
export const namedReportsLimit = 300;

/** GET /api/organisation/words, for any signed-in member. */
export async function organisationWords(context: WordsContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  const [words, names] = await Promise.all([context.store.words(member.organisationId), namesFor(context, member)]);
  const body: OrganisationWords = {
    words: words.map(({ word, addedAt }) => ({ word, addedAt })),
    names,
  };
  return { status: 200, body };
}

/** POST /api/organisation/words `{ word }`, for administrators. */
export async function addOrganisationWord(context: WordsContext, request: IncomingMessage): Promise<Answer> {
  const admin = await signedInAdministrator(context, request);
  const word = orRefuse(normalisePersonalWord((await readBody(request, AddWordRequest)).word), 400);
  const kept = await context.store.words(admin.organisationId);
  if (kept.some((each) => each.word === word)) return { status: 200, body: { word } };
  if (kept.length >= organisationWordLimit)
    throw new Problem(
      409,
      `The organisation’s list holds at most ${organisationWordLimit.toLocaleString('en-GB')} words. Remove some first.`,
    );
  const at = new Date().toISOString();
  if (await context.store.addWord({ organisationId: admin.organisationId, word, addedBy: admin.id, addedAt: at }))
    await context.store.appendAudit({
      organisationId: admin.organisationId,
      at,
      actor: admin.id,
      action: 'word added',
      detail: { word },
    });
  return { status: 201, body: { word } };
}

/** DELETE /api/organisation/words/<word>, for administrators. */
export async function removeOrganisationWord(
  context: WordsContext,
  request: IncomingMessage,
  [encoded]: string[],
): Promise<Answer> {
  const admin = await signedInAdministrator(context, request);
  let word: string;
  try {
    word = decodeURIComponent(encoded!);
  } catch {
    throw new Problem(400, 'The word in this address is not written correctly.');
  }
  if (!(await context.store.removeWord(admin.organisationId, word)))
    throw new Problem(404, `“${word}” is not on your organisation’s list.`);
  await context.store.appendAudit({
    organisationId: admin.organisationId,
    at: new Date().toISOString(),
    actor: admin.id,
    action: 'word removed',
    detail: { word },
  });
  return { status: 200, body: { word } };
}

/** The names in the reports this member may open, one word each (so "Cy Okafor" gives Cy and Okafor). */
async function namesFor(context: WordsContext, member: MemberRecord): Promise<string[]> {
  const facts = await memberFacts(context.store, member);
  const rows = await context.directory.rows({ scopes: scopesFor(facts), order: 'newest', limit: namedReportsLimit });
  const names = new Set<string>();
  for (const row of rows) {
    if (!memberAccess(facts, row).ok || !row.content) continue;
    for (const name of [...row.content.learners, ...row.content.named])
      for (const part of name.split(/\s+/)) {
        const word = normalisePersonalWord(part);
        if (word.ok) names.add(word.value);
      }
  }
  return [...names].sort();
}
