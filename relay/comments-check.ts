// The relay's check of a change to a report's comments room (docs/doc-format.md, "Comments"): the room holds threads of
// comments and the parts each kind writes there (shared/reports/registry.ts, commentsRoomParts), nothing else; a thread
// is never removed, nor a comment taken out of its thread (deleting one empties it and keeps its place); every thread a
// change touches still reads as a thread; a map part holds strings only, a text part only paragraphs of text (its items
// are looked at in the part, not in the update, which names no part for an item placed after another). And the role the
// relay vouches for (the connection's link) is the one a change speaks in: a new comment's author, who resolved or
// reopened a thread, and whose comment is edited or deleted must all have the sender's role, and no comment's author
// changes, so a mentor's link cannot post as the tutor nor rewrite or delete the tutor's comment. Suggested edits
// (`suggestions`) are kept the same way: never removed, each still reading as one, made open in its author's name,
// revised or withdrawn by its author alone while open, accepted or rejected only by a role that writes the content
// (and in that person's name), and never changed again once decided.
//
// A change is tried on a shadow of the room's document, so the room's own document only ever takes changes
// that pass; a refused change leaves the shadow to be made again from the room's document.
import * as Y from 'yjs';
import { commentTextLimit, Thread } from '../shared/doc/comments.ts';
import { changeRefusedPrefix } from '../shared/protocol/limits.ts';
import { Suggestion } from '../shared/doc/suggestions.ts';
import { powers, type Role } from '../shared/protocol/roles.ts';
import { commentsRoomParts } from '../shared/reports/registry.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import { encodeIntegrated } from './document-copies.ts';

/** Why a change was refused, for its sender and the log: fixed wording, never words from the change itself. */
export const commentsRefusals = {
  otherData: `${changeRefusedPrefix}the comments hold only threads and the report’s own parts, not other data.`,
  threadRemoved: `${changeRefusedPrefix}a thread cannot be removed or replaced; resolve it instead.`,
  commentRemoved: `${changeRefusedPrefix}a comment cannot be taken out of its thread; deleting it keeps its place.`,
  notAThread: `${changeRefusedPrefix}a thread must have its field, anchor, quote, time and at least one comment.`,
  commentTooLong: `${changeRefusedPrefix}a comment can be at most ${commentTextLimit.toLocaleString('en-GB')} characters.`,
  emptyComment: `${changeRefusedPrefix}a comment that is not deleted needs some words.`,
  repeatedComment: `${changeRefusedPrefix}two comments of a thread cannot share an id.`,
  notText: `${changeRefusedPrefix}this part of the comments holds words only.`,
  notYourRole: `${changeRefusedPrefix}a comment speaks in the role of the link it was sent with; this one names another.`,
  notYourComment: `${changeRefusedPrefix}only comments written with your role’s link can be changed or deleted with it.`,
  notYourName: `${changeRefusedPrefix}you are signed in, so your comments carry your account’s name and member id; this one names someone else.`,
  notAMember: `${changeRefusedPrefix}a comment sent with a link carries no member id; sign in to write as a member.`,
  notYourLinksName: `${changeRefusedPrefix}this link was made for someone by name, so its comments carry that name; this one names someone else.`,
  notYourMembersComment: `${changeRefusedPrefix}a signed-in member’s comment can be changed or deleted only by that member.`,
  suggestionRemoved: `${changeRefusedPrefix}a suggestion cannot be removed or replaced; reject or withdraw it instead.`,
  notASuggestion: `${changeRefusedPrefix}a suggestion must have its field, anchor, words, author, time and state.`,
  suggestionNotOpen: `${changeRefusedPrefix}a new suggestion is open; only the report’s writers accept or reject it.`,
  suggestionDecided: `${changeRefusedPrefix}a suggestion accepted, rejected or withdrawn stays so, and its author, field and time never change.`,
  notYourSuggestion: `${changeRefusedPrefix}only its author revises or withdraws a suggestion.`,
  notAWriter: `${changeRefusedPrefix}only those who may change the report now accept or reject a suggestion.`,
} as const;

/**
 * Who the relay vouches a change comes from: the link's role, and for a member's token the account (its id and
 * name). None for a change not sent by a person (another relay node's).
 */
export interface Speaker {
  role: Role;
  account?: { id: string; name: string };
  /** The name in the speaker's token: a member's account's, or the person a share link was made for. */
  name?: string;
  /** Whether the report's content is locked now (no one may change it, so no one accepts or rejects a suggestion). */
  contentLocked?: boolean;
}

