/**
 * Export and verify budgets (issue #13): a styled, sealed workbook of 20,000 rows written in < 1.5 s with a
 * peak under 300 MB, 50,000 rows in linear time, and the seal of the 20,000-row file checked in < 1.5 s under
 * 400 MB. Rows cycle through realistic county-table texts (long 工作任务 and 工作进度, multi-line units), so
 * row-height measurement, styles, the canonical JSON, the hash and the signature are all exercised at full size.
 *
 * Every measurement runs in a fresh process (as import.ts does): peak memory is that process's own high-water
 * mark (maxRSS, the snapshot and the loaded modules included), and nothing one run left in the heap counts
 * against the next. Times are medians of RUNS such processes. Run with `npx tsx build/bench/export.ts`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrCreateOfficeKey } from '../../electron/backend/export/keys';
import { verifyWorkbook } from '../../electron/backend/export/verify';
import { writeSealedWorkbook } from '../../electron/backend/export/workbook';
import { snapshotFormat, type PeriodSnapshot, type SnapshotRow } from '../../shared/snapshot';
import { mb, median, ms, reportBudgets, type BudgetLine } from './report';

const SIZES = [20_000, 50_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const EXPORT_MS = 1_500;
const EXPORT_MB = 300;
const VERIFY_MS = 1_500;
const VERIFY_MB = 400;
/** Linear: a row of the 50,000-row table may cost at most this much more than a row of the 20,000-row one. */
const LINEAR_SLACK = 1.25;
const office = '叶县人民政府办公室';

const templates: Omit<SnapshotRow, 'seq'>[] = [
  {
    task: '开展职业技能培训和评价取证。高质量推进“人人持证、技能河南”建设，全年完成技能培训2.8万人次、新增技能人才2.28万人（含高技能人才9300人）。',
    units: ['县人社局'],
    responsiblePeople: ['虎永福'],
    leaders: ['胡炜哲'],
    progress: '成立“人人持证、技能河南”工作专班；推动企业、社会、院校评价机构建立及评价前期准备工作。目前已成立16家企业评价机构，完成5家社会评价机构备案。各成员单位完成培训人数5.48万人次，新增技能人才3.21万人（含新增高技能人才1.13万人）。',
  },
  {
    task: '推进城市窨井设施及城镇老旧小区改造提升。落实窨井设施数字化管理平台的建设将其纳入到城市数字化管理平台中，对存在安全隐患的窨井设施更换改造（市定任务478个）。',
    units: ['县城管局', '县住建局'],
    responsiblePeople: ['王 晓', '滕跃峰'],
    leaders: ['常姣峰'],
    progress: '县城管局：已整改病害井盖201座，道路升级改造更换954座、雨水篦子1157座。超额完成市定任务数的400%。\n县住建局：已完成拦标价编制工作，已完成招标程序审批工作并发布招标公告，7月28日进行公开招标。',
  },
  {
    task: '加快农村交通物流体系建设。推动“四好农村路”高质量发展，新建和改造农村公路 115.26 公里；推进农村客运班线公交化运营，新增 35 个行政村农村客运班线实现公交化运行。',
    units: ['县交通局', '县商务局'],
    responsiblePeople: ['兰建伟', '王清伟'],
    leaders: ['胡炜哲', '王二宝', '何鹏飞'],
    progress: '县交通局：一是 2022 年正在自主实施的“四好农村路”提升改建项目共计 7 条，全长 50.49 公里，总投资 14667.2 万元，目前路基完成 27.118 公里，路面完成 11.844 公里，计划 12 月底完工。\n县商务局：已完成 124 个行政村的电商综合服务网点建设。',
  },
];

function bigSnapshot(rowCount: number): PeriodSnapshot {
  const rows = Array.from({ length: rowCount }, (_, i) => ({
    ...templates[i % templates.length]!,
    seq: String(i + 1),
    status: i % 3 ? '持续推进' : '已完成',
    completion: (i % 100) / 100,
    timeProgress: 0.5616,
  }));
  return {
    format: snapshotFormat,
    office: '叶县人民政府办公室',
    plan: { year: 2022, name: '2022年省民生实事叶县', level: 'province' },
    period: { label: '2022年7月', asOf: '2022-07-25' },
    revision: 1,
    revisionReason: '',
    columns: ['status', 'completion', 'timeProgress'],
    rows,
    signOff: { preparer: '张晓梅', preparedAt: null, reviewer: '李建国', reviewedAt: null, signer: '王东效', signedAt: '2022-07-25T08:30:00.000Z' },
  };
}

