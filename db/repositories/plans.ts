import type { Kysely, Updateable } from 'kysely';
import type { Plan, PlanSummary } from '../../shared/domain';
import type { Database, NewPlan, PlansTable } from '../schema';

/** A plan as the API shows it: every column but the deletion mark. */
const columns = ['plans.id', 'plans.year', 'plans.level', 'plans.name', 'plans.region', 'plans.startDate', 'plans.endDate', 'plans.createdAt', 'plans.updatedAt'] as const;

export async function listPlans(db: Kysely<Database>): Promise<PlanSummary[]> {
  return db
    .selectFrom('plans')
    .select(columns)
    .select((eb) =>
      eb
        .selectFrom('projects')
        .whereRef('projects.planId', '=', 'plans.id')
        .where('projects.deletedAt', 'is', null)
        .select(eb.fn.countAll<number>().as('n'))
        .as('projectCount'),
    )
    .where('plans.deletedAt', 'is', null)
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .execute() as Promise<PlanSummary[]>;
}

export async function getPlan(db: Kysely<Database>, id: number, options: { includeDeleted?: boolean } = {}): Promise<Plan | undefined> {
  let query = db.selectFrom('plans').select(columns).where('id', '=', id);
  if (!options.includeDeleted) query = query.where('deletedAt', 'is', null);
  return query.executeTakeFirst();
}

export async function findPlanByName(db: Kysely<Database>, year: number, name: string): Promise<Plan | undefined> {
  return db.selectFrom('plans').select(columns).where('year', '=', year).where('name', '=', name).where('deletedAt', 'is', null).executeTakeFirst();
}

/** A deleted plan of the same year and name gives way to the new one: it is removed for good. */
export async function insertPlan(db: Kysely<Database>, plan: NewPlan): Promise<Plan> {
  await db.deleteFrom('plans').where('year', '=', plan.year).where('name', '=', plan.name).where('deletedAt', 'is not', null).execute();
  return db.insertInto('plans').values(plan).returning(columns).executeTakeFirstOrThrow();
}

export async function updatePlanRow(db: Kysely<Database>, id: number, changes: Updateable<PlansTable>, now: string): Promise<Plan> {
  return db.updateTable('plans').set({ ...changes, updatedAt: now }).where('id', '=', id).returning(columns).executeTakeFirstOrThrow();
}

/** Marks a plan deleted (or, with null, restores it); its data stays for the undo. */
export async function setPlanDeleted(db: Kysely<Database>, id: number, deletedAt: string | null): Promise<void> {
  await db.updateTable('plans').set({ deletedAt }).where('id', '=', id).execute();
}

/** Whether any period of the plan has a sign-off on record (official records: the plan cannot be deleted). */
export async function hasSignOffs(db: Kysely<Database>, planId: number): Promise<boolean> {
  const row = await db
    .selectFrom('signOffs')
    .innerJoin('periods', 'periods.id', 'signOffs.periodId')
    .select('signOffs.id')
    .where('periods.planId', '=', planId)
    .executeTakeFirst();
  return row !== undefined;
}
