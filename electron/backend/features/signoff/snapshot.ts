import { LedgerError } from '../../../../shared/errors';
import type { Period } from '../../../../shared/domain';
import { statusLabels } from '../../../../shared/status/labels';
import { snapshotFormat, type OptionalColumn, type PeriodSnapshot, type SnapshotSignOff } from '../../../../shared/snapshot';
import { getPlan } from '../../../../db/repositories/plans';
import { getProgressRecord } from '../../../../db/repositories/progress';
import { listProjects } from '../../../../db/repositories/projects';
import { readSetting } from '../../../../db/repositories/settings';
import type { BackendContext } from '../../context';
import { planStatus } from '../status';

export const officeSettingKey = 'officeName';

export async function officeName(ctx: BackendContext): Promise<string> {
  return readSetting(ctx.db, officeSettingKey, '');
}

/**
 * The office's name, which is printed on every table and labels its key: without it a superior receives
 * tables from 未命名单位 and cannot tell two townships apart, so nothing is signed or handed out before it is set.
 */
export async function requireOfficeName(ctx: BackendContext, action: string): Promise<string> {
  const name = await officeName(ctx);
  if (!name.trim()) throw new LedgerError('OFFICE_NOT_SET', `还没有填写本单位名称，不能${action}：请先在“设置”中填写本单位名称（它会印在报表上，并标明签章密钥属于哪个单位）。`);
  return name;
}

/** "开展职业技能培训和评价取证。高质量推进…": the county table's 工作任务 cell is the title, then the goal. */
function taskText(title: string, goal: string): string {
  if (!goal || goal.startsWith(title)) return goal || title;
  return /[。！？.]$/.test(title) ? `${title}${goal}` : `${title}。${goal}`;
}

/** The period as it stands in the ledger now, in the shape that is exported, sealed and verified. */
export async function buildSnapshot(
  ctx: BackendContext,
  period: Period,
  revision: { revision: number; reason: string },
  signOff: SnapshotSignOff,
  columns: OptionalColumn[],
): Promise<PeriodSnapshot> {
  const plan = await getPlan(ctx.db, period.planId);
  if (!plan) throw new LedgerError('NOT_FOUND', '报送期所属的计划已不存在。');
  const projects = await listProjects(ctx.db, plan.id);
  const status = columns.length ? await planStatus(ctx, { planId: plan.id, asOf: period.asOf }) : null;
  const rows = [];
  for (const p of projects) {
    const record = await getProgressRecord(ctx.db, p.id, period.id);
    const whole = record.narratives.filter((n) => n.unit === null).map((n) => n.narrative);
    const byUnit = record.narratives.filter((n) => n.unit !== null && n.narrative).map((n) => `${n.unit}：${n.narrative}`);
    const judged = status?.projects.find((j) => j.projectId === p.id);
    rows.push({
      // 编号 as the department wrote it (一、二), else the order.
      seq: p.seqLabel || String(p.seq),
      task: taskText(p.title, p.goal),
      units: p.leadUnits,
      responsiblePeople: p.responsiblePeople,
      leaders: p.leaders,
      progress: [...whole, ...byUnit].filter(Boolean).join('\n'),
      ...(columns.includes('status') && judged ? { status: statusLabels[judged.status] } : {}),
      ...(columns.includes('completion') && judged ? { completion: judged.completion } : {}),
      ...(columns.includes('timeProgress') && judged ? { timeProgress: judged.timeProgress } : {}),
    });
  }
  return {
    format: snapshotFormat,
    office: await officeName(ctx),
    plan: { year: plan.year, name: plan.name, level: plan.level },
    period: { label: period.label, asOf: period.asOf },
    revision: revision.revision,
    revisionReason: revision.reason,
    columns,
    rows,
    signOff,
  };
}
