import { detailFormat, type SnapshotDetail } from '../../../../shared/bulletin/source';
import type { BulletinItem } from '../../../../shared/bulletin/types';
import type { Period } from '../../../../shared/domain';
import { getProgressRecord } from '../../../../db/repositories/progress';
import { listProjects } from '../../../../db/repositories/projects';
import { listTasks } from '../../../../db/repositories/tasks';
import type { BackendContext } from '../../context';
import { planStatus } from '../status';

/**
 * The period as a bulletin reads it, frozen with the revision beside its sealed snapshot: each project's title and goal
 * apart, its units, the judgement at the period's date (a person's override included), each unit's words and its tasks.
 */
export async function buildDetail(ctx: BackendContext, period: Period): Promise<SnapshotDetail> {
  const projects = await listProjects(ctx.db, period.planId);
  const status = await planStatus(ctx, { planId: period.planId, asOf: period.asOf });
  const judged = new Map(status.projects.map((j) => [j.projectId, j.status]));
  const items: BulletinItem[] = [];
  for (const p of projects) {
    const record = await getProgressRecord(ctx.db, p.id, period.id);
    const words = record.narratives.filter((n) => n.narrative.trim());
    items.push({
      seq: String(p.seq),
      section: p.section,
      title: p.title,
      goal: p.goal,
      leadUnits: p.leadUnits,
      supportUnits: p.supportUnits,
      status: judged.get(p.id) ?? null,
      // The project's own words first, then each unit's, as the exported table joins them.
      progress: [...words.filter((n) => n.unit === null), ...words.filter((n) => n.unit !== null)].map((n) => ({ unit: n.unit, text: n.narrative })),
      tasks: (await listTasks(ctx.db, p.id)).map((t) => ({ seq: t.seq, title: t.title, goal: t.goal, leadUnits: t.leadUnits })),
    });
  }
  return { format: detailFormat, items };
}