/** The name the relay vouches for: the account's, else the one a link was made for; none for an unnamed link. */
export const vouchedName = (speaker: Speaker): string | undefined => speaker.account?.name ?? speaker.name;

/**
 * A comment a change adds, as the relay's notifications need it: its thread, who wrote it (as the relay checked)
 * and the members who wrote in that thread before. Never its text.
 */
export interface WrittenComment {
  threadId: string;
  author: { name: string; role: string; memberId?: string };
  /** Member ids of everyone who has written in the thread, this comment's author included. */
  threadMembers: string[];
}

export class CommentsCheck {
  private shadow = new Y.Doc();

  constructor(
    private readonly doc: Y.Doc,
    private readonly parts: Readonly<Record<string, 'map' | 'text'>> = commentsRoomParts,
  ) {
    this.rebuild();
  }

  /** Takes an update the room's document took without being checked here (the relay's own, another node's). */
  follow(update: Uint8Array): void {
    Y.applyUpdate(this.shadow, update);
  }

  /**
   * Whether the room may take `update` from `speaker` (none: anyone's, as for a relay node); the refusal is the
   * reason to tell its sender. Taken, it gives the comments the change adds.
   */
  check(update: Uint8Array, speaker?: Speaker): Result<WrittenComment[], string> {
    const placed = this.placement(update);
    if (!placed.ok) return placed;
    const threads = this.shadow.getMap<unknown>('threads');
    const suggestions = this.shadow.getMap<unknown>('suggestions');
    const suggestionChanges = new Map<string, Map<string, unknown>>();
    const touched = new Set<string>();
    // What the change says in someone's name: new comments, edits or deletions of comments, a thread resolved.
    const written: Array<Y.Map<unknown>> = [];
    const edited: Array<Y.Map<unknown>> = [];
    const resolved: Array<Y.Map<unknown>> = [];
    let removal: string | undefined;
    const known = Y.decodeStateVector(Y.encodeStateVector(this.shadow));
    const isNew = (type: { _item: Y.Item | null }) =>
      !type._item || type._item.id.clock >= (known.get(type._item.id.client) ?? 0);
    const watch = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
      for (const event of events) {
        if (event.target === threads) {
          for (const [key, change] of event.changes.keys) {
            if (change.action !== 'add') removal ??= commentsRefusals.threadRemoved;
            touched.add(key);
            const thread = threads.get(key);
            const comments = thread instanceof Y.Map ? thread.get('comments') : undefined;
            if (comments instanceof Y.Array) written.push(...comments.toArray().filter(isMap));
          }
          continue;
        }
        touched.add(String(event.path[0]));
        if (event instanceof Y.YArrayEvent) {
          if (event.changes.delta.some((change) => change.delete)) removal ??= commentsRefusals.commentRemoved;
          for (const item of event.changes.added) written.push(...item.content.getContent().filter(isMap));
        } else if (event instanceof Y.YMapEvent && !isNew(event.target)) {
          const map = event.target as Y.Map<unknown>;
          if (event.path.length === 3) {
            if (event.keysChanged.has('author')) removal ??= commentsRefusals.notYourComment;
            edited.push(map);
          } else if (event.path.length === 1 && event.keysChanged.has('resolvedBy')) resolved.push(map);
        }
      }
    };
    // The parts the change reached, however deep: an item placed after another names no parent in the update.
    const reached = new Set<string>();
    const noteParts = (transaction: Y.Transaction) => {
      for (const type of transaction.changed.keys()) reached.add(this.partOf(type));
    };
    /** Each suggestion touched: its keys changed and what they held before (a new suggestion's "new" key is set). */
    const watchSuggestions = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
      for (const event of events) {
        if (event.target === suggestions) {
          for (const [key, change] of event.changes.keys) {
            if (change.action !== 'add') removal ??= commentsRefusals.suggestionRemoved;
            suggestionChanges.set(key, new Map([[newSuggestion, true]]));
          }
          continue;
        }
        const key = String(event.path[0]);
        const changes = suggestionChanges.get(key) ?? new Map<string, unknown>();
        suggestionChanges.set(key, changes);
        if (event.path.length !== 1 || !(event instanceof Y.YMapEvent)) {
          removal ??= commentsRefusals.notASuggestion;
          continue;
        }
        for (const [changed, change] of event.changes.keys)
          if (!changes.has(changed)) changes.set(changed, change.oldValue);
      }
    };
    threads.observeDeep(watch);
    suggestions.observeDeep(watchSuggestions);
    this.shadow.on('afterTransaction', noteParts);
    try {
      Y.applyUpdate(this.shadow, update);
    } finally {
      threads.unobserveDeep(watch);
      suggestions.unobserveDeep(watchSuggestions);
      this.shadow.off('afterTransaction', noteParts);
    }
    const suggested = suggestionProblem(suggestions, suggestionChanges);
    const signed = [
      ...written.map((comment) => personIn(comment, 'author')),
      ...resolved.map((thread) => personIn(thread, 'resolvedBy')),
      ...(suggested.ok ? suggested.value.signed : []),
    ];
    const authors = edited.map((comment) => personIn(comment, 'author'));
    const suggestionAuthors = suggested.ok ? suggested.value.authors : [];
    const problem =
      removal ??
      this.threadProblem(threads, touched) ??
      (suggested.ok ? undefined : suggested.problem) ??
      this.partProblem(reached) ??
      (speaker ? speakerProblem(signed, authors, suggestionAuthors, speaker) : undefined) ??
      (speaker &&
      suggested.ok &&
      suggested.value.decided &&
      (!powers[speaker.role].writeContent || speaker.contentLocked)
        ? commentsRefusals.notAWriter
        : undefined);
    if (!problem) return ok(written.flatMap(writtenComment));
    this.rebuild();
    return fail(problem);
  }

  /** Items placed straight into a root type: only in the known parts, each used as what it is. */
  private placement(update: Uint8Array): Result<WrittenComment[], string> {
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!(struct instanceof Y.Item) || typeof struct.parent !== 'string') continue;
      const shape = this.parts[struct.parent];
      if (!shape) return fail(commentsRefusals.otherData);
      const keyed = struct.parentSub !== null;
      if (shape === 'map' ? !keyed : keyed) return fail(commentsRefusals.otherData);
    }
    return ok([]);
  }

  private threadProblem(threads: Y.Map<unknown>, touched: Set<string>): string | undefined {
    for (const key of touched) {
      const map = threads.get(key);
      if (!(map instanceof Y.Map))
        return map === undefined ? commentsRefusals.threadRemoved : commentsRefusals.notAThread;
      const comments = map.get('comments');
      if (!(comments instanceof Y.Array) || !comments.toArray().every((comment) => comment instanceof Y.Map))
        return commentsRefusals.notAThread;
      const read = Thread.safeParse(map.toJSON());
      if (!read.success || read.data.id !== key) return commentsRefusals.notAThread;
      const ids = new Set<string>();
      for (const comment of read.data.comments) {
        if (comment.text.length > commentTextLimit) return commentsRefusals.commentTooLong;
        if (!comment.deleted && !comment.text.trim()) return commentsRefusals.emptyComment;
        if (ids.has(comment.id)) return commentsRefusals.repeatedComment;
        ids.add(comment.id);
      }
    }
    return undefined;
  }

  /** Whether a part the change reached is still what it is: a map of strings, or paragraphs of text. */
  private partProblem(reached: ReadonlySet<string>): string | undefined {
    for (const name of reached) {
      const shape = this.parts[name];
      if (name === 'threads' || name === 'suggestions' || !shape) continue;
      if (shape === 'text') {
        if (!this.shadow.getXmlFragment(name).toArray().every(isTextNode)) return commentsRefusals.notText;
        continue;
      }
      for (const value of this.shadow.getMap<unknown>(name).values())
        if (typeof value !== 'string') return commentsRefusals.otherData;
    }
    return undefined;
  }

  /** The name of the root type `type` is in. */
  private partOf(type: { _item: Y.Item | null }): string {
    let root = type;
    while (root._item) root = root._item.parent as { _item: Y.Item | null };
    for (const [name, shared] of this.shadow.share) if (shared === root) return name;
    return '';
  }

  private rebuild(): void {
    this.shadow.destroy();
    this.shadow = new Y.Doc();
    Y.applyUpdate(this.shadow, encodeIntegrated(this.doc));
  }
}

