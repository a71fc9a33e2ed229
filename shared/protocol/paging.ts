// One page of a long list asked for in the address (`limit`, `offset`), checked the same way by every endpoint that
// pages (docs/protocol.md): each wrong value gets a sentence saying what is wanted.
import { z } from 'zod';

/** The page size, from 1 to `max`. */
export const pageLimit = (max: number) =>
  z.coerce
    .number({ error: 'The page size (limit) is a whole number.' })
    .int('The page size (limit) is a whole number.')
    .min(1, 'The page size (limit) is at least 1.')
    .max(max, `The page size (limit) is at most ${max}.`);

/** How many of the list come before the page: 0 or more. */
export const pageOffset = z.coerce
  .number({ error: 'The offset is a whole number.' })
  .int('The offset is a whole number.')
  .min(0, 'The offset is 0 or more.');

/** A desk's page: `limit` defaults to `size`, `offset` to 0. */
export const deskPageQuery = (size: number, max: number) =>
  z.object({ limit: pageLimit(max).default(size), offset: pageOffset.default(0) });

/** The page of `items` the query asks for, with how many there are in all and the next page's offset while any are left. */
export function pageOf<T>(items: readonly T[], page: { limit: number; offset: number }) {
  const rows = items.slice(page.offset, page.offset + page.limit);
  const next = page.offset + rows.length;
  return { rows, total: items.length, offset: page.offset, ...(next < items.length ? { next } : {}) };
}
