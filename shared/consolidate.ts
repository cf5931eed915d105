/**
 * One table from several offices' sealed tables of the same plan and period: a row per project, a column
 * group per office. Projects are aligned by title, since each office numbers its own table.
 */
import { matchRows } from './matching';
import { chineseDate } from './seal/table-layout';
import type { PeriodSnapshot } from './snapshot';

export interface ConsolidatedOffice {
  office: string;
  fingerprint: string | null;
  valid: boolean;
  knownSigner: boolean;
  asOf: string;
  signer: string | null;
}

export interface ConsolidatedCell {
  progress: string;
  status?: string;
  completion?: number | null;
}

export interface ConsolidatedRow {
  seq: string;
  task: string;
  cells: (ConsolidatedCell | null)[];
}

export interface ConsolidatedTable {
  title: string;
  period: string;
  offices: ConsolidatedOffice[];
  rows: ConsolidatedRow[];
}

export interface ReceivedSnapshot extends Omit<ConsolidatedOffice, 'asOf'> {
  snapshot: PeriodSnapshot;
}

const firstSentence = (task: string) => task.split(/[。；]/)[0] ?? task;

export function consolidate(received: readonly ReceivedSnapshot[]): ConsolidatedTable {
  const first = received[0]?.snapshot;
  const rows: ConsolidatedRow[] = [];
  received.forEach(({ snapshot }, officeIndex) => {
    const known = rows.map((row, i) => ({ id: i, seq: Number(row.seq), title: firstSentence(row.task) }));
    const matches = matchRows(
      snapshot.rows.map((r) => ({ seq: r.seq, project: firstSentence(r.task) })),
      known,
    );
    snapshot.rows.forEach((r, i) => {
      let row = matches[i] === null ? undefined : rows[matches[i]!];
      if (!row) {
        row = { seq: String(rows.length + 1), task: r.task, cells: received.map(() => null) };
        rows.push(row);
      }
      row.cells[officeIndex] = { progress: r.progress, ...(r.status !== undefined ? { status: r.status } : {}), ...(r.completion !== undefined ? { completion: r.completion } : {}) };
    });
  });
  return {
    title: first ? `${first.plan.name}工作任务推进情况汇总表` : '民生实事推进情况汇总表',
    period: first ? `截至${chineseDate(first.period.asOf)}` : '',
    offices: received.map(({ snapshot, ...o }) => ({ ...o, asOf: snapshot.period.asOf })),
    rows,
  };
}
