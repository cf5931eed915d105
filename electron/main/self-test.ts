/**
 * The self-test behind `民生实事台账 --self-test`: the round trip a user's first month makes — create a plan,
 * import a department's workbook (through the parsing worker), sign off, export the sealed table, verify it —
 * driven through one `call(method, input)` door. In the app that door is the page's own window.ledger
 * (self-test-page.ts), so the real preload, IPC relay, utility process, worker and SQLite are all on the path;
 * tests drive the same steps against the real backend in Node. No 'electron' import.
 */
import type { Input, MethodName, Output } from '../../shared/api/contract';

export interface Caller {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
}

/** The part of SheetJS the self-test uses to write its workbook (the app passes the copy it ships for the worker). */
export interface SheetWriter {
  utils: {
    aoa_to_sheet(rows: unknown[][]): unknown;
    book_new(): unknown;
    book_append_sheet(book: unknown, sheet: unknown, name: string): unknown;
  };
  write(book: unknown, options: { type: 'array'; bookType: 'xlsx' }): ArrayBuffer;
}

export interface SelfTestStep {
  step: string;
  ok: boolean;
  ms: number;
  error?: string;
  code?: string;
}

export interface SelfTestReport {
  ok: boolean;
  electron?: string;
  /** The first step that failed. */
  failed?: string;
  steps: SelfTestStep[];
}

export interface SelfTestOptions {
  xlsx: SheetWriter;
  /** 'bytes' for the desktop app's IPC (structured clone), 'base64' for JSON doors (the loopback bridge). */
  transport: 'bytes' | 'base64';
  /** Steps to run first, e.g. that the page has window.ledger and nothing of Node. */
  before?: Array<{ step: string; run: () => Promise<void> }>;
  electron?: string;
  clock?: () => number;
}

export const selfTestPlan = { year: 2024, name: '自检-2024年重点民生实事', asOf: '2024-06-30', office: '自检单位' } as const;

/** A department's progress table as offices write it: title, 填报单位 and 截至日期, header, two projects. */
export function selfTestWorkbook(xlsx: SheetWriter): Uint8Array<ArrayBuffer> {
  const rows = [
    [`${selfTestPlan.name}工作任务推进情况表`],
    [`填报单位：${selfTestPlan.office}`, null, null, '截至日期：2024年6月30日'],
    ['编号', '工作任务', '责任单位', '责任人', '分管领导', '工作进度'],
    [1, '新建城区公办幼儿园2所，新增学位540个。', '县教育局', '王晓', '李树辉', '两所幼儿园主体已封顶，正在室内装修。'],
    [2, '改造老旧小区供水管网12公里。', '县住建局', '滕跃峰', '常姣峰', '已完成管网改造8公里。'],
  ];
  const book = xlsx.utils.book_new();
  xlsx.utils.book_append_sheet(book, xlsx.utils.aoa_to_sheet(rows), '推进情况');
  return new Uint8Array(xlsx.write(book, { type: 'array', bookType: 'xlsx' }));
}

export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

class StepFailed extends Error {}

function check(ok: boolean, message: string): void {
  if (!ok) throw new StepFailed(message);
}

