import type { ExpressionBuilder, Kysely } from 'kysely';
import { idList } from './created-log';
import type { ProgressRecord } from '../../shared/domain';
import type { Database } from '../schema';

export async function getProgressRecord(db: Kysely<Database>, projectId: number, periodId: number): Promise<ProgressRecord> {
  const narratives = await db
    .selectFrom('progressReports')
    .leftJoin('units', 'units.id', 'progressReports.unitId')
    .select(['units.name as unit', 'progressReports.narrative', 'progressReports.actor', 'progressReports.updatedAt'])
    .where('progressReports.projectId', '=', projectId)
    .where('progressReports.periodId', '=', periodId)
    .orderBy('progressReports.unitId')
    .execute();
  const actuals = await db
    .selectFrom('indicatorValues')
    .innerJoin('indicators', 'indicators.id', 'indicatorValues.indicatorId')
    .leftJoin('units', 'units.id', 'indicatorValues.unitId')
    .select(['indicatorValues.indicatorId', 'units.name as unit', 'indicatorValues.actual', 'indicatorValues.sourceText'])
    .where('indicators.projectId', '=', projectId)
    .where('indicatorValues.periodId', '=', periodId)
    .orderBy('indicators.position')
    .execute();
  return { projectId, periodId, narratives, actuals };
}

export interface Keyed {
  periodId: number;
  unitId: number | null;
  actor: string;
  now: string;
}

export interface NarrativeRow {
  narrative: string;
  actor: string;
  updatedAt: string;
}

export interface ValueRow {
  actual: number | null;
  sourceText: string;
  actor: string;
  updatedAt: string;
}

const sameUnit = (unitId: number | null) => (eb: ExpressionBuilder<Database, 'progressReports' | 'indicatorValues'>) =>
  unitId === null ? eb('unitId', 'is', null) : eb('unitId', '=', unitId);

export interface ReportedNarrative extends NarrativeRow {
  projectId: number;
  /** The unit's name; null for the project as a whole. */
  unit: string | null;
}

export interface ReportedValue extends ValueRow {
  indicatorId: number;
  unitId: number | null;
}

/** Everything reported in one period, so a whole imported table is compared in two queries. */
export async function periodReports(db: Kysely<Database>, periodId: number): Promise<{ narratives: ReportedNarrative[]; values: ReportedValue[] }> {
  const narratives = await db
    .selectFrom('progressReports')
    .leftJoin('units', 'units.id', 'progressReports.unitId')
    .select(['progressReports.projectId', 'units.name as unit', 'progressReports.narrative', 'progressReports.actor', 'progressReports.updatedAt'])
    .where('progressReports.periodId', '=', periodId)
    .execute();
  const values = await db
    .selectFrom('indicatorValues')
    .select(['indicatorId', 'unitId', 'actual', 'sourceText', 'actor', 'updatedAt'])
    .where('periodId', '=', periodId)
    .execute();
  return { narratives, values };
}

export async function deleteNarrative(db: Kysely<Database>, projectId: number, periodId: number, unitId: number | null): Promise<void> {
  await db.deleteFrom('progressReports').where('projectId', '=', projectId).where('periodId', '=', periodId).where(sameUnit(unitId)).execute();
}

export async function deleteValue(db: Kysely<Database>, indicatorId: number, periodId: number, unitId: number | null): Promise<void> {
  await db.deleteFrom('indicatorValues').where('indicatorId', '=', indicatorId).where('periodId', '=', periodId).where(sameUnit(unitId)).execute();
}

/** The narratives of many projects in one period and unit (an import's undo). */
export async function deleteNarratives(db: Kysely<Database>, projectIds: readonly number[], key: { periodId: number; unitId: number | null }): Promise<void> {
  await db.deleteFrom('progressReports').where('periodId', '=', key.periodId).where(sameUnit(key.unitId)).where('projectId', 'in', idList(projectIds)).execute();
}

