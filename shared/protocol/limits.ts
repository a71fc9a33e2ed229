// Limits the relay enforces and the app respects, and the close codes and reasons it ends connections with.

/** Largest single websocket message the relay accepts (bytes). */
export const maxMessageBytes = 2 * 1024 * 1024;

/**
 * Close codes for a refused or ended connection. y-websocket stops reconnecting on 4400-4499, so these are
 * for what reconnecting cannot fix; the reason that comes with each is meant to be shown to the person.
 */
export const closeCodes = {
  badRoom: 4400,
  malformedMessage: 4401,
  /** No token, or one this relay did not sign (forged, altered, or from another relay). */
  linkInvalid: 4402,
  /** The token's role may not open this room (a client and the comments, say). */
  notAllowed: 4403,
  /** The token names another report. */
  wrongReport: 4404,
  /** The role may read this report only in another status (a client before it is approved). */
  notReadableNow: 4409,
  /** The page that opened the connection is not one of the relay's own (nor an origin it was told to allow). */
  foreignOrigin: 4405,
  /** The token was revoked. */
  linkWithdrawn: 4410,
  messageTooLarge: 4413,
  /** The report's room keeps as much as a report may: nothing more is added to it. */
  reportFull: 4420,
  /** Too many open connections with one token, or from one address. */
  tooManyConnections: 4428,
  /** Too many messages a second on one connection. */
  tooManyMessages: 4429,
  /** The token's expiry has passed. */
  linkExpired: 4440,
  /** The organisation erased the report (a learner's erasure): a device holding a copy drops it. */
  reportErased: 4451,
} as const;

/** Close codes after which y-websocket reconnects by itself, which is what should happen. */
export const reconnectCodes = {
  /** The room could not load or save; the device keeps its changes and sends them again. */
  relayFailed: 1011,
  /** SIGTERM: the relay saved everything and is stopping; it is expected back. */
  relayRestarting: 1012,
  /** The connection did not read what the relay sent fast enough (4500-4599: "try again later"). */
  slowConsumer: 4503,
  /**
   * The connection sent a change that builds on changes the relay never received. The relay keeps none of it (it
   * would otherwise hold it, pending, where nobody can read it and anybody can fill memory with it); on reconnecting,
   * the device sends everything the relay lacks, in order.
   */
  missingDependencies: 4504,
  /** Nothing arrived on the connection for `silentSeconds` (the app sends its presence every 15 s). */
  silent: 4508,
} as const;

/** Reasons that go with the refusals above; the app shows them as they are. */
export const refusalReasons = {
  linkMissing: 'This address needs a share link. Open the link you were sent.',
  linkInvalid: 'This link is not valid here: it was not made by this relay, or it has been changed.',
  linkExpired: 'This link has expired. Ask the person who shared the report for a new one.',
  wrongReport: 'This link is for another report.',
  linkWithdrawn: 'This link has been withdrawn. Ask the person who shared the report for a new one.',
  memberRemoved: 'You are no longer a member of the organisation, so its reports are closed to you.',
  reportErased: 'This report was erased by your organisation.',
  readOnly: 'This link lets you read the report, not change, decide on or share it.',
  relayRestarting: 'The relay is restarting. Your changes are kept and will sync when it is back.',
} as const;

/**
 * Sent (as a y-protocols "permission denied" auth message, type 2) to a connection whose document update the
 * relay did not apply. The connection stays open; the device keeps the change and shows it to its author.
 */
export const changeRefusedPrefix = 'Changes not added: ';
export const changeRefusals = {
  locked: (statusLabel: string) =>
    `${changeRefusedPrefix}the report is ${statusLabel.toLowerCase()}, so it cannot change now.`,
  readOnly: `${changeRefusedPrefix}this link lets you read the report, not change it.`,
  /** A close reason (123 bytes at most): the device reconnects and sends its changes again, in order. */
  missingDependencies: 'A change arrived before the changes it builds on; reconnecting to send them in order',
} as const;

/** Whether a refused change was refused because the report is locked (submitted, approved or resubmitted). */
export function isLockedRefusal(reason: string): boolean {
  return reason.startsWith(`${changeRefusedPrefix}the report is `);
}

/** The defaults of the limits the relay is configured with (see README.md, "The relay"). */
export const defaultLimits = {
  /** Messages a second one connection may send, on average; bursts of twice this are allowed. */
  messagesPerSecond: 1000,
  /** Connections open at once with one token. */
  connectionsPerToken: 20,
  /** Bytes waiting to be sent to one connection before it counts as too slow and is closed to reconnect. */
  bufferedBytes: 16 * 1024 * 1024,
  /** Websocket connections open at once from one network address. */
  connectionsPerAddress: 1000,
  /** A connection that sends nothing for this long is closed (it reconnects if it is still there). */
  silentSeconds: 90,
  /** The most a report's content room may keep, in bytes (attachments of up to 1 MB live there). */
  contentBytes: 32 * 1024 * 1024,
  /** The most a report's comments room may keep, in bytes. */
  commentsBytes: 8 * 1024 * 1024,
} as const;

/** How long the relay waits for a request's headers, and for a whole request (not websockets), before ending it. */
export const requestTimeouts = { headersMs: 10_000, requestMs: 30_000 } as const;

/** The path the relay serves websocket sync under: ws://HOST:PORT/sync/<room>. */
export const syncPath = '/sync';
