// Counters for /metrics, in Prometheus' text format: connections, rooms, messages and bytes each way,
// refusals by close code, refused changes, storage size and memory.
export interface Gauges {
  connections: number;
  rooms: number;
  storageBytes: number;
  /** Whether the store (PostgreSQL, SQLite) and the fan-out to other nodes (Redis) answer now. */
  storageReachable: boolean;
  fanOutReachable: boolean;
}

export class Metrics {
  messagesReceived = 0;
  bytesReceived = 0;
  messagesSent = 0;
  bytesSent = 0;
  /** Document updates not applied: from a read-only role, to a locked report, or to the status room. */
  changesRefused = 0;
  private readonly closes = new Map<number, number>();

  received(bytes: number): void {
    this.messagesReceived++;
    this.bytesReceived += bytes;
  }

  sent(bytes: number): void {
    this.messagesSent++;
    this.bytesSent += bytes;
  }

  closed(code: number): void {
    this.closes.set(code, (this.closes.get(code) ?? 0) + 1);
  }

  render(gauges: Gauges): string {
    const lines: string[] = [];
    const metric = (name: string, type: 'gauge' | 'counter', help: string, values: Array<[string, number]>) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of values) lines.push(`${name}${labels} ${value}`);
    };
    metric('margin_relay_connections', 'gauge', 'Open websocket connections.', [['', gauges.connections]]);
    metric('margin_relay_rooms', 'gauge', 'Rooms loaded in memory.', [['', gauges.rooms]]);
    metric('margin_relay_messages_received_total', 'counter', 'Websocket messages received.', [
      ['', this.messagesReceived],
    ]);
    metric('margin_relay_messages_sent_total', 'counter', 'Websocket messages sent.', [['', this.messagesSent]]);
    metric('margin_relay_bytes_received_total', 'counter', 'Bytes of websocket messages received.', [
      ['', this.bytesReceived],
    ]);
    metric('margin_relay_bytes_sent_total', 'counter', 'Bytes of websocket messages sent.', [['', this.bytesSent]]);
    metric('margin_relay_changes_refused_total', 'counter', 'Document updates the relay did not apply.', [
      ['', this.changesRefused],
    ]);
    metric(
      'margin_relay_connections_closed_total',
      'counter',
      'Connections the relay closed, by close code.',
      [...this.closes].sort(([a], [b]) => a - b).map(([code, count]) => [`{code="${code}"}`, count]),
    );
    metric('margin_relay_storage_bytes', 'gauge', 'Bytes the document store takes.', [['', gauges.storageBytes]]);
    metric('margin_relay_storage_reachable', 'gauge', '1 when the store (SQLite or PostgreSQL) answers.', [
      ['', Number(gauges.storageReachable)],
    ]);
    metric(
      'margin_relay_fanout_reachable',
      'gauge',
      '1 when the fan-out to other nodes (Redis) answers, or there is none.',
      [['', Number(gauges.fanOutReachable)]],
    );
    metric('margin_relay_resident_memory_bytes', 'gauge', 'Resident memory of the relay process.', [
      ['', process.memoryUsage.rss()],
    ]);
    return `${lines.join('\n')}\n`;
  }
}
