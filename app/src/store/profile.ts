import { db } from './db.ts';

export async function loadName(): Promise<string | null> {
  return (await db.profile.get('me'))?.name ?? null;
}

export async function saveName(name: string): Promise<void> {
  await db.profile.put({ key: 'me', name: name.trim() });
}
