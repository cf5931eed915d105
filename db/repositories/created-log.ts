import { sql } from 'kysely';
import type { BatchItem } from './import-batches';

/**
 * The rows an import writes where the ledger had none (progress, values and stated completions at a key with no
 * row, indicators it adds to a project already there) are logged one entry per kind and key, not one each: a
 * month's table of new progress for 20,000 projects wrote 20,000 entries, each with its JSON, and undoing it
 * deleted them one by one (issue #13). Undoing deletes what is at those keys, as it did entry by entry.
 *
 * Such an entry has `last_entity_id` set (a run of created projects has it too: migration 8): `entity_id` and
 * `last_entity_id` are the lowest and highest id it names, and `before_json` holds exactly which, as runs:
 * `{"periodId": 3, "unitId": null, "runs": [[1, 7], [9, 15]]}` (ids 1 to 7 and 9 to 15; no key for indicators).
 */
export type CreatedEntity = 'indicator' | 'progress' | 'value' | 'stated';

/** Where a created row is, besides its project (progress, stated) or indicator (value). */
export interface CreatedKey {
  periodId: number;
  unitId: number | null;
}

export interface CreatedEntry {
  entity: CreatedEntity;
  key: CreatedKey | null;
  ids: number[];
}

type LogRow = Pick<BatchItem, 'entity' | 'entityId' | 'lastEntityId' | 'beforeJson'>;

/** Collects the created rows of one import, to be logged at its end. */
export function createdLog() {
  const groups = new Map<string, CreatedEntry>();
  return {
    record(entity: CreatedEntity, id: number, key: CreatedKey | null): void {
      const name = key ? `${entity}\t${key.periodId}\t${key.unitId ?? ''}` : entity;
      let group = groups.get(name);
      if (!group) groups.set(name, (group = { entity, key: key && { periodId: key.periodId, unitId: key.unitId }, ids: [] }));
      group.ids.push(id);
    },
    /** The log entries for what was recorded since the last call. */
    take(): LogRow[] {
      const rows = [...groups.values()].map(({ entity, key, ids }): LogRow => {
        const runs = runsOf(ids);
        return { entity, entityId: runs[0]![0], lastEntityId: runs[runs.length - 1]![1], beforeJson: JSON.stringify({ ...key, runs }) };
      });
      groups.clear();
      return rows;
    },
  };
}

/** Whether a log entry is one `createdLog` wrote. */
export function isCreatedEntry(item: Pick<BatchItem, 'entity' | 'lastEntityId'>): boolean {
  return item.lastEntityId !== null && item.entity !== 'project';
}

/** The key and every id a `createdLog` entry names. */
export function createdOf(item: Pick<BatchItem, 'entity' | 'beforeJson'>): CreatedEntry {
  const { periodId, unitId, runs } = JSON.parse(item.beforeJson ?? '{}') as Partial<CreatedKey> & { runs: [number, number][] };
  const ids: number[] = [];
  for (const [first, last] of runs) for (let id = first; id <= last; id++) ids.push(id);
  return { entity: item.entity as CreatedEntity, key: periodId === undefined ? null : { periodId, unitId: unitId ?? null }, ids };
}

/** Sorted runs of consecutive ids, [first, last] each, covering exactly the ids given (at least one). */
export function runsOf(ids: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const id of Float64Array.from(ids).sort()) {
    const run = runs[runs.length - 1];
    if (run && id <= run[1] + 1) run[1] = id;
    else runs.push([id, id]);
  }
  return runs;
}

/** `ids` as a list SQLite can look in: a JSON array read by json_each, so no bound on how many. */
export const idList = (ids: readonly number[]) => sql<number>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;