interface Measurement {
  ms: number;
  peakMb: number;
  bytes?: number;
  valid?: boolean;
}

/** In a child process: one export (written to `file`), or one verify of `file`. */
async function child(mode: string, keyDir: string, file: string, rowCount: number): Promise<Measurement> {
  const key = loadOrCreateOfficeKey(keyDir, office);
  if (mode === 'export') {
    const snapshot = bigSnapshot(rowCount);
    const start = performance.now();
    const bytes = await writeSealedWorkbook(snapshot, key);
    const elapsed = performance.now() - start;
    fs.writeFileSync(file, bytes);
    return { ms: elapsed, peakMb: process.resourceUsage().maxRSS / 1024, bytes: bytes.length };
  }
  const bytes = fs.readFileSync(file);
  const start = performance.now();
  const verified = await verifyWorkbook(bytes, { trusted: [{ fingerprint: key.fingerprint, office: key.office }] });
  return { ms: performance.now() - start, peakMb: process.resourceUsage().maxRSS / 1024, valid: verified.valid };
}

function measure(mode: string, keyDir: string, file: string, rowCount: number): Measurement {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), 'child', mode, keyDir, file, String(rowCount)];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) throw new Error(`bench child ${mode} failed:\n${run.stderr}`);
  return JSON.parse(line) as Measurement;
}

function series(mode: string, keyDir: string, file: string, rowCount: number): { ms: number; peakMb: number; all: Measurement[] } {
  const all = Array.from({ length: RUNS }, () => measure(mode, keyDir, file, rowCount));
  return { ms: median(all.map((m) => m.ms)), peakMb: Math.max(...all.map((m) => m.peakMb)), all };
}

if (process.argv[2] === 'child') {
  const [, , , mode, keyDir, file, rowCount] = process.argv;
  console.log(JSON.stringify(await child(mode!, keyDir!, file!, Number(rowCount))));
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-export-'));
  try {
    loadOrCreateOfficeKey(dir, office);
    console.log(`Export benchmark: sealed, styled tables of ${SIZES.map((n) => n.toLocaleString('en')).join(' and ')} rows, each run in a fresh process, medians of ${RUNS}`);
    const lines: BudgetLine[] = [];
    const perRow: number[] = [];
    for (const rowCount of SIZES) {
      const file = path.join(dir, `table-${rowCount}.xlsx`);
      const exported = series('export', dir, file, rowCount);
      const size = ((exported.all[0]!.bytes ?? 0) / 1024 / 1024).toFixed(1);
      console.log(`  export of ${rowCount.toLocaleString('en')} rows: ${exported.all.map((m) => m.ms.toFixed(0)).join(', ')} ms; peak ${exported.peakMb.toFixed(0)} MB; ${size} MB file`);
      perRow.push(exported.ms / rowCount);
      const label = `export ${rowCount.toLocaleString('en')} rows`;
      if (rowCount === SIZES[0]) {
        lines.push({ name: `${label}: time`, budget: `< ${ms(EXPORT_MS)}`, measured: ms(exported.ms), ok: exported.ms < EXPORT_MS });
        lines.push({ name: `${label}: peak memory`, budget: `< ${mb(EXPORT_MB)}`, measured: mb(exported.peakMb), ok: exported.peakMb < EXPORT_MB });
        const verified = series('verify', dir, file, rowCount);
        console.log(`  verify of that file: ${verified.all.map((m) => m.ms.toFixed(0)).join(', ')} ms; peak ${verified.peakMb.toFixed(0)} MB`);
        const valid = verified.all.every((m) => m.valid);
        if (!valid) console.error('  the benchmark workbook did not verify');
        lines.push({ name: `verify ${rowCount.toLocaleString('en')} rows: time`, budget: `< ${ms(VERIFY_MS)}`, measured: ms(verified.ms), ok: valid && verified.ms < VERIFY_MS });
        lines.push({ name: `verify ${rowCount.toLocaleString('en')} rows: peak memory`, budget: `< ${mb(VERIFY_MB)}`, measured: mb(verified.peakMb), ok: verified.peakMb < VERIFY_MB });
      } else {
        const growth = perRow.at(-1)! / perRow[0]!;
        lines.push({
          name: `${label}: time per row vs 20,000`,
          budget: `≤ ${LINEAR_SLACK}× (linear)`,
          measured: `${growth.toFixed(2)}× (${ms(exported.ms)}, peak ${mb(exported.peakMb)})`,
          ok: growth <= LINEAR_SLACK,
        });
      }
    }
    reportBudgets(lines);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
