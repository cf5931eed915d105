import type { Kysely, Updateable } from 'kysely';
import type { Plan, PlanSummary } from '../../shared/domain';
import type { Database, NewPlan, PlansTable } from '../schema';

export async function listPlans(db: Kysely<Database>): Promise<PlanSummary[]> {
  return db
    .selectFrom('plans')
    .selectAll('plans')
    .select((eb) =>
      eb
        .selectFrom('projects')
        .whereRef('projects.planId', '=', 'plans.id')
        .where('projects.deletedAt', 'is', null)
        .select(eb.fn.countAll<number>().as('n'))
        .as('projectCount'),
    )
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .execute() as Promise<PlanSummary[]>;
}

export async function getPlan(db: Kysely<Database>, id: number): Promise<Plan | undefined> {
  return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPlanByName(db: Kysely<Database>, year: number, name: string): Promise<Plan | undefined> {
  return db.selectFrom('plans').selectAll().where('year', '=', year).where('name', '=', name).executeTakeFirst();
}

export async function insertPlan(db: Kysely<Database>, plan: NewPlan): Promise<Plan> {
  return db.insertInto('plans').values(plan).returningAll().executeTakeFirstOrThrow();
}

export async function updatePlanRow(db: Kysely<Database>, id: number, changes: Updateable<PlansTable>, now: string): Promise<Plan> {
  return db.updateTable('plans').set({ ...changes, updatedAt: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
