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

/** Every known unit name, for suggestions while typing. */
export async function listUnitNames(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('units').select('name').orderBy('name').execute()).map((r) => r.name);
}

export async function listPeopleNames(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('people').select('name').orderBy('name').execute()).map((r) => r.name);
}

/** Names as the directory knows them: an alias becomes its unit's name, an unknown name stays as written. */
export async function canonicalUnitNames(db: Kysely<Database>, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const aliases = await db
    .selectFrom('unitAliases')
    .innerJoin('units', 'units.id', 'unitAliases.unitId')
    .select(['unitAliases.alias', 'units.name'])
    .where('unitAliases.alias', 'in', [...names])
    .execute();
  const byAlias = new Map(aliases.map((a) => [a.alias, a.name]));
  return [...new Set(names.map((n) => byAlias.get(n) ?? n))];
}
