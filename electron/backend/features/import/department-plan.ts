import type { Kysely } from 'kysely';
import { getPlan, findPlanByName } from '../../../../db/repositories/plans';
import { readSetting, writeSetting } from '../../../../db/repositories/settings';
import type { Database } from '../../../../db/schema';
import type { ImportPreview } from '../../../../shared/domain';
import type { TablePreview } from '../../../../shared/import/understand';
import { planFromTitle } from './target';

/**
 * Which plan each department's table went into last: next month's table from the same department goes to the
 * same plan by default, even when its title is worded differently. Kept with the other remembered preferences.
 */
const settingKey = 'importPlanByDepartment';

export async function rememberDepartmentPlan(db: Kysely<Database>, department: string | null, planId: number): Promise<void> {
  if (!department) return;
  const known = await readSetting<Record<string, number>>(db, settingKey, {});
  if (known[department] !== planId) await writeSetting(db, settingKey, { ...known, [department]: planId });
}

/** What the wizard needs to choose the target: this department's last plan, and the plan the title names. */
export async function targetHints(db: Kysely<Database>, table: TablePreview): Promise<Pick<ImportPreview, 'lastPlanId' | 'titlePlan'>> {
  const known = table.reportingUnit ? (await readSetting<Record<string, number>>(db, settingKey, {}))[table.reportingUnit] : undefined;
  const last = known === undefined ? undefined : await getPlan(db, known);
  const named = planFromTitle(table.title);
  const existing = named ? await findPlanByName(db, named.year, named.name) : undefined;
  return { lastPlanId: last?.id ?? null, titlePlan: named ? { ...named, planId: existing?.id ?? null } : null };
}
