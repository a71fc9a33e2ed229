// What an attacker with raw HTTP, websocket and Yjs clients tried (issue 17): headers on every answer, pages of
// other sites opening websockets, silent sockets and half-sent requests, one address opening connection after
// connection, a report filled past its quota, and words from a request or message reaching the log.
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { closeCodes, reconnectCodes } from '../shared/protocol/limits.ts';
import { TestSession, eventually, type RawSocket } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

function builtApp(): string {
  const appDir = session.folder();
  writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>Margin</title>');
  mkdirSync(join(appDir, 'assets'));
  writeFileSync(join(appDir, 'assets', 'checks.worker-1a2b.js'), 'self.onmessage = () => {};');
  return appDir;
}

function syncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness message with one entry whose state is `state` as it is (JSON or not). */
function awareness(client: number, state: string): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, client);
  encoding.writeVarUint(inner, 1);
  encoding.writeVarString(inner, state);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

/** Whether the socket is still open after `ms`. */
async function stillOpenAfter(socket: RawSocket, ms: number): Promise<boolean> {
  const outcome = await Promise.race([
    socket.closed.then(() => 'closed'),
    new Promise((resolve) => setTimeout(() => resolve('open'), ms)),
  ]);
  return outcome === 'open';
}

describe('headers', () => {
  it('give the app a strict policy: its own scripts and relay only, no framing, no referrer', async () => {
    const relay = await session.relay({ appDir: builtApp() });
    for (const path of ['/', '/report/abc', '/assets/checks.worker-1a2b.js']) {
      const headers = (await fetch(`${relay.url}${path}`)).headers;
      const policy = headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(policy).toContain("connect-src 'self' blob:");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('permissions-policy')).toContain('camera=()');
      expect(headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('put nosniff and a policy that runs nothing on every other answer, errors included', async () => {
    const relay = await session.relay({ appDir: builtApp() });
    const answers = [
      await fetch(`${relay.url}/healthz`),
      await fetch(`${relay.url}/metrics`),
      await fetch(`${relay.url}/api/reports/nothing-here/links`),
      await fetch(`${relay.url}/api/no-such-thing`),
      await fetch(`${relay.url}/api/setup`),
      await fetch(`${relay.url}/sync/report-1`),
      await fetch(`${relay.url}/missing.js`),
      await fetch(`${relay.url}/`, { method: 'POST' }),
    ];
    for (const answer of answers) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    }
    expect(answers[0].headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('ask browsers to keep to https (HSTS) when the app is served over https', async () => {
    const relay = await session.relay({ appDir: builtApp(), publicOrigin: 'https://margin.example.org' });
    for (const path of ['/', '/healthz']) {
      const headers = (await fetch(`${relay.url}${path}`)).headers;
      expect(headers.get('strict-transport-security')).toBe('max-age=31536000');
    }
  });
});

describe('the websocket upgrade', () => {
  it('closes a connection opened by a page of another site, before its token is looked at', async () => {
    const relay = await session.relay();
    const token = await session.token(relay, 'report-1');
    const socket = await session.socket(relay, `/sync/report-1?token=${token}`, { origin: 'https://evil.example' });
    const closed = await socket.closed;
    expect(closed.code).toBe(closeCodes.foreignOrigin);
    expect(closed.reason).toMatch(/not one of the relay’s own/);
    expect(socket.received).toHaveLength(0);
  });

  it('takes pages of its own origin, of origins it was told to allow, and programs that send no Origin', async () => {
    const relay = await session.relay({ allowedOrigins: ['https://reports.example.org'] });
    for (const origin of [`http://127.0.0.1:${relay.port}`, 'https://reports.example.org', undefined]) {
      const token = await session.token(relay, 'report-1');
      const socket = await session.socket(relay, `/sync/report-1?token=${token}`, origin ? { origin } : {});
      await eventually(() => expect(socket.received.length).toBeGreaterThan(0));
      expect(await stillOpenAfter(socket, 50)).toBe(true);
    }
  });

  it('refuses an origin on another port of the same host', async () => {
    const relay = await session.relay();
    const token = await session.token(relay, 'report-1');
    const origin = `http://127.0.0.1:${relay.port + 1}`;
    const socket = await session.socket(relay, `/sync/report-1?token=${token}`, { origin });
    expect((await socket.closed).code).toBe(closeCodes.foreignOrigin);
  });
});

describe('timeouts', () => {
  it('close a socket that sends nothing, so that it reconnects if it is still there', async () => {
    const relay = await session.relay({ limits: { silentSeconds: 0.4 } });
    const silent = await session.roomSocket(relay, 'report-1');
    const talking = await session.roomSocket(relay, 'report-1');
    const speaking = setInterval(() => talking.socket.send(awareness(77, '{"user":{"name":"Ann"}}')), 100);
    try {
      const closed = await silent.closed;
      expect(closed.code).toBe(reconnectCodes.silent);
      expect(closed.reason).toMatch(/Nothing arrived on this connection for 0.4 s/);
      expect(await stillOpenAfter(talking, 600)).toBe(true);
    } finally {
      clearInterval(speaking);
    }
  });

  it('end a request whose headers never finish', async () => {
    const relay = await session.relay({ timeouts: { headersMs: 300, requestMs: 1000 } });
    const socket = connect(relay.port, '127.0.0.1');
    const started = performance.now();
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    await new Promise((resolve) => socket.on('close', resolve));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(answer).toMatch(/^HTTP\/1.1 408/);
  });

  it('end a websocket upgrade whose headers never finish', async () => {
    const relay = await session.relay({ timeouts: { headersMs: 300, requestMs: 1000 } });
    const socket = connect(relay.port, '127.0.0.1');
    socket.write('GET /sync/report-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n');
    socket.on('data', () => {});
    await new Promise((resolve) => socket.on('close', resolve));
    expect(socket.destroyed).toBe(true);
  });
});

describe('connections from one address', () => {
  it('are refused past the limit with a reason, and taken again once one closes', async () => {
    const relay = await session.relay({ limits: { connectionsPerAddress: 2 } });
    const first = await session.roomSocket(relay, 'report-1');
    await session.roomSocket(relay, 'report-2');
    const third = await session.roomSocket(relay, 'report-3');
    const closed = await third.closed;
    expect(closed.code).toBe(closeCodes.tooManyConnections);
    expect(closed.reason).toMatch(/Too many connections from this network address \(the relay takes 2\)/);
    first.socket.close();
    await first.closed;
    const fourth = await session.roomSocket(relay, 'report-4');
    await eventually(() => expect(fourth.received.length).toBeGreaterThan(0));
    expect(await stillOpenAfter(fourth, 50)).toBe(true);
  });
});

describe('a report’s quota', () => {
  it('closes the sender past it; honest people still open and sync the report', async () => {
    const relay = await session.relay({ limits: { contentBytes: 100_000 } });
    const honest = await session.provider(relay, 'report-1');
    honest.doc.getText('notes').insert(0, 'Kept words');
    const attacker = await session.roomSocket(relay, 'report-1', 'tutor');
    const filler = new Y.Doc();
    for (let i = 0; i < 5; i++) {
      const before = Y.encodeStateVector(filler);
      filler.getText(`stuffing${i}`).insert(0, 'x'.repeat(30_000));
      attacker.socket.send(syncUpdate(Y.encodeStateAsUpdate(filler, before)));
    }
    const closed = await attacker.closed;
    expect(closed.code).toBe(closeCodes.reportFull);
    expect(closed.reason).toBe('This report is full. It may keep 0.1 MB; nothing more can be added.');

    const reader = await session.provider(relay, 'report-1', { role: 'reviewer' });
    await eventually(() => expect(reader.doc.getText('notes').toString()).toBe('Kept words'));
    const kept = Y.encodeStateAsUpdate(reader.doc).byteLength;
    expect(kept).toBeLessThanOrEqual(100_000);
    expect(reader.wsconnected && honest.wsconnected).toBe(true);
  });

  it('counts what a report holds, not every change that passed through it', async () => {
    const relay = await session.relay({ limits: { contentBytes: 100_000 } });
    const writer = await session.provider(relay, 'report-1');
    const notes = writer.doc.getText('notes');
    // Twelve times 30 kB written and deleted: 360 kB of changes, a few bytes of report.
    for (let i = 0; i < 12; i++) {
      notes.insert(0, 'y'.repeat(30_000));
      notes.delete(0, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    notes.insert(0, 'Still here');
    const reader = await session.provider(relay, 'report-1', { role: 'reviewer' });
    await eventually(() => expect(reader.doc.getText('notes').toString()).toBe('Still here'));
    expect(writer.wsconnected).toBe(true);
  });

  it('is the comments room’s own, smaller quota there', async () => {
    const relay = await session.relay({ limits: { commentsBytes: 20_000, contentBytes: 1_000_000 } });
    const attacker = await session.roomSocket(relay, 'report-1/comments', 'reviewer');
    const filler = new Y.Doc();
    filler.getText('stuffing').insert(0, 'z'.repeat(25_000));
    attacker.socket.send(syncUpdate(Y.encodeStateAsUpdate(filler)));
    const closed = await attacker.closed;
    expect(closed.code).toBe(closeCodes.reportFull);
    expect(closed.reason).toMatch(/^This report is full. Its comments may keep 0.0 MB/);
  });
});

describe('the log', () => {
  it('keeps nothing of a token put in the path, nor of a message’s text', async () => {
    const relay = await session.relay();
    const token = await session.token(relay, 'report-1');
    const inPath = await session.socket(relay, `/sync/report-1/${token}`);
    await inPath.closed;
    const sender = await session.roomSocket(relay, 'report-1');
    sender.socket.send(awareness(5, 'secret words of the tutor'));
    expect((await sender.closed).code).toBe(closeCodes.malformedMessage);
    const logged = JSON.stringify(relay.logged.lines());
    expect(logged).toContain('closed a connection');
    expect(logged).not.toContain(token.slice(0, 20));
    expect(logged).not.toContain('secret');
    expect(logged).not.toContain('words of');
  });
});
