import { sql, type RawBuilder } from 'kysely';
import type { BatchItem } from './import-batches';

/**
 * The rows an import writes where the ledger had none (progress, values and stated completions at a key with no
 * row, indicators it adds to a project already there) are logged one entry per kind and key, not one each: a
 * month's table of new progress for 20,000 projects wrote 20,000 entries, each with its JSON, and undoing it
 * deleted them one by one (issue #13). Undoing deletes what is at those keys, as it did entry by entry.
 *
 * Such an entry has `last_entity_id` set (a run of created projects has it too: migration 8): `entity_id` and
 * `last_entity_id` are the lowest and highest id it names, and `before_json` holds exactly which, as a bitmap
 * from `entity_id` in hex, four ids a digit, the lowest bit first: `{"periodId": 3, "unitId": null, "bits": "f7"}`
 * names entity_id + 0, 1, 2, 3 and + 4, 5, 6 (no key for indicators). Whether it names one id is then read
 * from one digit, which is how a project page asks (history.ts). Ids further apart than `gap` start an entry of
 * their own, so a bitmap never holds long runs of nothing.
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
      const rows: LogRow[] = [];
      for (const { entity, key, ids } of groups.values()) {
        for (const part of clusters(ids)) {
          const first = part[0]!;
          const last = part[part.length - 1]!;
          rows.push({ entity, entityId: first, lastEntityId: last, beforeJson: JSON.stringify({ ...key, bits: bitmap(part, first, last) }) });
        }
      }
      groups.clear();
      return rows;
    },
  };
}

/** Ids this far apart or more start another entry: a bitmap then holds at most 16 digits of nothing in a row. */
const gap = 64;

/** The ids, sorted and each once, cut where they are `gap` or more apart. */
function clusters(ids: readonly number[]): number[][] {
  const out: number[][] = [];
  let previous = -Infinity;
  for (const id of Float64Array.from(ids).sort()) {
    if (id === previous) continue;
    if (id - previous >= gap) out.push([]);
    out[out.length - 1]!.push(id);
    previous = id;
  }
  return out;
}

function bitmap(ids: readonly number[], first: number, last: number): string {
  const digits = new Uint8Array(Math.floor((last - first) / 4) + 1);
  for (const id of ids) digits[Math.floor((id - first) / 4)]! |= 1 << (id - first) % 4;
  return Array.from(digits, (d) => d.toString(16)).join('');
}

/** Whether a log entry is one `createdLog` wrote. */
export function isCreatedEntry(item: Pick<BatchItem, 'entity' | 'lastEntityId'>): boolean {
  return item.lastEntityId !== null && item.entity !== 'project';
}

/** The key and every id a `createdLog` entry names. */
export function createdOf(item: Pick<BatchItem, 'entity' | 'entityId' | 'beforeJson'>): CreatedEntry {
  const { periodId, unitId, bits } = JSON.parse(item.beforeJson ?? '{}') as Partial<CreatedKey> & { bits: string };
  const ids: number[] = [];
  for (let at = 0; at < bits.length; at++) {
    const digit = parseInt(bits[at]!, 16);
    for (let bit = 0; bit < 4; bit++) if (digit & (1 << bit)) ids.push(item.entityId + at * 4 + bit);
  }
  return { entity: item.entity as CreatedEntity, key: periodId === undefined ? null : { periodId, unitId: unitId ?? null }, ids };
}

/** SQL: whether the `createdLog` entry `i` names `id` (an expression of the outer query), read from its one digit. */
export const namesId = (id: RawBuilder<number> | number) => {
  // Bound numbers arrive as REAL: the offset must be an integer for / to divide whole.
  const offset = sql`(CAST(${id} AS INTEGER) - i.entity_id)`;
  return sql<boolean>`((instr('0123456789abcdef', substr(json_extract(i.before_json, '$.bits'), ${offset} / 4 + 1, 1)) - 1) >> (${offset} % 4)) & 1 = 1`;
};

/** `ids` as a list SQLite can look in: a JSON array read by json_each, so no bound on how many. */
export const idList = (ids: readonly number[]) => sql<number>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;