/** The values of many indicators in one period and unit (an import's undo). */
export async function deleteValues(db: Kysely<Database>, indicatorIds: readonly number[], key: { periodId: number; unitId: number | null }): Promise<void> {
  await db.deleteFrom('indicatorValues').where('periodId', '=', key.periodId).where(sameUnit(key.unitId)).where('indicatorId', 'in', idList(indicatorIds)).execute();
}

/** One narrative per project, period and unit: saving again replaces it. */
export async function saveNarrative(db: Kysely<Database>, projectId: number, narrative: string, key: Keyed, batchId: number | null = null): Promise<void> {
  await deleteNarrative(db, projectId, key.periodId, key.unitId);
  await db
    .insertInto('progressReports')
    .values({ projectId, periodId: key.periodId, unitId: key.unitId, narrative, batchId, actor: key.actor, updatedAt: key.now })
    .execute();
}

export async function saveActual(
  db: Kysely<Database>,
  indicatorId: number,
  actual: number | null,
  sourceText: string,
  key: Keyed,
  batchId: number | null = null,
): Promise<void> {
  await deleteValue(db, indicatorId, key.periodId, key.unitId);
  await db
    .insertInto('indicatorValues')
    .values({ indicatorId, periodId: key.periodId, unitId: key.unitId, actual, sourceText, batchId, actor: key.actor, updatedAt: key.now })
    .execute();
}

export interface LatestActual {
  actual: number;
  /** When it first reached 1 or more: the day a milestone was reported done. */
  firstDoneOn: string | null;
}

/**
 * Each indicator's latest reported value by `asOf`. Within that period a value for the project as a whole
 * wins; otherwise the units' values are added up (县城管局 and 县住建局 each report their share).
 */
export async function latestActuals(db: Kysely<Database>, planId: number, asOf: string): Promise<Map<number, LatestActual>> {
  const rows = await db
    .selectFrom('indicatorValues')
    .innerJoin('periods', 'periods.id', 'indicatorValues.periodId')
    .select(['indicatorValues.indicatorId', 'indicatorValues.unitId', 'indicatorValues.actual', 'periods.asOf'])
    .where('periods.planId', '=', planId)
    .where('periods.asOf', '<=', asOf)
    .where('indicatorValues.actual', 'is not', null)
    .orderBy('periods.asOf')
    .execute();
  const latest = new Map<number, { asOf: string; whole: number | null; units: number; firstDoneOn: string | null }>();
  for (const row of rows) {
    let entry = latest.get(row.indicatorId);
    if (!entry) latest.set(row.indicatorId, (entry = { asOf: row.asOf, whole: null, units: 0, firstDoneOn: null }));
    if (entry.asOf < row.asOf) Object.assign(entry, { asOf: row.asOf, whole: null, units: 0 });
    if (row.unitId === null) entry.whole = row.actual;
    else entry.units += row.actual ?? 0;
    if (entry.firstDoneOn === null && (row.actual ?? 0) >= 1) entry.firstDoneOn = row.asOf;
  }
  return new Map([...latest].map(([id, e]) => [id, { actual: e.whole ?? e.units, firstDoneOn: e.firstDoneOn }]));
}

/** Projects with anything reported in a period: a narrative or a value. */
export async function reportedProjects(db: Kysely<Database>, periodId: number): Promise<Set<number>> {
  const narratives = await db.selectFrom('progressReports').select('projectId').where('periodId', '=', periodId).where('narrative', '!=', '').execute();
  const values = await db
    .selectFrom('indicatorValues')
    .innerJoin('indicators', 'indicators.id', 'indicatorValues.indicatorId')
    .select('indicators.projectId')
    .where('indicatorValues.periodId', '=', periodId)
    .where('indicatorValues.actual', 'is not', null)
    .execute();
  return new Set([...narratives, ...values].map((r) => r.projectId));
}
