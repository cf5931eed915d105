import { describe, expect, it } from 'vitest';
import { diffSnapshots, visibleCells } from '../../../shared/seal/visible-cells';
import { snapshotFromCells } from '../../../shared/seal/rebuild';
import { chineseDate, parseSignOffLine, signOffLine, tableColumns, tableWidthUnits } from '../../../shared/seal/table-layout';
import { isPeriodSnapshot } from '../../../shared/seal/snapshot-shape';
import { snapshotFormat, type PeriodSnapshot } from '../../../shared/snapshot';

const snapshot: PeriodSnapshot = {
  format: snapshotFormat,
  office: '叶县人民政府办公室',
  plan: { year: 2022, name: '2022年省民生实事叶县', level: 'province' },
  period: { label: '2022年7月', asOf: '2022-07-25' },
  revision: 2,
  revisionReason: '更正户数',
  columns: ['completion'],
  rows: [
    { seq: '1', task: '任务一', units: ['县城管局', '县住建局'], responsiblePeople: ['王 晓'], leaders: ['常姣峰'], progress: '县城管局：甲\n县住建局：乙', completion: 0.625 },
    { seq: '2', task: '任务二', units: ['县医保局'], responsiblePeople: ['李树辉'], leaders: ['王东效'], progress: '', completion: null },
  ],
  signOff: { preparer: '张三', preparedAt: null, reviewer: '李四', reviewedAt: null, signer: '王五', signedAt: '2022-07-25T17:30:00Z' },
};

describe('the visible table and its diff', () => {
  it('names a changed cell by its sheet row and Chinese header', () => {
    const found = structuredClone(snapshot);
    found.rows[1]!.leaders = ['胡炜哲'];
    found.rows[0]!.completion = 0.7;
    expect(diffSnapshots(snapshot, found)).toEqual([
      { row: 4, column: '完成率', expected: '62.5%', found: '70%' },
      { row: 5, column: '分管领导', expected: '王东效', found: '胡炜哲' },
    ]);
  });

  it('names header fields and sign-off fields', () => {
    const found = structuredClone(snapshot);
    found.office = '叶县教体局';
    found.period.asOf = '2022-07-26';
    found.signOff.signer = '赵六';
    found.revisionReason = '别的原因';
    expect(diffSnapshots(snapshot, found).map((c) => [c.row, c.column])).toEqual([
      [2, '填报单位'],
      [2, '截至日期'],
      [6, '签发领导'],
      [7, '修订说明'],
    ]);
  });

  it('reports added rows as changes from empty', () => {
    const found = structuredClone(snapshot);
    found.rows.push({ ...found.rows[1]!, seq: '3' });
    const changes = diffSnapshots(snapshot, found);
    expect(changes.filter((c) => c.row === 6 && c.column === '编号')).toEqual([{ row: 6, column: '编号', expected: '', found: '3' }]);
  });

  it('rebuilds the same snapshot from its own visible cells', () => {
    const rebuilt = snapshotFromCells(visibleCells(snapshot), snapshot);
    expect(rebuilt).toEqual(snapshot);
    expect(diffSnapshots(snapshot, rebuilt)).toEqual([]);
  });

  it('shows sign-off timestamps as the date in China, whatever the machine zone', () => {
    expect(chineseDate('2022-07-25T17:30:00Z')).toBe('2022年7月26日');
    expect(chineseDate('2022-07-05')).toBe('2022年7月5日');
    expect(parseSignOffLine(signOffLine(snapshot))).toEqual({ preparer: '张三', reviewer: '李四', signer: '王五', signDate: '2022年7月26日' });
  });

  it('fits the columns to A4 landscape whatever optional columns are asked', () => {
    for (const columns of [[], ['status'], ['status', 'completion', 'timeProgress']] as const) {
      const widths = tableColumns({ columns: [...columns] }).map((c) => c.width);
      expect(Math.abs(widths.reduce((a, b) => a + b, 0) - tableWidthUnits)).toBeLessThan(0.5);
    }
  });

  it('accepts snapshots and refuses look-alikes', () => {
    expect(isPeriodSnapshot(snapshot)).toBe(true);
    expect(isPeriodSnapshot({ ...snapshot, rows: [{ ...snapshot.rows[0], units: '县城管局' }] })).toBe(false);
    expect(isPeriodSnapshot({ ...snapshot, format: 'other' })).toBe(false);
  });
});
