// Limits the relay enforces and the app respects.

/** Largest single websocket message the relay accepts (bytes). */
export const maxMessageBytes = 2 * 1024 * 1024;

/** Close codes the relay uses when it refuses or ends a connection (4400-4499 stop y-websocket retrying). */
export const closeCodes = {
  badRoom: 4400,
  malformedMessage: 4401,
  messageTooLarge: 4413,
} as const;

/** The path the relay serves websocket sync under: ws://HOST:PORT/sync/<room>. */
export const syncPath = '/sync';
