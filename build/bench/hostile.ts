/**
 * Hostile-file benchmark (DESIGN §8, #15): a 10,000-sheet workbook, a decompression bomb, a file over the
 * size limit and a 99 MB CSV are each refused in < 5 s and < 600 MB, on the wizard's own path (import.stage
 * then import.preview on a real backend). Each runs in a fresh process: the time excludes start-up, the peak is
 * the process's maxRSS (the parsing worker included).
 * Run with `npx tsx build/bench/hostile.ts`; exits 1 when over budget.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openBackend } from '../../electron/backend/backend';

const BUDGET_MS = 5000;
const BUDGET_MB = 600;
const MB = 1024 * 1024;

/** 10,000 sheets of notes, written by ExcelJS (about 20 s: its cost grows with the square of the sheet count). */
async function manySheets(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (let i = 1; i <= 10_000; i++) {
    const sheet = book.addWorksheet(`说明${i}`);
    sheet.addRow([`填表说明第${i}页：本表由各责任单位按月填报，请勿改动表头。`]);
  }
  fs.writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
}

/** An xlsx whose one sheet inflates to 400 MB of blanks (written by JSZip). */
async function zipBomb(file: string): Promise<void> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="表" sheetId="1"/></sheets></workbook>');
  zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(400 * MB, 0x20));
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
}

function csv(file: string, size: number): void {
  const row = '1,第1项民生实事，新建城区公办幼儿园3所,县教体局,主体完工\n';
  fs.writeFileSync(file, '编号,工作任务,责任单位,工作进度\n' + row.repeat(Math.ceil(size / Buffer.byteLength(row))));
}

interface Measurement {
  ms: number;
  peakMb: number;
  outcome: string;
}

/** In a child process: the file staged and previewed as the wizard does. */
async function child(file: string, dbPath: string): Promise<Measurement> {
  const backend = await openBackend({ dbPath, actor: 'bench' });
  const t = performance.now();
  let outcome: string;
  try {
    const content = fs.readFileSync(file).toString('base64');
    const staged = (await backend.call('import.stage', { fileName: path.basename(file), contentBase64: content })) as { stagingId: string };
    const preview = (await backend.call('import.preview', { stagingId: staged.stagingId })) as { sheet: string };
    outcome = `read ${preview.sheet}`;
  } catch (error) {
    outcome = `${(error as { code?: string }).code ?? 'THROWN'}: ${String((error as Error).message).slice(0, 70)}`;
  }
  const ms = performance.now() - t;
  backend.close();
  return { ms, peakMb: process.resourceUsage().maxRSS / 1024, outcome };
}

function measure(file: string, dbPath: string): Measurement {
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'child', file, dbPath], { encoding: 'utf8', timeout: 120_000 });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) return { ms: Number.POSITIVE_INFINITY, peakMb: Number.POSITIVE_INFINITY, outcome: `child failed (${run.signal ?? run.status}): ${run.stderr.slice(-300)}` };
  return JSON.parse(line) as Measurement;
}

const makers: Record<string, (file: string) => Promise<void> | void> = {
  sheets: manySheets,
  bomb: zipBomb,
  huge: (file) => csv(file, 100 * MB + 1),
  csv: (file) => csv(file, 99 * MB),
};

if (process.argv[2] === 'child') {
  const [, , , file, dbPath] = process.argv;
  console.log(JSON.stringify(await child(file!, dbPath!)));
} else if (process.argv[2] === 'make') {
  // Files are written in a process of their own: on Linux a child's maxRSS starts from its parent's RSS at
  // the fork, so a parent that had just built a 400 MB bomb would inflate every figure.
  await makers[process.argv[3]!]!(process.argv[4]!);
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-hostile-'));
  const files: [string, string, string][] = [
    ['10,000-sheet workbook', '一万张工作表.xlsx', 'sheets'],
    ['zip bomb (400 MB inflated)', '压缩炸弹.xlsx', 'bomb'],
    ['file over 100 MB', '超大.csv', 'huge'],
    ['99 MB CSV', '大表.csv', 'csv'],
  ];
  console.log('Hostile-file benchmark: staged and previewed on a real backend, each in a fresh process');
  let ok = true;
  for (const [label, name, make] of files) {
    const file = path.join(dir, name);
    spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'make', make, file], { stdio: 'inherit' });
    const m = measure(file, path.join(dir, `${name}.sqlite`));
    const within = m.ms < BUDGET_MS && m.peakMb < BUDGET_MB && !m.outcome.startsWith('read');
    ok &&= within;
    console.log(`  ${label} (${(fs.statSync(file).size / MB).toFixed(1)} MB): ${m.ms.toFixed(0)} ms (budget ${BUDGET_MS}), peak ${m.peakMb.toFixed(0)} MB (budget ${BUDGET_MB}) — ${m.outcome}${within ? '' : '  OVER BUDGET'}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(ok ? '  within budget' : '  OVER BUDGET');
  process.exitCode = ok ? 0 : 1;
}
