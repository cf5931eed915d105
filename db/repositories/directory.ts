import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * Name → id, remembered for the life of one transaction: an import resolves the same few units thousands of
 * times. Outside a transaction nothing is remembered, so a merge or rename is never hidden by a stale entry.
 */
const remembered = new WeakMap<Kysely<Database>, { units: Map<string, number>; people: Map<string, number> }>();

function memo(db: Kysely<Database>, kind: 'units' | 'people'): Map<string, number> | null {
  if (!db.isTransaction) return null;
  let maps = remembered.get(db);
  if (!maps) remembered.set(db, (maps = { units: new Map(), people: new Map() }));
  return maps[kind];
}

/**
 * Resolves unit names to ids, through aliases, creating the units not yet known.
 * Names must already be normalized (shared/names).
 */
export async function ensureUnits(db: Kysely<Database>, names: readonly string[], now: string): Promise<number[]> {
  const cache = memo(db, 'units');
  const ids: number[] = [];
  for (const name of names) {
    let id = cache?.get(name);
    if (id === undefined) {
      const known =
        (await db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirst()) ??
        (await db.selectFrom('unitAliases').select('unitId as id').where('alias', '=', name).executeTakeFirst());
      id = known?.id ?? (await db.insertInto('units').values({ name, createdAt: now }).returning('id').executeTakeFirstOrThrow()).id;
      cache?.set(name, id);
    }
    ids.push(id);
  }
  return ids;
}

export async function ensurePeople(db: Kysely<Database>, names: readonly string[], now: string): Promise<number[]> {
  const cache = memo(db, 'people');
  const ids: number[] = [];
  for (const name of names) {
    let id = cache?.get(name);
    if (id === undefined) {
      const known = await db.selectFrom('people').select('id').where('name', '=', name).executeTakeFirst();
      id = known?.id ?? (await db.insertInto('people').values({ name, createdAt: now }).returning('id').executeTakeFirstOrThrow()).id;
      cache?.set(name, id);
    }
    ids.push(id);
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

/** For the given names, those that are aliases, mapped to their unit's name (one query for a whole table). */
export async function aliasNames(db: Kysely<Database>, names: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(names)];
  const map = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('unitAliases')
      .innerJoin('units', 'units.id', 'unitAliases.unitId')
      .select(['unitAliases.alias', 'units.name'])
      .where('unitAliases.alias', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const row of rows) map.set(row.alias, row.name);
  }
  return map;
}
