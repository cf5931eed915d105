/**
 * What a signed-off period is: the data a superior receives, independent of any file format.
 * The export writes it as a table; the seal signs its canonical JSON; verify rebuilds it from the cells.
 */

export const snapshotFormat = 'minsheng-ledger/snapshot@1';

/** Optional columns after the standard six (编号 | 工作任务 | 责任单位 | 责任人 | 分管领导 | 工作进度). */
export const optionalColumns = ['status', 'completion', 'timeProgress'] as const;
export type OptionalColumn = (typeof optionalColumns)[number];

export interface SnapshotRow {
  /** 编号 as printed: "1", "2"… */
  seq: string;
  /** 工作任务: the project title and goal as the county table prints them. */
  task: string;
  units: string[];
  responsiblePeople: string[];
  leaders: string[];
  /** 工作进度: per-unit narratives joined as "县城管局：…\n县住建局：…". */
  progress: string;
  /** 已完成 / 持续推进 / 进展缓慢 …, when the status column is asked for. */
  status?: string;
  /** Fractions (0.5 = 50%), when asked for; null when unknown. */
  completion?: number | null;
  timeProgress?: number;
}

export interface SnapshotSignOff {
  preparer: string;
  preparedAt: string | null;
  reviewer: string;
  reviewedAt: string | null;
  signer: string;
  signedAt: string | null;
}

export interface PeriodSnapshot {
  format: typeof snapshotFormat;
  /** 填报单位, e.g. 叶县人民政府办公室. */
  office: string;
  plan: { year: number; name: string; level: string };
  period: { label: string; asOf: string };
  revision: number;
  /** Why this revision exists (empty for the first). */
  revisionReason: string;
  columns: OptionalColumn[];
  rows: SnapshotRow[];
  signOff: SnapshotSignOff;
}
