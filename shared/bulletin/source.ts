/**
 * What a signed revision holds for a bulletin. The sealed snapshot (shared/snapshot.ts) is the table as exported: one
 * 工作任务 cell (title and goal together), the lead units, the progress joined, the status only when its column was
 * asked for. A bulletin needs more, so a revision also freezes a detail beside the snapshot — never inside it, so the
 * seal over the snapshot's canonical JSON, and every old file, verify as before. A revision signed before the detail
 * existed is read from the snapshot alone, as well as it can be.
 */
import type { PeriodSnapshot } from '../snapshot';
import { statusLabels } from '../status/labels';
import { statusClasses, type StatusClass } from '../status/types';
import type { BulletinItem, BulletinProgress, BulletinSource } from './types';

export const detailFormat = 'minsheng-ledger/snapshot-detail@1';

/** Frozen beside the snapshot when a revision is submitted; the database keeps it unchanged once signed. */
export interface SnapshotDetail {
  format: typeof detailFormat;
  items: BulletinItem[];
}

const classByLabel = new Map<string, StatusClass>(statusClasses.map((c) => [statusLabels[c], c]));

/** "县城管局：…\n县住建局：…" back into per-unit words, for units the row names. */
function splitProgress(progress: string, units: readonly string[]): BulletinProgress[] {
  const parts: BulletinProgress[] = [];
  for (const line of progress.split('\n').filter((l) => l.trim())) {
    const unit = units.find((u) => line.startsWith(`${u}：`));
    if (unit) parts.push({ unit, text: line.slice(unit.length + 1) });
    else if (parts.length && parts.at(-1)!.unit !== null) parts.at(-1)!.text += `\n${line}`;
    else parts.push({ unit: null, text: line });
  }
  return parts;
}

/** "开展职业技能培训和评价取证。高质量推进…" → title and goal, as buildSnapshot joined them. */
function splitTask(task: string): { title: string; goal: string } {
  const stop = task.search(/[。！？]/);
  if (stop < 0 || stop === task.length - 1) return { title: task.replace(/[。！？]$/, ''), goal: '' };
  return { title: task.slice(0, stop), goal: task.slice(stop + 1) };
}

function itemsFromRows(snapshot: PeriodSnapshot): BulletinItem[] {
  return snapshot.rows.map((row) => ({
    seq: row.seq,
    section: '',
    ...splitTask(row.task),
    leadUnits: row.units,
    supportUnits: [],
    status: row.status === undefined ? null : (classByLabel.get(row.status) ?? null),
    progress: splitProgress(row.progress, row.units),
    tasks: [],
  }));
}

export function bulletinSource(snapshot: PeriodSnapshot, detail: SnapshotDetail | null): BulletinSource {
  const items = detail?.format === detailFormat ? detail.items : itemsFromRows(snapshot);
  return { office: snapshot.office, plan: snapshot.plan, period: snapshot.period, revision: snapshot.revision, items };
}
