import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * Resolves unit names to ids, through aliases, creating the units not yet known.
 * Names must already be normalized (shared/names).
 */
export async function ensureUnits(db: Kysely<Database>, names: readonly string[], now: string): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const known =
      (await db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirst()) ??
      (await db.selectFrom('unitAliases').select('unitId as id').where('alias', '=', name).executeTakeFirst());
    ids.push(
      known?.id ??
        (await db.insertInto('units').values({ name, createdAt: now }).returning('id').executeTakeFirstOrThrow()).id,
    );
  }
  return ids;
}

export async function ensurePeople(db: Kysely<Database>, names: readonly string[], now: string): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const known = await db.selectFrom('people').select('id').where('name', '=', name).executeTakeFirst();
    ids.push(
      known?.id ??
        (await db.insertInto('people').values({ name, createdAt: now }).returning('id').executeTakeFirstOrThrow()).id,
    );
  }
  return ids;
}
