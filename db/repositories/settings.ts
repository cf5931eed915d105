import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export async function readSetting<T>(db: Kysely<Database>, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('settings').select('valueJson').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.valueJson) as T) : fallback;
}

export async function writeSetting(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const valueJson = JSON.stringify(value);
  await db.insertInto('settings').values({ key, valueJson }).onConflict((oc) => oc.column('key').doUpdateSet({ valueJson })).execute();
}
