import type { Kysely } from 'kysely';
import type { Task } from '../../shared/domain';
import type { Database } from '../schema';
import { ensureUnits } from './directory';

export async function listTasks(db: Kysely<Database>, projectId: number): Promise<Task[]> {
  const rows = await db.selectFrom('tasks').select(['id', 'projectId', 'seq', 'title', 'goal', 'deadline']).where('projectId', '=', projectId).orderBy('seq').execute();
  const units = await db
    .selectFrom('taskUnits')
    .innerJoin('tasks', 'tasks.id', 'taskUnits.taskId')
    .innerJoin('units', 'units.id', 'taskUnits.unitId')
    .select(['taskUnits.taskId', 'units.name'])
    .where('tasks.projectId', '=', projectId)
    .where('taskUnits.role', '=', 'lead')
    .orderBy('taskUnits.position')
    .execute();
  return rows.map((row) => ({ ...row, leadUnits: units.filter((u) => u.taskId === row.id).map((u) => u.name) }));
}

export async function getTask(db: Kysely<Database>, id: number): Promise<Task | undefined> {
  const row = await db.selectFrom('tasks').select('projectId').where('id', '=', id).executeTakeFirst();
  return row && (await listTasks(db, row.projectId)).find((t) => t.id === id);
}

type TaskFields = Pick<Task, 'title' | 'goal' | 'deadline' | 'leadUnits'>;

export async function saveTaskRow(db: Kysely<Database>, projectId: number, id: number | undefined, fields: TaskFields, now: string): Promise<number> {
  const { leadUnits, ...columns } = fields;
  let taskId = id;
  if (taskId === undefined) {
    const { max } = await db.selectFrom('tasks').select((eb) => eb.fn.max<number | null>('seq').as('max')).where('projectId', '=', projectId).executeTakeFirstOrThrow();
    taskId = (await db.insertInto('tasks').values({ ...columns, projectId, seq: (max ?? 0) + 1, createdAt: now, updatedAt: now }).returning('id').executeTakeFirstOrThrow()).id;
  } else {
    await db.updateTable('tasks').set({ ...columns, updatedAt: now }).where('id', '=', taskId).execute();
  }
  await db.deleteFrom('taskUnits').where('taskId', '=', taskId).execute();
  const unitIds = [...new Set(await ensureUnits(db, leadUnits, now))];
  if (unitIds.length) await db.insertInto('taskUnits').values(unitIds.map((unitId, position) => ({ taskId: taskId, unitId, role: 'lead' as const, position }))).execute();
  return taskId;
}

export async function deleteTaskRow(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('tasks').where('id', '=', id).execute();
}
