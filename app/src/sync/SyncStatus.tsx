import type { RelayState } from '../report-session/relay-connection.ts';

/** Says plainly where the report's latest changes are: on this device, and whether the relay has them. */
export function SyncStatus(props: { relay: RelayState; pending: number }) {
  const local = () => (props.pending > 0 ? 'Saving on this device…' : 'Saved on this device');
  const relay = () => {
    switch (props.relay.kind) {
      case 'connected':
        return props.relay.synced ? 'shared with the relay' : 'catching up with the relay…';
      case 'connecting':
        return 'waiting to sync: connecting to the relay…';
      case 'offline':
        return 'offline: changes will be shared when the connection returns';
      case 'refused':
        return `not shared: ${props.relay.reason}`;
    }
  };
  return (
    <p class="sync-status" role="status" data-relay={props.relay.kind} data-pending={props.pending}>
      {local()}; {relay()}
    </p>
  );
}
