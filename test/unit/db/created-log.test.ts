import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createdLog, createdOf, namesId } from '../../../db/repositories/created-log';

/** The ids from 0 to `upTo` that `namesId` finds among the entries, asked in SQL id by id, as a project page asks. */
async function namedInSql(entries: ReturnType<ReturnType<typeof createdLog>['take']>, upTo: number): Promise<number[]> {
  const sqlite = new Sqlite(':memory:');
  sqlite.exec('CREATE TABLE i (entity_id INTEGER, last_entity_id INTEGER, before_json TEXT)');
  const add = sqlite.prepare('INSERT INTO i VALUES (?, ?, ?)');
  for (const e of entries) add.run(e.entityId, e.lastEntityId, e.beforeJson);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const found: number[] = [];
  for (let id = 0; id <= upTo; id++) {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM i WHERE entity_id <= ${id} AND last_entity_id >= ${id} AND ${namesId(id)}`.execute(db);
    if (rows[0]!.n > 0) found.push(id);
  }
  await db.destroy();
  return found;
}

describe('the log of rows an import created where there were none', () => {
  const ids = [7, 3, 4, 5, 3, 12, 200, 201, 203, 90, 1000];
  const log = createdLog();
  for (const id of ids) log.record('progress', id, { periodId: 2, unitId: null });
  log.record('progress', 4, { periodId: 2, unitId: 9 });
  log.record('indicator', 50, null);
  const entries = log.take();

  it('names exactly the ids recorded, once each, by kind and key, cut where they are far apart', () => {
    const named = entries.map((e) => ({ ...createdOf(e), first: e.entityId, last: e.lastEntityId }));
    expect(named).toEqual([
      { entity: 'progress', key: { periodId: 2, unitId: null }, ids: [3, 4, 5, 7, 12], first: 3, last: 12 },
      { entity: 'progress', key: { periodId: 2, unitId: null }, ids: [90], first: 90, last: 90 },
      { entity: 'progress', key: { periodId: 2, unitId: null }, ids: [200, 201, 203], first: 200, last: 203 },
      { entity: 'progress', key: { periodId: 2, unitId: null }, ids: [1000], first: 1000, last: 1000 },
      { entity: 'progress', key: { periodId: 2, unitId: 9 }, ids: [4], first: 4, last: 4 },
      { entity: 'indicator', key: null, ids: [50], first: 50, last: 50 },
    ]);
    expect(log.take()).toEqual([]);
  });

  it('answers in SQL, from one digit, whether an entry names an id', async () => {
    expect(await namedInSql(entries, 1100)).toEqual([3, 4, 5, 7, 12, 50, 90, 200, 201, 203, 1000]);
  });
});
