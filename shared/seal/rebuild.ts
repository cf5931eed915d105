import type { PeriodSnapshot, SnapshotRow } from '../snapshot';
import { isoDateFromChinese, parseRevisionLine, planNameFromTitle, tableColumns, chineseDate, type ColumnKey } from './table-layout';
import { cellKey, type VisibleCell } from './visible-cells';

const lines = (text: string): string[] => (text === '' ? [] : text.split('\n'));

/** "62.5%", "0.625" → 0.625; empty → null; anything else (someone typed words) → null as well. */
function percentValue(text: string): number | null {
  const percent = /^(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)%$/i.exec(text);
  if (percent) return Number(percent[1]) / 100;
  if (text !== '' && Number.isFinite(Number(text))) return Number(text);
  return null;
}

/**
 * The snapshot a received table shows, rebuilt from its visible cells. What the table does not print
 * (plan year and level, when the sign-off steps happened, the snapshot format) comes from `base`, the
 * snapshot its seal carries, so that only what a person could have edited can differ.
 */
export function snapshotFromCells(found: readonly VisibleCell[], base: PeriodSnapshot): PeriodSnapshot {
  const byKey = new Map(found.map((c) => [c.key, c.text]));
  const text = (key: string) => byKey.get(key) ?? '';
  const columns = tableColumns(base);
  let rowCount = 0;
  for (const cell of found) {
    const match = /^cell:(\d+):/.exec(cell.key);
    if (match) rowCount = Math.max(rowCount, Number(match[1]) + 1);
  }

  const rows: SnapshotRow[] = [];
  for (let r = 0; r < rowCount; r++) {
    const get = (key: ColumnKey) => text(cellKey(r, key));
    const row: SnapshotRow = {
      seq: get('seq'),
      task: get('task'),
      units: lines(get('units')),
      responsiblePeople: lines(get('responsiblePeople')),
      leaders: lines(get('leaders')),
      progress: get('progress'),
    };
    for (const c of columns) {
      if (c.key === 'status') row.status = get('status');
      if (c.key === 'completion') row.completion = percentValue(get('completion'));
      if (c.key === 'timeProgress') row.timeProgress = percentValue(get('timeProgress')) ?? undefined;
    }
    rows.push(row);
  }

  // A date shown the way the sealed one is shown keeps the sealed value (with its time of day).
  const signDate = text('signDate');
  const signedAt = signDate === chineseDate(base.signOff.signedAt) ? base.signOff.signedAt : signDate ? isoDateFromChinese(signDate) : null;
  const asOfText = text('asOf');
  const revision = parseRevisionLine(text('revision'));

  return {
    ...base,
    office: text('office'),
    plan: { ...base.plan, name: planNameFromTitle(text('title')) },
    period: { ...base.period, asOf: asOfText === chineseDate(base.period.asOf) ? base.period.asOf : isoDateFromChinese(asOfText) },
    revision: revision?.revision ?? 1,
    revisionReason: revision?.reason ?? '',
    rows,
    signOff: { ...base.signOff, preparer: text('preparer'), reviewer: text('reviewer'), signer: text('signer'), signedAt },
  };
}
