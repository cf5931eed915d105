import type { Kysely } from 'kysely';
import type { StatedInput } from '../../shared/status/types';
import type { Database } from '../schema';
import { idList } from './created-log';

/** A period's stated completion of one project ("完成全年任务的43%"), as accepted at import. */
export interface StatedRow extends StatedInput {
  projectId: number;
  periodId: number;
  actor: string;
  updatedAt: string;
}

const columns = ['projectId', 'periodId', 'share', 'done', 'words', 'actor', 'updatedAt'] as const;

function toStated(row: { projectId: number; periodId: number; share: number | null; done: number; words: string; actor: string; updatedAt: string }): StatedRow {
  return { ...row, done: row.done === 1 };
}

/** Each project's stated completion in one period. */
export async function statedInPeriod(db: Kysely<Database>, periodId: number): Promise<Map<number, StatedRow>> {
  const rows = await db.selectFrom('statedCompletions').select(columns).where('periodId', '=', periodId).execute();
  return new Map(rows.map((r) => [r.projectId, toStated(r)]));
}

export async function statedOf(db: Kysely<Database>, projectId: number, periodId: number): Promise<StatedRow | null> {
  const row = await db.selectFrom('statedCompletions').select(columns).where('projectId', '=', projectId).where('periodId', '=', periodId).executeTakeFirst();
  return row ? toStated(row) : null;
}

export async function deleteStated(db: Kysely<Database>, projectId: number, periodId: number): Promise<void> {
  await db.deleteFrom('statedCompletions').where('projectId', '=', projectId).where('periodId', '=', periodId).execute();
}

/** The statements of many projects in one period (an import's undo). */
export async function deleteStatedOf(db: Kysely<Database>, projectIds: readonly number[], periodId: number): Promise<void> {
  await db.deleteFrom('statedCompletions').where('periodId', '=', periodId).where('projectId', 'in', idList(projectIds)).execute();
}

/** Puts back a statement an undone import had replaced, with its author and time. */
export async function restoreStated(db: Kysely<Database>, row: StatedRow): Promise<void> {
  await deleteStated(db, row.projectId, row.periodId);
  await db
    .insertInto('statedCompletions')
    .values({ projectId: row.projectId, periodId: row.periodId, share: row.share, done: row.done ? 1 : 0, words: row.words, batchId: null, actor: row.actor, updatedAt: row.updatedAt })
    .execute();
}
