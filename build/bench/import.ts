/**
 * Import benchmark (DESIGN §8): a 20,000-row county table imported end to end — parse, map, match, commit —
 * against a bare SheetJS read of the same file in the same run. Budget: within 1.5× the bare read; peak RSS
 * under 400 MB. Run with `npx tsx build/bench/import.ts`; exits 1 when over budget.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as XLSX from 'xlsx';
import { openBackend } from '../../electron/backend/backend';

const rows = Number(process.env.BENCH_ROWS ?? 20_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-import-'));
const units = ['县人社局', '县医保局', '县城管局\n县住建局', '县交通局', '县教体局', '县民政局', '县卫健委', '县残联'];

function countyTable(): Buffer {
  const aoa: (string | number)[][] = [
    ['2022年省民生实事叶县工作任务推进情况表'],
    ['填报单位：叶县人民政府办公室', '', '', '截至日期：2022年7月25日'],
    ['编号', '工作任务', '责任单位', '责任人', '分管领导', '工作进度'],
  ];
  for (let i = 1; i <= rows; i++) {
    const unit = units[i % units.length]!;
    aoa.push([
      i,
      `第${i}项民生实事。全年完成技能培训${(i % 9) + 1}.${i % 10}万人次、新增技能人才${i % 7}万人。`,
      unit,
      i % 3 ? '虎永福' : '王 晓 滕跃峰',
      '胡炜哲',
      unit.includes('\n') ? `县城管局：已整改病害井盖${i}座。\n县住建局：已完成招标。` : `目前已成立${i % 20}家企业评价机构，完成${i % 5}家社会评价机构备案。`,
    ]);
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), '推进情况表');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

const file = countyTable();
console.log(`Import benchmark: ${rows} rows, ${(file.length / 1e6).toFixed(1)} MB xlsx`);

let t = performance.now();
XLSX.read(file, { dense: true });
const bare = performance.now() - t;

const backend = await openBackend({ dbPath: path.join(dir, 'ledger.sqlite'), actor: 'bench' });
t = performance.now();
const staged = (await backend.call('import.stage', { fileName: 'county.xlsx', contentBase64: file.toString('base64') })) as { stagingId: string };
const batch = (await backend.call('import.commit', { stagingId: staged.stagingId })) as { counts: Record<string, number> };
const endToEnd = performance.now() - t;
backend.close();
clearInterval(sampler);
fs.rmSync(dir, { recursive: true, force: true });

const ratio = endToEnd / bare;
const mb = peakRss / 1024 / 1024;
console.log(`  bare SheetJS read: ${bare.toFixed(0)} ms`);
console.log(`  end to end (parse in worker, understand, match, diff, commit): ${endToEnd.toFixed(0)} ms — ${ratio.toFixed(2)}× the bare read (budget 1.5×); new ${batch.counts.new}`);
console.log(`  peak RSS of this process: ${mb.toFixed(0)} MB (budget 400 MB; the parsing worker's heap is counted in it)`);
const ok = ratio <= 1.5 && mb < 400;
console.log(ok ? '  within budget' : '  OVER BUDGET');
process.exitCode = ok ? 0 : 1;
