/**
 * Import benchmark (DESIGN §8): a 20,000-row county table imported end to end — parse (in the reading
 * worker), understand, match, diff, commit — against a bare SheetJS read of the same file. Budget: within
 * 1.5× the bare read; peak memory under 400 MB.
 *
 * Each measurement runs in a fresh process, so process start-up is excluded and nothing one step left in the
 * heap counts against another; peak memory is the process's own high-water mark (`maxRSS`, the parsing
 * worker included). Two imports are timed: the table into an empty ledger (every row new), then next month's
 * table of the same projects (every row matched and changed).
 * Run with `npx tsx build/bench/import.ts`; exits 1 when over budget.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { openBackend } from '../../electron/backend/backend';

const BUDGET_RATIO = 1.5;
const BUDGET_MB = 400;
const rows = Number(process.env.BENCH_ROWS ?? 20_000);
const units = ['县人社局', '县医保局', '县城管局\n县住建局', '县交通局', '县教体局', '县民政局', '县卫健委', '县残联'];

function countyTable(month: number): Buffer {
  const aoa: (string | number)[][] = [
    ['2022年省民生实事叶县工作任务推进情况表'],
    ['填报单位：叶县人民政府办公室', '', '', `截至日期：2022年${month}月25日`],
    ['编号', '工作任务', '责任单位', '责任人', '分管领导', '工作进度'],
  ];
  for (let i = 1; i <= rows; i++) {
    const unit = units[i % units.length]!;
    const done = i + month;
    aoa.push([
      i,
      `第${i}项民生实事。全年完成技能培训${(i % 9) + 1}.${i % 10}万人次、新增技能人才${i % 7}万人。`,
      unit,
      i % 3 ? '虎永福' : '王 晓 滕跃峰',
      '胡炜哲',
      unit.includes('\n') ? `县城管局：已整改病害井盖${done}座。\n县住建局：已完成招标。` : `目前已成立${done % 20}家企业评价机构，完成${month}家社会评价机构备案。`,
    ]);
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), '推进情况表');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

interface Measurement {
  ms: number;
  peakMb: number;
  counts?: Record<string, number>;
}

/** In a child process: one bare read, or one import into the given ledger. */
async function child(mode: string, file: string, dbPath: string): Promise<Measurement> {
  const bytes = fs.readFileSync(file);
  if (mode === 'bare') {
    const t = performance.now();
    XLSX.read(bytes, { dense: true });
    return { ms: performance.now() - t, peakMb: process.resourceUsage().maxRSS / 1024 };
  }
  const backend = await openBackend({ dbPath, actor: 'bench' });
  const t = performance.now();
  const staged = (await backend.call('import.stage', { fileName: path.basename(file), contentBase64: bytes.toString('base64') })) as { stagingId: string };
  const batch = (await backend.call('import.commit', { stagingId: staged.stagingId })) as { counts: Record<string, number> };
  const ms = performance.now() - t;
  backend.close();
  return { ms, peakMb: process.resourceUsage().maxRSS / 1024, counts: batch.counts };
}

function measure(mode: string, file: string, dbPath = ''): Measurement {
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'child', mode, file, dbPath], { encoding: 'utf8' });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) throw new Error(`bench child ${mode} failed:\n${run.stderr}`);
  return JSON.parse(line) as Measurement;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

if (process.argv[2] === 'child') {
  const [, , , mode, file, dbPath] = process.argv;
  console.log(JSON.stringify(await child(mode!, file!, dbPath!)));
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-import-'));
  const july = path.join(dir, 'county-2022-07.xlsx');
  const august = path.join(dir, 'county-2022-08.xlsx');
  fs.writeFileSync(july, countyTable(7));
  fs.writeFileSync(august, countyTable(8));
  console.log(`Import benchmark: ${rows} rows, ${(fs.statSync(july).size / 1e6).toFixed(1)} MB xlsx, each step in a fresh process`);

  const bare = median([1, 2, 3].map(() => measure('bare', july).ms));
  console.log(`  bare SheetJS read (median of 3): ${bare.toFixed(0)} ms`);
  let ok = true;
  const ledger = path.join(dir, 'ledger.sqlite');
  for (const [label, file] of [
    ['first import, every row new', july],
    ['next month, every row matched and changed', august],
  ] as const) {
    const m = measure('import', file, ledger);
    const ratio = m.ms / bare;
    const within = ratio <= BUDGET_RATIO && m.peakMb < BUDGET_MB;
    ok &&= within;
    const counts = Object.entries(m.counts ?? {}).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`  ${label}: ${m.ms.toFixed(0)} ms = ${ratio.toFixed(2)}× the bare read (budget ${BUDGET_RATIO}×), peak ${m.peakMb.toFixed(0)} MB (budget ${BUDGET_MB} MB); ${counts}${within ? '' : '  OVER BUDGET'}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(ok ? '  within budget' : '  OVER BUDGET');
  process.exitCode = ok ? 0 : 1;
}
