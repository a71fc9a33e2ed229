// The connections open with each token, so a revoked token's connections close at once, a token cannot be
// used from more places than the limit allows, and a connection closes when its token expires. A revocation is
// told to the other relay nodes (relay/cluster/), which close that token's connections too. Likewise every
// connection opened with a token made for a member closes when that member is removed, here and on the others.
// A report's own link, once the report is registered, speaks for its owner on the connections already open with it.
import { closeCodes } from '../shared/protocol/limits.ts';
import { type Holder, refusals } from './auth.ts';
import type { Peer } from './peer.ts';
import type { MemberRecord } from './storage/organisations.ts';

/** Longest a timer can wait in Node (about 24.8 days); an expiry further off is checked again then. */
const maxTimerMs = 2 ** 31 - 1;

export class LiveLinks {
  private readonly byToken = new Map<string, Set<Peer>>();
  private readonly expiryTimers = new Map<Peer, NodeJS.Timeout>();

  constructor(
    private readonly connectionsPerToken: number,
    private readonly tellOthers: (jti: string) => void = () => undefined,
    private readonly tellOthersOfRemoval: (memberId: string) => void = () => undefined,
    private readonly tellOthersOfOwner: (jti: string, memberId: string) => void = () => undefined,
  ) {}

  /** Counts a connection against its token; false (and the connection closed) when the token is open in too many places. */
  add(peer: Peer): boolean {
    const access = peer.access!;
    const peers = this.byToken.get(access.jti) ?? new Set<Peer>();
    if (peers.size >= this.connectionsPerToken) {
      peer.close(
        closeCodes.tooManyConnections,
        `This link is open in ${peers.size} places already, the most the relay allows. Close some and try again.`,
      );
      return false;
    }
    peers.add(peer);
    this.byToken.set(access.jti, peers);
    this.closeAtExpiry(peer, access.exp * 1000);
    return true;
  }

  remove(peer: Peer): void {
    clearTimeout(this.expiryTimers.get(peer));
    this.expiryTimers.delete(peer);
    const jti = peer.access?.jti;
    const peers = jti ? this.byToken.get(jti) : undefined;
    if (!peers?.delete(peer)) return;
    if (peers.size === 0) this.byToken.delete(jti!);
  }

  /** Closes every connection open with a token that has just been revoked, here and on the other nodes. */
  revoked(jti: string): number {
    this.tellOthers(jti);
    return this.revokedElsewhere(jti);
  }

  /** Closes this node's connections with a token another node revoked. */
  revokedElsewhere(jti: string): number {
    const peers = [...(this.byToken.get(jti) ?? [])];
    peers.forEach((peer) => {
      peer.close(refusals.linkWithdrawn.code, refusals.linkWithdrawn.reason);
      this.remove(peer);
    });
    return peers.length;
  }

  /** The tokens with connections open here, to check again after revocations may have been missed. */
  tokens(): string[] {
    return [...this.byToken.keys()];
  }

  /** Closes every connection open with a token made for a member who has just been removed, here and on the other nodes. */
  memberRemoved(memberId: string): number {
    this.tellOthersOfRemoval(memberId);
    return this.memberRemovedElsewhere(memberId);
  }

  /** Closes this node's connections with tokens made for a member removed on another node (or from a shell). */
  memberRemovedElsewhere(memberId: string): number {
    const peers = [...this.byToken.values()].flatMap((each) =>
      [...each].filter((peer) => holderMember(peer.access) === memberId),
    );
    peers.forEach((peer) => {
      peer.close(refusals.memberRemoved.code, refusals.memberRemoved.reason);
      this.remove(peer);
    });
    return peers.length;
  }

  /**
   * A report was registered with the link `jti` as its owner's own (auth.ts, checkAccess): the connections open with
   * it, here and on the other nodes, carry the owner's account from now on, as a connection opened now would. The
   * device that made the report is usually connected before its registration is done; without this, what it said
   * in its owner's name was refused until it happened to reconnect.
   */
  linkOwned(jti: string, owner: MemberRecord): number {
    this.tellOthersOfOwner(jti, owner.id);
    return this.linkOwnedElsewhere(jti, owner);
  }

  /** Gives this node's connections with `jti` the account of the owner another node registered its report for. */
  linkOwnedElsewhere(jti: string, owner: MemberRecord): number {
    const peers = [...(this.byToken.get(jti) ?? [])].filter((peer) => peer.access && !peer.access.member);
    peers.forEach((peer) => (peer.access = { ...peer.access!, account: owner }));
    return peers.length;
  }

  /** The members with connections open here, to check again after a removal may have been missed. */
  members(): string[] {
    const members = new Set<string>();
    for (const peers of this.byToken.values())
      for (const peer of peers) {
        const member = holderMember(peer.access);
        if (member) members.add(member);
      }
    return [...members];
  }

  private closeAtExpiry(peer: Peer, expiresAt: number): void {
    const wait = expiresAt - Date.now();
    const timer = setTimeout(
      () => {
        if (wait > maxTimerMs) return this.closeAtExpiry(peer, expiresAt);
        peer.close(refusals.linkExpired.code, refusals.linkExpired.reason);
        this.remove(peer);
      },
      Math.max(0, Math.min(wait, maxTimerMs)),
    );
    timer.unref();
    this.expiryTimers.set(peer, timer);
  }
}

/** The member whose connection this is: a member's token's, or the owner's for the owner's own link of their report. */
const holderMember = (access: Holder | undefined): string | undefined => access?.account?.id ?? access?.member;
