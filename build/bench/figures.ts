/**
 * Figures benchmark (issue #10): what reading targets, actuals and stated completions from the words adds
 * to a 20,000-row import of a text-only county table. Budget: under 10% of the import without it.
 *
 * Two imports are timed end to end, each in a fresh process (stage, parse in the worker, understand, match,
 * diff, commit): one accepting no figure (the words are then not read at all) and one accepting every
 * figure (`--accept-figures`: read, matched and written). The reading alone is timed in this process over
 * the same rows as the importer understood them, median of three, and set against the first import. Run with `npx tsx build/bench/figures.ts`; exits 1 when over budget.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { openBackend } from '../../electron/backend/backend';
import { withFigures } from '../../shared/import/figures';
import { understandTable } from '../../shared/import/understand';

const BUDGET = 0.1;
const rows = Number(process.env.BENCH_ROWS ?? 20_000);

// Goal and progress as the Ye County table (seed 004) writes them; each row gets its own numbers.
const shapes: ((i: number) => [string, string, string])[] = [
  (i) => [`开展职业技能培训和评价取证。全年完成技能培训${(i % 9) + 1}.8万人次、新增技能人才2.28万人（含高技能人才9300人）。`, '县人社局', `目前已成立16家企业评价机构。各成员单位完成培训人数5.${i % 10}8万人次，新增技能人才3.21万人（含新增高技能人才1.13万人）。`],
  (i) => [`实施残疾儿童康复救助。对符合条件的残疾儿童开展康复救助，全年救助不少于${100 + (i % 80)}人。`, '县残联', `将残疾儿童康复救助作为年度首要工作任务列入县残联年度计划，目前已实施残疾儿童康复救助${i % 150}人。`],
  (i) => [`提高妇女儿童健康保障水平。宫颈癌、乳腺癌筛查，各完成筛查1.4万人。年底前实现新生儿听力筛查率达到98%。`, '县卫健委', `截至7月25日，宫颈癌筛查人数为${8000 + (i % 900)}人，完成全年任务60%，乳腺癌筛查人数为8702人，完成全年任务62%。新生儿听力筛查2877人，筛查率99.07%(目标任务为90%以上)。`],
  (i) => [`推进城市窨井设施及城镇老旧小区改造提升。对存在安全隐患的窨井设施更换改造（市定任务478个）。`, '县城管局\n县住建局', `县城管局：已整改病害井盖${200 + (i % 50)}座，超额完成市定任务数的400%。\n县住建局：已完成招标程序审批工作并发布招标公告，7月28日进行公开招标。`],
];

function table(): Buffer {
  const aoa: (string | number)[][] = [['2022年省民生实事叶县工作任务推进情况表'], ['截至日期：2022年7月25日'], ['编号', '工作任务', '责任单位', '工作进度']];
  for (let i = 1; i <= rows; i++) {
    const [goal, unit, progress] = shapes[i % shapes.length]!(i);
    aoa.push([i, `第${i}项：${goal}`, unit, progress]);
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), '推进情况表');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

async function importOnce(file: string, dbPath: string, accept: boolean): Promise<number> {
  const backend = await openBackend({ dbPath, actor: 'bench' });
  const t = performance.now();
  const staged = (await backend.call('import.stage', { fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64') })) as { stagingId: string };
  await backend.call('import.commit', { stagingId: staged.stagingId, ...(accept ? { figures: 'all' } : {}) });
  const ms = performance.now() - t;
  backend.close();
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

if (process.argv[2] === 'child') {
  console.log(JSON.stringify({ ms: await importOnce(process.argv[3]!, process.argv[4]!, process.argv[5] === 'all') }));
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-figures-'));
  const file = path.join(dir, 'county-text-only.xlsx');
  fs.writeFileSync(file, table());
  console.log(`Figures benchmark: ${rows} text-only rows`);
  const timed = (mode: 'all' | 'none') => {
    const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'child', file, path.join(dir, `${mode}.sqlite`), mode], { encoding: 'utf8' });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    if (run.status !== 0 || !line.startsWith('{')) throw new Error(`bench child failed:\n${run.stderr}`);
    return (JSON.parse(line) as { ms: number }).ms;
  };
  const plainMs = timed('none');
  const importMs = timed('all');
  console.log(`  import accepting no figure (the words are not read): ${plainMs.toFixed(0)} ms`);

  const understood = understandTable({ cells: XLSX.read(fs.readFileSync(file), { dense: true }).Sheets['推进情况表']!['!data']!.map((r) => (r ?? []).map((c) => c?.v ?? null)) as never, merges: [] });
  const readMs = median(
    [1, 2, 3].map(() => {
      const t = performance.now();
      withFigures(understood, 2022);
      return performance.now() - t;
    }),
  );
  const share = readMs / plainMs;
  const figures = withFigures(understood, 2022).rows.reduce((n, r) => n + r.figures.targets.length + r.figures.actuals.length + (r.figures.stated ? 1 : 0), 0);
  console.log(`  import with every figure accepted: ${importMs.toFixed(0)} ms; ${figures} figures read`);
  console.log(`  reading the figures: ${readMs.toFixed(0)} ms (${((readMs / rows) * 1000).toFixed(0)} µs a row) = ${(share * 100).toFixed(1)}% of the import without them (budget ${BUDGET * 100}%)${share < BUDGET ? '' : '  OVER BUDGET'}`);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = share < BUDGET ? 0 : 1;
}