/** The steps, each a function of what the earlier ones produced. */
function steps(ledger: Caller, options: SelfTestOptions) {
  const state = { planId: 0, periodId: 0, file: { fileName: '', contentBase64: '' } };
  return [
    ...(options.before ?? []),
    {
      step: 'app.info',
      run: async () => {
        const info = await ledger.call('app.info', {});
        check(info.schemaVersion > 0, '数据库版本无效');
      },
    },
    {
      step: 'plans.create',
      run: async () => {
        const plan = await ledger.call('plans.create', { year: selfTestPlan.year, level: 'county', name: selfTestPlan.name });
        state.planId = plan.id;
      },
    },
    {
      step: 'import',
      run: async () => {
        const bytes = selfTestWorkbook(options.xlsx);
        const content = options.transport === 'bytes' ? { content: bytes } : { contentBase64: base64Of(bytes) };
        const staged = await ledger.call('import.stage', { fileName: '自检推进情况表.xlsx', ...content });
        const target = { stagingId: staged.stagingId, planId: state.planId, asOf: selfTestPlan.asOf };
        const diff = await ledger.call('import.diff', target);
        check(diff.counts.new === 2, `导入预览应有 2 个新项目，实际 ${diff.counts.new} 个`);
        const batch = await ledger.call('import.commit', target);
        check(batch.counts.new === 2, `导入应写入 2 个新项目，实际 ${batch.counts.new} 个`);
      },
    },
    {
      step: 'signoff',
      run: async () => {
        await ledger.call('settings.update', { officeName: selfTestPlan.office });
        const period = (await ledger.call('periods.list', { planId: state.planId })).find((p) => p.asOf === selfTestPlan.asOf);
        check(period !== undefined, `导入后没有截至 ${selfTestPlan.asOf} 的报送期`);
        state.periodId = period!.id;
        const prepared = await ledger.call('signoff.prepare', { periodId: state.periodId, preparer: '自检填表人' });
        await ledger.call('signoff.review', { id: prepared.id, reviewer: '自检审核人' });
        const signed = await ledger.call('signoff.sign', { id: prepared.id, signer: '自检签发人' });
        check(signed.state === 'signed', `签发后状态应为 signed，实际 ${signed.state}`);
      },
    },
    {
      step: 'export',
      run: async () => {
        const file = await ledger.call('export.period', { periodId: state.periodId });
        check(file.fileName.endsWith('.xlsx') && file.contentBase64.length > 0, '导出的文件为空');
        state.file = { fileName: file.fileName, contentBase64: file.contentBase64 };
      },
    },
    {
      step: 'verify',
      run: async () => {
        const report = await ledger.call('verify.file', state.file);
        check(report.sealed && report.valid && report.changes.length === 0, '导出的报表未通过签章核验');
      },
    },
  ];
}

/** Runs every step in order and stops at the first failure; never throws. */
export async function runSelfTest(ledger: Caller, options: SelfTestOptions): Promise<SelfTestReport> {
  const clock = options.clock ?? (() => performance.now());
  const report: SelfTestReport = { ok: true, ...(options.electron ? { electron: options.electron } : {}), steps: [] };
  for (const { step, run } of steps(ledger, options)) {
    const started = clock();
    try {
      await run();
      report.steps.push({ step, ok: true, ms: Math.round(clock() - started) });
    } catch (error) {
      const { message, code } = error as { message?: unknown; code?: unknown };
      report.steps.push({
        step,
        ok: false,
        ms: Math.round(clock() - started),
        error: typeof message === 'string' ? message : String(error),
        ...(typeof code === 'string' ? { code } : {}),
      });
      return { ...report, ok: false, failed: step };
    }
  }
  return report;
}

/** A step that failed before the steps could run (the page did not load, the backend did not start, time ran out). */
export function failedBeforeSteps(step: string, error: string, electron?: string): SelfTestReport {
  return { ok: false, ...(electron ? { electron } : {}), failed: step, steps: [{ step, ok: false, ms: 0, error }] };
}

export interface SelfTestArgs {
  enabled: boolean;
  /** --self-test-report=FILE: also write the JSON line there (a Windows GUI app's stdout may go nowhere). */
  reportFile?: string;
}

/** Reads `--self-test` (and `--self-test-report=FILE`) from the command line. */
export function selfTestArgs(argv: readonly string[]): SelfTestArgs {
  const enabled = argv.includes('--self-test');
  const report = argv.find((arg) => arg.startsWith('--self-test-report='));
  const reportFile = report?.slice('--self-test-report='.length);
  return { enabled: enabled || Boolean(reportFile), ...(reportFile ? { reportFile } : {}) };
}

/** How long the whole self-test may take before it reports 'timeout' (a packaged app on a slow office PC). */
export const selfTestTimeoutMs = 120_000;
