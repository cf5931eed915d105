/**
 * Export budget (DESIGN §8 style): a styled, sealed workbook of 20,000 rows must be written in under 3 s.
 * Run with `npx tsx build/bench/export.ts`; prints the median of a few runs and exits 1 when over budget.
 * Rows cycle through realistic county-table texts (long 工作任务 and 工作进度, multi-line units), so row-height
 * measurement, styles, the canonical JSON, the hash and the signature are all exercised at full size.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateOfficeKey } from '../../electron/backend/export/keys';
import { verifyWorkbook } from '../../electron/backend/export/verify';
import { writeSealedWorkbook } from '../../electron/backend/export/workbook';
import { snapshotFormat, type PeriodSnapshot, type SnapshotRow } from '../../shared/snapshot';

const ROWS = 20_000;
const BUDGET_MS = 3_000;
const TIMED_RUNS = 3;

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

function bigSnapshot(): PeriodSnapshot {
  const rows = Array.from({ length: ROWS }, (_, i) => ({
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

const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
try {
  const key = loadOrCreateOfficeKey(keyDir, '叶县人民政府办公室');
  const snapshot = bigSnapshot();
  let bytes = await writeSealedWorkbook(snapshot, key); // warm-up: module loading and JIT
  const times: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    const start = performance.now();
    bytes = await writeSealedWorkbook(snapshot, key);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const verifyStart = performance.now();
  const verified = await verifyWorkbook(bytes, { trusted: [{ fingerprint: key.fingerprint, office: key.office }] });
  const verifyMs = performance.now() - verifyStart;
  console.log(
    `export of ${ROWS.toLocaleString('en')} rows: median ${median.toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join(', ')}), ` +
      `${(bytes.length / 1024 / 1024).toFixed(1)} MB; verify ${verifyMs.toFixed(0)} ms (${verified.valid ? 'valid' : 'INVALID'}); budget ${BUDGET_MS} ms`,
  );
  if (!verified.valid) {
    console.error('the benchmark workbook did not verify');
    process.exitCode = 1;
  } else if (median > BUDGET_MS) {
    console.error(`over budget by ${(median - BUDGET_MS).toFixed(0)} ms`);
    process.exitCode = 1;
  }
} finally {
  fs.rmSync(keyDir, { recursive: true, force: true });
}