const isMap = (value: unknown): value is Y.Map<unknown> => value instanceof Y.Map;

/** A comment the change added, read once the change passed (so it is a comment of a thread), unless deleted. */
function writtenComment(comment: Y.Map<unknown>): WrittenComment[] {
  const thread = comment.parent?.parent;
  const threadId = thread?._item?.parentSub;
  if (!(thread instanceof Y.Map) || !threadId || comment.get('deleted') === true) return [];
  const comments = thread.get('comments');
  const authors = comments instanceof Y.Array ? comments.toArray().filter(isMap) : [];
  const author = (comment.get('author') ?? {}) as WrittenComment['author'];
  const threadMembers = authors
    .map((each) => (each.get('author') as { memberId?: unknown } | undefined)?.memberId)
    .filter((memberId): memberId is string => typeof memberId === 'string');
  return [
    {
      threadId,
      author: {
        name: String(author.name ?? ''),
        role: String(author.role ?? ''),
        ...(typeof author.memberId === 'string' ? { memberId: author.memberId } : {}),
      },
      threadMembers: [...new Set(threadMembers)],
    },
  ];
}

/** Free text is elements holding elements or text, as Tiptap writes it; no other type, no bare characters. */
const isTextNode = (node: unknown): boolean =>
  node instanceof Y.XmlText || (node instanceof Y.XmlElement && node.toArray().every(isTextNode));

