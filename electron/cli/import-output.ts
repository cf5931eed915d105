import fs from 'node:fs';
import path from 'node:path';
import type { ImportBatch, ImportPreview } from '../../shared/domain';
import { withCliHint } from './hints';
import { LedgerError } from '../../shared/errors';

const maxFileBytes = 100 * 1024 * 1024;

/** The file's bytes, refused before reading when it cannot be a table an office sends. */
export function readImportFile(file: string): Buffer {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw new LedgerError('NOT_FOUND', `找不到文件“${file}”。`);
  }
  if (size > maxFileBytes) throw new LedgerError('IMPORT_TOO_LARGE', `“${path.basename(file)}”超过 100 MB，不像是一张进度表，未导入。`);
  return fs.readFileSync(file);
}

export function previewText(preview: ImportPreview, asOf: string | null): string {
  const lines = [
    `${preview.fileName}（${preview.format}，工作表“${preview.sheet}”，表头在第 ${preview.headerRow} 行）`,
    `标题：${preview.title ?? '—'}；截至：${asOf ?? '—'}；填报单位：${preview.reportingUnit ?? '—'}`,
    ...preview.rows.map((r) => `  第 ${r.sourceRow} 行  ${r.seq ?? '—'}. ${r.project}  [${r.leadUnits.join('、') || '—'}]`),
    ...preview.warnings.map((w) => `  注意（第 ${w.row} 行）：${withCliHint(w.message)}`),
  ];
  return lines.join('\n') + '\n';
}

export function batchText(batch: ImportBatch): string {
  const c = batch.counts;
  const state = batch.undoneAt ? '（已撤销）' : batch.undoable ? '（可撤销）' : '';
  return `导入记录 #${batch.id}  ${batch.fileName}  新增 ${c.new ?? 0}，更新 ${c.changed ?? 0}，未变 ${c.unchanged ?? 0}，冲突未导入 ${c.conflict ?? 0}${state}\n`;
}
