// Who "I" am in comments: a random id this device keeps for its person (so their own comments can be edited
// and deleted, and others' cannot), with the name they gave and the role of their link; or, with a signed-in
// member's token, their account's name and member id as the token says, which the relay checks (docs/protocol.md).
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

export function commentAuthor(name: string, role: Role, member?: { id: string; name: string }): CommentAuthor {
  return member
    ? { id: deviceAuthorId(), name: member.name, role, memberId: member.id }
    : { id: deviceAuthorId(), name, role };
}