type Person = { role?: unknown; name?: unknown; memberId?: unknown };

const personIn = (map: Y.Map<unknown>, key: string) => (map.get(key) ?? {}) as Person;

/** Marks a suggestion added by the change, in its list of changed keys. */
const newSuggestion = Symbol('new suggestion') as unknown as string;

/** Keys a suggestion's author may change while it is open. */
const revisable = new Set(['insert', 'anchor', 'quote', 'editedAt']);
/** Keys set when it is decided, together. */
const decision = new Set(['state', 'decidedBy', 'decidedAt']);

/**
 * Whether every suggestion the change touched still reads as one and changed only as it may; its value is who the
 * change speaks for (new suggestions' authors, deciders), whose suggestions it revises or withdraws, and whether it
 * accepts or rejects one.
 */
function suggestionProblem(
  suggestions: Y.Map<unknown>,
  changes: Map<string, Map<string, unknown>>,
): Result<{ signed: Person[]; authors: Person[]; decided: boolean }, string> {
  const signed: Person[] = [];
  const authors: Person[] = [];
  let decided = false;
  for (const [key, changed] of changes) {
    const map = suggestions.get(key);
    if (!(map instanceof Y.Map))
      return fail(map === undefined ? commentsRefusals.suggestionRemoved : commentsRefusals.notASuggestion);
    const read = Suggestion.safeParse(map.toJSON());
    if (!read.success || read.data.id !== key) return fail(commentsRefusals.notASuggestion);
    const now = read.data;
    if (changed.has(newSuggestion)) {
      if (now.state !== 'open' || now.decidedBy || now.decidedAt) return fail(commentsRefusals.suggestionNotOpen);
      signed.push(now.author);
      continue;
    }
    const before = changed.has('state') ? changed.get('state') : now.state;
    const keys = [...changed.keys()];
    if (before !== 'open' || !keys.every((k) => revisable.has(k) || decision.has(k)))
      return fail(commentsRefusals.suggestionDecided);
    if (keys.some((k) => revisable.has(k))) authors.push(now.author);
    if (!keys.some((k) => decision.has(k))) continue;
    if (now.state === 'open' || !now.decidedBy || !now.decidedAt) return fail(commentsRefusals.suggestionDecided);
    signed.push(now.decidedBy);
    if (now.state === 'withdrawn') authors.push(now.author);
    else decided = true;
  }
  return ok({ signed, authors, decided });
}

/**
 * Whether everything the change says in someone's name is the sender's: in their link's role, and for a member, in
 * their account's name with their member id (a link names no member); a member's comment or suggestion is changed by
 * them alone.
 */
function speakerProblem(
  signed: Person[],
  edited: Person[],
  suggestionAuthors: Person[],
  speaker: Speaker,
): string | undefined {
  const { role, account } = speaker;
  const named = vouchedName(speaker);
  const names = (person: Person) =>
    account
      ? person.name === account.name && person.memberId === account.id
      : person.memberId === undefined && (named === undefined || person.name === named);
  if (signed.some((person) => person.role !== role)) return commentsRefusals.notYourRole;
  if (signed.some((person) => !names(person)))
    return account
      ? commentsRefusals.notYourName
      : signed.some((person) => person.memberId !== undefined)
        ? commentsRefusals.notAMember
        : commentsRefusals.notYourLinksName;
  if (edited.some((author) => author.role !== role)) return commentsRefusals.notYourComment;
  if (edited.some((author) => author.memberId !== undefined && author.memberId !== account?.id))
    return commentsRefusals.notYourMembersComment;
  const notAuthor = (author: Person) =>
    author.role !== role || (author.memberId !== undefined && author.memberId !== account?.id);
  if (suggestionAuthors.some(notAuthor)) return commentsRefusals.notYourSuggestion;
  return undefined;
}
