/**
 * Figures benchmark (issue #10): what reading targets, actuals and stated completions from the words adds
 * to a 20,000-row import of a text-only county table. Budget: under 10% of the import without it.
 *
 * Every measurement is the first of its kind in a fresh process, as an import pays it: an import reads each
 * staged file's words once (understood.ts), with a cold JIT and with memos (shared/text/memo.ts) that hold
 * nothing of this table. Calling the reader again in the same process would time memos filled by the first
 * call — about half the first call's time — so the second call is shown beside it but not judged.
 * - Two imports end to end (stage, parse in the worker, understand, match, diff, commit): one accepting no
 *   figure (the words are then not read at all) and one accepting every figure (`--accept-figures`: read,
 *   matched and written).
 * - The reading alone: the same rows understood as the importer understands them, then `withFigures` once.
 * Medians of 5 rounds, the three kinds interleaved; main-thread CPU time is shown beside the wall time of the
 * reading, as it moves less when other processes share the cores. The children run this file bundled as the app
 * and `ledger` are (bundleBenchScript), so both sides of the share are the code a user runs. Run with `npx tsx build/bench/figures.ts`;
 * exits 1 when over budget.
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
import { median, ms, reportBudgets } from './report';

const BUDGET = 0.1;
const rows = Number(process.env.BENCH_ROWS ?? 20_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);

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

const processMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** One import: wall time, and CPU time of the whole process (the parsing worker and the collector included). */
async function importOnce(file: string, dbPath: string, accept: boolean): Promise<{ ms: number; cpuMs: number }> {
  const bytes = fs.readFileSync(file);
  const backend = await openBackend({ dbPath, actor: 'bench' });
  const c = processMs();
  const t = performance.now();
  // The bytes as the desktop app and `ledger import` hand them over (not base64).
  const staged = (await backend.call('import.stage', { fileName: path.basename(file), content: bytes })) as { stagingId: string };
  await backend.call('import.commit', { stagingId: staged.stagingId, ...(accept ? { figures: 'all' } : {}) });
  const ms = performance.now() - t;
  const cpuMs = processMs() - c;
  backend.close();
  return { ms, cpuMs };
}

const threadMs = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};

interface Reading {
  /** The first call, as an import makes it: wall time, the whole process's and the main thread's CPU time. */
  ms: number;
  cpuMs: number;
  threadMs: number;
  /** The same call again in the same process (memos filled, JIT warm): not what an import pays. */
  againMs: number;
  figures: number;
}

/** The words of the table read once, in a process that has only understood the table before. */
function readOnce(file: string): Reading {
  const understood = understandTable({ cells: XLSX.read(fs.readFileSync(file), { dense: true }).Sheets['推进情况表']!['!data']!.map((r) => (r ?? []).map((c) => c?.v ?? null)) as never, merges: [] });
  // The import parses in a worker, whose heap is not this one: SheetJS's workbook is not left for the reading to collect.
  globalThis.gc?.();
  const c = processMs();
  const c1 = threadMs();
  const t = performance.now();
  const figured = withFigures(understood, 2022);
  const first = performance.now() - t;
  const thread = threadMs() - c1;
  const cpuMs = processMs() - c;
  const t2 = performance.now();
  withFigures(understood, 2022);
  const againMs = performance.now() - t2;
  const figures = figured.rows.reduce((n, r) => n + r.figures.targets.length + r.figures.actuals.length + (r.figures.stated ? 1 : 0), 0);
  return { ms: first, cpuMs, threadMs: thread, againMs, figures };
}

if (process.argv[2] === 'child') {
  const [, , , kind, file, dbPath] = process.argv;
  console.log(JSON.stringify(kind === 'read' ? readOnce(file!) : await importOnce(file!, dbPath!, kind === 'all')));
} else {
  // The children run this file bundled as the app's code is (see import.ts); esbuild is loaded here only.
  const script = await (await import('../bundle.mjs')).bundleBenchScript(fileURLToPath(import.meta.url));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-figures-'));
  const file = path.join(dir, 'county-text-only.xlsx');
  fs.writeFileSync(file, table());
  console.log(`Figures benchmark: ${rows} text-only rows, each measurement the first in a fresh process, medians of ${runs}`);
  const child = <T>(kind: 'all' | 'none' | 'read', db = ''): T => {
    const run = spawnSync(process.execPath, ['--expose-gc', script, 'child', kind, file, db], { encoding: 'utf8' });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    if (run.status !== 0 || !line.startsWith('{')) throw new Error(`bench child failed:\n${run.stderr}`);
    return JSON.parse(line) as T;
  };
  type Import = { ms: number; cpuMs: number };
  const plain: Import[] = [];
  const accepting: Import[] = [];
  const readings: Reading[] = [];
  for (let i = 0; i < runs; i++) {
    plain.push(child<Import>('none', path.join(dir, `none-${i}.sqlite`)));
    accepting.push(child<Import>('all', path.join(dir, `all-${i}.sqlite`)));
    readings.push(child<Reading>('read'));
  }
  const plainMs = median(plain.map((r) => r.ms));
  const importMs = median(accepting.map((r) => r.ms));
  const readMs = median(readings.map((r) => r.ms));
  const againMs = median(readings.map((r) => r.againMs));
  const share = readMs / plainMs;
  const cpuShare = median(readings.map((r) => r.cpuMs)) / median(plain.map((r) => r.cpuMs));
  const list = (values: readonly { ms: number }[]) => values.map((v) => Math.round(v.ms)).join(', ');
  console.log(`  import accepting no figure (the words are not read): ${ms(plainMs)} (${list(plain)}), CPU ${ms(median(plain.map((r) => r.cpuMs)))}`);
  console.log(`  import with every figure accepted (read, matched, written): ${ms(importMs)} (${list(accepting)}), ${readings[0]!.figures} figures`);
  console.log(`  reading the figures, first call: ${ms(readMs)} (${list(readings)}), CPU ${ms(median(readings.map((r) => r.cpuMs)))}, main thread ${ms(median(readings.map((r) => r.threadMs)))}`);
  console.log(`  the same call again in the same process (memos filled, not what an import pays): ${ms(againMs)}`);
  console.log(`  share in CPU time (less moved by other processes): ${(cpuShare * 100).toFixed(1)}%`);
  reportBudgets([
    {
      name: `reading figures, ${rows.toLocaleString('en')} text-only rows`,
      budget: '< 10% of the import without',
      measured: `${(share * 100).toFixed(1)}% (${ms(readMs)} = ${((readMs / rows) * 1000).toFixed(1)} µs a row, of ${ms(plainMs)}; median of ${runs})`,
      ok: share < BUDGET,
    },
  ]);
  fs.rmSync(dir, { recursive: true, force: true });
}
