// Who "I" am in comments: a random id this device keeps for its person (so their own comments can be edited
// and deleted, and others' cannot), with the name they gave and the role of their link. The relay does not
// check authorship: anyone who may write comments could rewrite the document with another program.
import type { CommentAuthor } from '../../../shared/doc/comments.ts';
import type { Role } from '../../../shared/protocol/roles.ts';

const storageKey = 'margin-comment-author';

export function deviceAuthorId(): string {
  let id = localStorage.getItem(storageKey);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(storageKey, id);
  }
  return id;
}

export function commentAuthor(name: string, role: Role): CommentAuthor {
  return { id: deviceAuthorId(), name, role };
}
