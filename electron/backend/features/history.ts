import type { HistoryEntry } from '../../../shared/domain';
import { statusLabels } from '../../../shared/status/labels';
import type { StatusClass } from '../../../shared/status/types';
import type { AuditRow, ImportTouch } from '../../../db/repositories/history';

const fieldLabels: Record<string, string> = {
  seq: '编号',
  title: '名称',
  goal: '年度目标',
  section: '分组',
  deadline: '完成时限',
  leadUnits: '主要责任单位',
  supportUnits: '相关责任单位',
  responsiblePeople: '责任人',
  leaders: '分管领导',
  name: '名称',
  kind: '类型',
  comparator: '比较方式',
  target: '目标值',
  unit: '计量单位',
  approximate: '约数',
};

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string {
  const changed = Object.keys(fieldLabels).filter((key) => key in after && JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return changed.map((key) => fieldLabels[key]).join('、') || '无变化';
}

/** For rows without a sentence of their own: still words, never "plan update". */
const actionNames: Record<string, string> = { create: '新增', update: '修改', delete: '删除', restore: '恢复' };
const entityNames: Record<string, string> = { project: '实事项目', plan: '计划', period: '报送期', indicator: '指标', task: '工作任务', progress: '进展', override: '人工改判', settings: '设置', signoff: '签发记录', import: '导入', preset: '判定规则' };

/** One audit row as a sentence a clerk can read in the project's timeline. */
export function describeAudit(row: AuditRow): HistoryEntry {
  const before = row.beforeJson ? (JSON.parse(row.beforeJson) as Record<string, unknown>) : null;
  const after = row.afterJson ? (JSON.parse(row.afterJson) as Record<string, unknown>) : null;
  const name = String((after ?? before)?.name ?? '');
  let summary: string;
  switch (`${row.entity}.${row.action}`) {
    case 'project.create':
      summary = '新增实事项目';
      break;
    case 'project.delete':
      summary = '删除实事项目';
      break;
    case 'project.update':
      summary = `修改实事项目：${changedFields(before ?? {}, after ?? {})}`;
      break;
    case 'indicator.create':
      summary = `新增指标“${name}”`;
      break;
    case 'indicator.update':
      summary = `修改指标“${name}”：${changedFields(before ?? {}, after ?? {})}`;
      break;
    case 'indicator.delete':
      summary = `删除指标“${name}”`;
      break;
    case 'task.create':
      summary = `新增工作任务：${String(after?.title ?? '')}`;
      break;
    case 'task.update':
      summary = `修改工作任务：${String(after?.title ?? '')}`;
      break;
    case 'task.delete':
      summary = `删除工作任务：${String(before?.title ?? '')}`;
      break;
    case 'progress.update':
      summary = '填报进展情况和完成值';
      break;
    case 'override.update':
      summary = `人工改判为“${statusLabels[after?.status as StatusClass] ?? String(after?.status)}”，理由：${String(after?.reason ?? '')}`;
      break;
    case 'override.delete':
      summary = '撤销人工改判，恢复按规则判定';
      break;
    default:
      summary = `${actionNames[row.action] ?? '修改'}${entityNames[row.entity] ?? '记录'}`;
  }
  return { at: row.at, actor: row.actor, summary, before, after };
}

/** An import that touched the project, as the timeline's entries: the import, and its undo if it was undone. */
export function describeImport(touch: ImportTouch): HistoryEntry[] {
  const file = `导入“${touch.fileName}”`;
  const entries: HistoryEntry[] = [
    { at: touch.importedAt, actor: touch.actor, summary: touch.created ? `由${file}新增` : `${file}更新了本项目`, before: null, after: null },
  ];
  if (touch.undoneAt) entries.push({ at: touch.undoneAt, actor: '', summary: `撤销${file}`, before: null, after: null });
  return entries;
}
