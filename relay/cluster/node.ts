// This node's part in a cluster of relay nodes: what the others say (statuses, revocations, removed members) applied here, what
// is done after messages may have been missed, and whether the store and the fan-out answer.
import type { LiveLinks } from '../live-links.ts';
import type { Log } from '../log.ts';
import type { ReportStatuses } from '../statuses.ts';
import type { Storage } from '../storage/store.ts';
import type { FanOut } from './fan-out.ts';

/**
 * What the other nodes say, applied here: statuses and revocations; and after messages may have been missed,
 * every status known and every token with connections here read again from the store (rooms catch up by themselves).
 */
export function joinCluster(
  fanOut: FanOut,
  { statuses, live, store, log }: { statuses: ReportStatuses; live: LiveLinks; store: Storage; log: Log },
): void {
  statuses.onChange((reportId, status, fromOtherNode) => {
    if (!fromOtherNode) fanOut.statusChanged(reportId, status);
  });
  fanOut.onStatusChanged((reportId, status) => statuses.set(reportId, status, true));
  fanOut.onRevoked((jti) => live.revokedElsewhere(jti));
  fanOut.onMemberRemoved((memberId) => live.memberRemovedElsewhere(memberId));
  fanOut.onLinkOwned((jti, memberId) => {
    store
      .member(memberId)
      .then((owner) => {
        if (!owner || owner.removedAt) return;
        const connections = live.linkOwnedElsewhere(jti, owner);
        log.info(
          { member: memberId, connections },
          'a report was registered on another node: its link speaks for its owner',
        );
      })
      .catch((error: unknown) =>
        log.error(
          { problem: error instanceof Error ? error.message : String(error) },
          'could not read the owner of a report registered on another node',
        ),
      );
  });
  fanOut.onCatchUp(() => {
    const revoked = live.tokens().map(async (jti) => (await store.isRevoked(jti)) && live.revokedElsewhere(jti));
    Promise.all([statuses.catchUp(), ...revoked, closeRemovedMembers(live, store)]).catch((error: unknown) =>
      log.error(
        { problem: error instanceof Error ? error.message : String(error) },
        'could not catch up from the store',
      ),
    );
  });
}

/**
 * Closes the connections of members removed meanwhile: after messages from other nodes may have been missed, and
 * every few seconds, since a member removed from a shell (`npm run admin`) is told to no relay.
 */
export async function closeRemovedMembers(live: LiveLinks, store: Storage): Promise<number> {
  const closed = await Promise.all(
    live.members().map(async (memberId) => {
      const member = await store.member(memberId);
      return !member || member.removedAt ? live.memberRemovedElsewhere(memberId) : 0;
    }),
  );
  return closed.reduce((sum, each) => sum + each, 0);
}

/** Whether this node's store and fan-out answer now, for /healthz and /metrics. */
export async function reachability(store: Storage, fanOut: FanOut) {
  const [storage, messages] = await Promise.all([store.reachable(), fanOut.reachable()]);
  return {
    storage: { engine: store.engine, reachable: storage },
    fanOut: { engine: fanOut.engine, reachable: messages },
  };
}
