/**
 * Memory bounds for text formats (#15 point 6): CSV and HTML within the size limits are read or refused under
 * 600 MB and 5 s, the real worker in a process of its own (peak = its maxRSS). Before: one 90 MB CSV field
 * peaked at 2.4 GB, a 99 MB CSV at 1 GB, a 99 MB HTML table crashed the process from the worker's heap limit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInChild } from '../../helpers/peak';
import { tempDir } from '../../helpers/temp';

const MB = 1024 * 1024;

/** A CSV or HTML table of about `size` bytes, rows of a county table padded to `rowBytes`. */
function table(kind: 'csv' | 'html', size: number, rowBytes = 500): string {
  const file = path.join(tempDir(), `table.${kind}`);
  const rows: string[] = [kind === 'csv' ? '编号,工作任务,责任单位,工作进度' : '<html><body><table><tr><td>编号</td><td>工作任务</td><td>责任单位</td><td>工作进度</td></tr>'];
  let written = 0;
  for (let i = 1; written < size; i++) {
    const pad = '已完成'.repeat(Math.max(1, Math.floor(rowBytes / 9) - 6));
    const row = kind === 'csv' ? `${i},第${i}项民生实事,县人社局,${pad}` : `<tr><td>${i}</td><td>第${i}项民生实事</td><td>县人社局</td><td>${pad}</td></tr>`;
    rows.push(row);
    written += Buffer.byteLength(row) + 1;
  }
  if (kind === 'html') rows.push('</table></body></html>');
  fs.writeFileSync(file, rows.join('\n'));
  return file;
}

function oneField(kind: 'csv' | 'html', fieldBytes: number): string {
  const file = path.join(tempDir(), `field.${kind}`);
  const field = 'a'.repeat(fieldBytes);
  fs.writeFileSync(file, kind === 'csv' ? `编号,工作任务,责任单位\n1,"${field}",县住建局\n` : `<table><tr><td>编号</td><td>工作任务</td></tr><tr><td>1</td><td>${field}</td></tr></table>`);
  return file;
}

async function bounded(file: string, name: string) {
  const peak = await readInChild('read', file, name);
  console.log(`${name}: ${peak.ms} ms, peak ${peak.peakMb} MB — ${peak.outcome.slice(0, 60)}`);
  expect(peak.peakMb).toBeLessThan(600);
  expect(peak.ms).toBeLessThan(5000);
  return peak.outcome;
}

describe('memory bounds of text formats', () => {
  it('a CSV with one 90 MB field, and one with a 30 MB field under the size limit: refused', async () => {
    expect(await bounded(oneField('csv', 90 * MB), '大字段.csv')).toMatch(/^IMPORT_TOO_LARGE:/);
    expect(await bounded(oneField('csv', 30 * MB), '长字段.csv')).toMatch(/^IMPORT_TOO_LARGE:.*32,767 个字符/);
  }, 90_000);

  it('a 99 MB CSV: refused; a 38 MB one of 80,000 rows: read', async () => {
    expect(await bounded(table('csv', 99 * MB), '大表.csv')).toMatch(/^IMPORT_TOO_LARGE:/);
    expect(await bounded(table('csv', 38 * MB), '中表.csv')).toMatch(/^read:Sheet1:\d{5}/);
  }, 120_000);

  it('a 99 MB HTML table: refused; an 18 MB one: read; one 15 MB cell: refused', async () => {
    expect(await bounded(table('html', 99 * MB), '大表.xls')).toMatch(/^IMPORT_TOO_LARGE:/);
    expect(await bounded(table('html', 18 * MB), '中表.xls')).toMatch(/^read:Sheet1:\d{5}/);
    expect(await bounded(oneField('html', 15 * MB), '长单元格.xls')).toMatch(/^IMPORT_TOO_LARGE:.*32,767 个字符/);
  }, 120_000);
});
