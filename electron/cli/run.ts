import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import { LedgerError, toErrorPayload } from '../../shared/errors';
import type { Plan, PlanSummary, Project } from '../../shared/domain';
import type { Backend, BackendOptions } from '../backend/backend';
import type { Bridge, BridgeOptions } from '../serve/server';
import { backupsDir, listBackups } from '../../db/backups';
import { defaultDbPath } from '../backend/paths';
import { appVersion } from '../backend/version';
import { assertRendererBuilt, rendererDir } from '../serve/renderer-dir';
import { intOption, listOption, numberOption, parseActualOption, parseOptions, requireOption } from './args';
import { statusJson, statusText } from './status-output';
import { batchText, previewText, readImportFile } from './import-output';
import { chosenPeriod, verifyText, writeNewFile } from './signoff-output';
import { helpText } from './help';
import { parseTemplate, requireDocx } from './bulletin-options';
import { localDateTime } from '../../shared/text/datetime';
import { withCliHint } from './hints';
import { levelNames, parseLevel } from './levels';

/** Why each backup was made, in the words 设置 → 数据备份 uses. */
const backupKindNames = { migration: '升级程序前', import: '导入前', restore: '恢复前', daily: '每日自动', manual: '手动' } as const;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Resolves when the user asks a long-running command (serve) to stop. */
  untilStopped(): Promise<void>;
}

const globalOptions = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
  version: { type: 'boolean', default: false },
} as const;

type Globals = { db?: string; json: boolean; debug: boolean };

/** Runs one CLI invocation and returns its exit code: 0 done, 2 failed. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const wantsJson = argv.includes('--json');
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === 'help') return void io.out(helpText), 0;
    if (command === '--version') return void io.out(appVersion + '\n'), 0;
    const run = commands[command];
    if (!run) throw new LedgerError('INVALID_INPUT', `没有“${command}”这个命令。用 --help 查看用法。`);
    return await run(rest, io);
  } catch (error) {
    const payload = toErrorPayload(error);
    payload.message = withCliHint(payload.message);
    if (wantsJson) io.out(JSON.stringify({ error: payload }) + '\n');
    else io.err(`错误：${payload.message}\n`);
    if (argv.includes('--debug') && error instanceof Error) io.err(`${error.stack ?? error.message}\n`);
    return 2;
  }
}

type Command = (args: string[], io: CliIo) => Promise<number>;

/**
 * The backend (SQLite, every feature) and the bridge load when a command needs them, not at start-up:
 * `ledger --help` stays a few hundred milliseconds.
 */
const openBackend = async (options: BackendOptions): Promise<Backend> => (await import('../backend/backend')).openBackend(options);
const openBackendOrRecovery = async (options: BackendOptions): Promise<Backend> => (await import('../backend/recovery')).openBackendOrRecovery(options);
const startBridge = async (options: BridgeOptions): Promise<Bridge> => (await import('../serve/server')).startBridge(options);

async function withBackend<T>(globals: Globals, io: CliIo, work: (backend: Backend) => Promise<T>, open = openBackend): Promise<T> {
  const backend = await open({ dbPath: globals.db ?? defaultDbPath(io.env) });
  try {
    return await work(backend);
  } finally {
    backend.close();
  }
}

function call<M extends MethodName>(backend: Backend, method: M, input: unknown): Promise<Output<M>> {
  return backend.call(method, input) as Promise<Output<M>>;
}

function print(io: CliIo, globals: Globals, value: unknown, human: () => string): number {
  io.out(globals.json ? JSON.stringify(value, null, 2) + '\n' : human());
  return 0;
}

const planLine = (p: Plan | PlanSummary) =>
  `#${p.id}  ${p.year} 年  ${levelNames[p.level]}级  ${p.name}  （${p.startDate} 至 ${p.endDate}）` +
  ('projectCount' in p ? `  ${p.projectCount} 项` : '');
const projectLine = (p: Project) =>
  `${String(p.seq).padStart(3)}. ${p.title}  [主要责任单位：${p.leadUnits.join('、') || '—'}]` +
  (p.leaders.length ? `  [分管领导：${p.leaders.join('、')}]` : '');

function helpOr(values: { help?: boolean }, io: CliIo): boolean {
  if (values.help) io.out(helpText);
  return Boolean(values.help);
}

const commands: Record<string, Command> = {
  async init(args, io) {
    const { values } = parseOptions(args, globalOptions);
    if (helpOr(values, io)) return 0;
    return withBackend(values, io, async (backend) => {
      const info = await call(backend, 'app.info', {});
      return print(io, values, info, () => `台账数据库已就绪：${info.dbPath}（数据版本 ${info.schemaVersion}，日志模式 ${info.journalMode}）\n`);
    });
  },

  async serve(args, io) {
    const { values } = parseOptions(args, { ...globalOptions, port: { type: 'string' }, open: { type: 'boolean', default: false } });
    if (helpOr(values, io)) return 0;
    const staticDir = rendererDir(io.env);
    assertRendererBuilt(staticDir);
    // A damaged ledger still serves the app: it shows its recovery screen.
    const backend = await openBackendOrRecovery({ dbPath: values.db ?? defaultDbPath(io.env) });
    try {
      const bridge = await startBridge({
        backend,
        staticDir,
        port: intOption(values.port, 'port') ?? 0,
      });
      // The URL is the first line: scripts and tests read it.
      io.out(`${bridge.url}\n`);
      io.err(`台账已在本机启动：请在浏览器中打开上面的地址。数据库：${backend.dbPath}。按 Ctrl+C 停止。\n`);
      if (values.open) openInBrowser(bridge.url);
      await io.untilStopped();
      await bridge.close();
      return 0;
    } catch (error) {
      if ((error as { code?: string }).code === 'EADDRINUSE') {
        throw new LedgerError('CONFLICT', `端口 ${values.port} 已被占用，请换一个端口或不指定 --port。`);
      }
      throw error;
    } finally {
      backend.close();
    }
  },

  async plans(args, io) {
    const [sub, ...rest] = args;
    const { values } = parseOptions(rest, {
      ...globalOptions,
      year: { type: 'string' },
      level: { type: 'string' },
      name: { type: 'string' },
      region: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
    });
    if (helpOr(values, io)) return 0;
    return withBackend(values, io, async (backend) => {
      if (sub === 'list') {
        const plans = await call(backend, 'plans.list', {});
        return print(io, values, plans, () => (plans.length ? plans.map(planLine).join('\n') + '\n' : '还没有年度计划。用 plans create 新建。\n'));
      }
      if (sub === 'create') {
        const plan = await call(backend, 'plans.create', {
          year: intOption(requireOption(values.year, 'year'), 'year'),
          level: parseLevel(requireOption(values.level, 'level')),
          name: requireOption(values.name, 'name'),
          region: values.region,
          startDate: values.start,
          endDate: values.end,
        });
        return print(io, values, plan, () => `已创建计划 ${planLine(plan)}\n`);
      }
      throw new LedgerError('INVALID_INPUT', 'plans 之后应为 list 或 create。用 --help 查看用法。');
    });
  },

  async projects(args, io) {
    const [sub, ...rest] = args;
    const { values } = parseOptions(rest, {
      ...globalOptions,
      plan: { type: 'string' },
      title: { type: 'string' },
      goal: { type: 'string' },
      deadline: { type: 'string' },
      seq: { type: 'string' },
      'lead-unit': { type: 'string', multiple: true },
      'support-unit': { type: 'string', multiple: true },
      person: { type: 'string', multiple: true },
      leader: { type: 'string', multiple: true },
    });
    if (helpOr(values, io)) return 0;
    const planId = intOption(requireOption(values.plan, 'plan'), 'plan');
    return withBackend(values, io, async (backend) => {
      if (sub === 'list') {
        const projects = await call(backend, 'projects.list', { planId });
        return print(io, values, projects, () =>
          projects.length ? projects.map(projectLine).join('\n') + '\n' : '该计划还没有实事项目。用 projects add 添加。\n',
        );
      }
      if (sub === 'add') {
        const project = await call(backend, 'projects.create', {
          planId,
          title: requireOption(values.title, 'title'),
          goal: values.goal,
          deadline: values.deadline,
          seq: intOption(values.seq, 'seq'),
          leadUnits: listOption(values['lead-unit']),
          supportUnits: listOption(values['support-unit']),
          responsiblePeople: listOption(values.person),
          leaders: listOption(values.leader),
        });
        return print(io, values, project, () => `已添加 ${projectLine(project)}\n`);
      }
      throw new LedgerError('INVALID_INPUT', 'projects 之后应为 list 或 add。用 --help 查看用法。');
    });
  },

  async status(args, io) {
    const { values } = parseOptions(args, { ...globalOptions, plan: { type: 'string' }, 'as-of': { type: 'string' }, preset: { type: 'string' } });
    if (helpOr(values, io)) return 0;
    return withBackend(values, io, async (backend) => {
      const planId = intOption(values.plan, 'plan') ?? (await call(backend, 'plans.list', {}))[0]?.id;
      if (planId === undefined) throw new LedgerError('NOT_FOUND', '还没有年度计划。用 plans create 新建。');
      const report = await call(backend, 'status.plan', { planId, asOf: values['as-of'], preset: values.preset });
      return print(io, values, statusJson(report), () => statusText(report));
    });
  },

  async indicators(args, io) {
    const [sub, ...rest] = args;
    const { values } = parseOptions(rest, {
      ...globalOptions,
      project: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      comparator: { type: 'string' },
      target: { type: 'string' },
      unit: { type: 'string' },
      deadline: { type: 'string' },
    });
    if (helpOr(values, io)) return 0;
    const projectId = intOption(requireOption(values.project, 'project'), 'project');
    return withBackend(values, io, async (backend) => {
      if (sub === 'list') {
        const list = await call(backend, 'indicators.list', { projectId });
        return print(io, values, list, () => list.map((i) => `#${i.id}  ${i.name}  ${i.comparator} ${i.target ?? '—'} ${i.unit}`).join('\n') + '\n');
      }
      if (sub === 'add') {
        const indicator = await call(backend, 'indicators.create', {
          projectId,
          name: requireOption(values.name, 'name'),
          kind: (values.kind ?? 'count') as Input<'indicators.create'>['kind'],
          comparator: (values.comparator ?? '>=') as Input<'indicators.create'>['comparator'],
          target: numberOption(values.target, 'target'),
          unit: values.unit,
          deadline: values.deadline,
        });
        return print(io, values, indicator, () => `已添加指标 #${indicator.id} ${indicator.name}\n`);
      }
      throw new LedgerError('INVALID_INPUT', 'indicators 之后应为 list 或 add。用 --help 查看用法。');
    });
  },

  async periods(args, io) {
    const [sub, ...rest] = args;
    const { values } = parseOptions(rest, { ...globalOptions, plan: { type: 'string' }, kind: { type: 'string' }, 'as-of': { type: 'string' }, label: { type: 'string' } });
    if (helpOr(values, io)) return 0;
    const planId = intOption(requireOption(values.plan, 'plan'), 'plan');
    return withBackend(values, io, async (backend) => {
      if (sub === 'list') {
        const list = await call(backend, 'periods.list', { planId });
        return print(io, values, list, () => list.map((p) => `#${p.id}  ${p.label}  （${p.startDate} 至 ${p.asOf}）`).join('\n') + '\n');
      }
      if (sub === 'add') {
        const period = await call(backend, 'periods.create', {
          planId,
          kind: (values.kind ?? 'month') as Input<'periods.create'>['kind'],
          asOf: requireOption(values['as-of'], 'as-of'),
          label: values.label,
        });
        return print(io, values, period, () => `已添加报送期 #${period.id} ${period.label}\n`);
      }
      throw new LedgerError('INVALID_INPUT', 'periods 之后应为 list 或 add。用 --help 查看用法。');
    });
  },

  async progress(args, io) {
    const [sub, ...rest] = args;
    const { values } = parseOptions(rest, {
      ...globalOptions,
      project: { type: 'string' },
      period: { type: 'string' },
      unit: { type: 'string' },
      text: { type: 'string' },
      actual: { type: 'string', multiple: true },
    });
    if (helpOr(values, io) ) return 0;
    if (sub !== 'set') throw new LedgerError('INVALID_INPUT', 'progress 之后应为 set。用 --help 查看用法。');
    return withBackend(values, io, async (backend) => {
      const record = await call(backend, 'progress.save', {
        projectId: intOption(requireOption(values.project, 'project'), 'project'),
        periodId: intOption(requireOption(values.period, 'period'), 'period'),
        unit: values.unit ?? null,
        narrative: values.text,
        actuals: (values.actual ?? []).map(parseActualOption),
      });
      return print(io, values, record, () => `已保存进展（${record.actuals.length} 个完成值）\n`);
    });
  },

  async import(args, io) {
    const { values, positionals } = parseOptions(args, {
      ...globalOptions,
      'dry-run': { type: 'boolean', default: false },
      'accept-figures': { type: 'boolean', default: false },
      sheet: { type: 'string' },
      'header-row': { type: 'string' },
      'as-of': { type: 'string' },
      plan: { type: 'string' },
    });
    if (helpOr(values, io)) return 0;
    const file = requireOption(positionals[0], '要导入的文件');
    const bytes = readImportFile(file);
    return withBackend(values, io, async (backend) => {
      // In the same process as the backend: the bytes themselves, not base64 of them.
      const stage = await call(backend, 'import.stage', { fileName: path.basename(file), content: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
      const view = { stagingId: stage.stagingId, sheet: values.sheet, headerRow: intOption(values['header-row'], 'header-row') };
      if (values['dry-run']) {
        const preview = await call(backend, 'import.preview', view);
        const asOf = values['as-of'] ?? preview.asOf;
        const json = { format: preview.format, sheet: preview.sheet, headerRow: preview.headerRow, title: preview.title, asOf, rows: preview.rows, warnings: preview.warnings };
        return print(io, values, json, () => previewText(preview, asOf));
      }
      const figures = values['accept-figures'] ? { figures: 'all' as const } : {};
      const batch = await call(backend, 'import.commit', { ...view, planId: intOption(values.plan, 'plan'), asOf: values['as-of'], ...figures });
      return print(io, values, batch, () => batchText(batch));
    });
  },

  async imports(args, io) {
    const [sub, ...rest] = args;
    const { values, positionals } = parseOptions(rest, { ...globalOptions, plan: { type: 'string' } });
    if (helpOr(values, io)) return 0;
    return withBackend(values, io, async (backend) => {
      if (sub === 'list') {
        const batches = await call(backend, 'import.batches', { planId: intOption(values.plan, 'plan') });
        return print(io, values, batches, () => (batches.length ? batches.map(batchText).join('') : '还没有导入记录。\n'));
      }
      if (sub === 'undo') {
        const batch = await call(backend, 'import.undo', { batchId: intOption(requireOption(positionals[0], '导入记录编号'), 'batch') });
        return print(io, values, batch, () => `已撤销 ${batchText(batch)}`);
      }
      throw new LedgerError('INVALID_INPUT', 'imports 之后应为 list 或 undo。用 --help 查看用法。');
    });
  },

  async backups(args, io) {
    const [sub, ...rest] = args;
    const { values, positionals } = parseOptions(rest, globalOptions);
    if (helpOr(values, io)) return 0;
    if (sub === 'list') {
      // Read from the folder, not the ledger: this is what a damaged ledger is restored from.
      const dbFile = path.resolve(values.db ?? defaultDbPath(io.env));
      const [dir, backups] = [backupsDir(dbFile), listBackups(dbFile)];
      return print(io, values, { dir, backups }, () => `${dir}\n${backups.map((b) => `${localDateTime(b.at)}  ${backupKindNames[b.kind]}  ${b.file}\n`).join('') || '还没有备份。\n'}`);
    }
    return withBackend(values, io, async (backend) => {
      if (sub === 'create') {
        const backup = await call(backend, 'backups.create', {});
        return print(io, values, backup, () => `已备份到 ${backup.file}\n`);
      }
      if (sub === 'restore') {
        const safety = await call(backend, 'backups.restore', { file: path.basename(requireOption(positionals[0], '备份文件名')) });
        return print(io, values, safety, () => `已恢复；恢复前的台账另存为 ${safety.file}\n`);
      }
      throw new LedgerError('INVALID_INPUT', 'backups 之后应为 list、create 或 restore。用 --help 查看用法。');
    }, openBackendOrRecovery);
  },

  async 'sign-off'(args, io) {
    const { values } = parseOptions(args, {
      ...globalOptions,
      plan: { type: 'string' },
      period: { type: 'string' },
      preparer: { type: 'string' },
      reviewer: { type: 'string' },
      signer: { type: 'string' },
      columns: { type: 'string' },
    });
    if (helpOr(values, io)) return 0;
    const preparer = requireOption(values.preparer, 'preparer');
    const reviewer = requireOption(values.reviewer, 'reviewer');
    const signer = requireOption(values.signer, 'signer');
    return withBackend(values, io, async (backend) => {
      const periodId = await chosenPeriod(backend, values.plan, values.period);
      const columns = listOption(values.columns ? [values.columns] : []) as Input<'signoff.prepare'>['columns'];
      const prepared = await call(backend, 'signoff.prepare', { periodId, preparer, columns });
      await call(backend, 'signoff.review', { id: prepared.id, reviewer });
      const signed = await call(backend, 'signoff.sign', { id: prepared.id, signer });
      return print(io, values, signed, () => `已签发修订版 ${signed.revision}（填表人 ${signed.preparer}，审核人 ${signed.reviewer}，签发领导 ${signed.signer}）\n`);
    });
  },

  async export(args, io) {
    const { values } = parseOptions(args, { ...globalOptions, plan: { type: 'string' }, period: { type: 'string' }, revision: { type: 'string' }, out: { type: 'string' } });
    if (helpOr(values, io)) return 0;
    const out = requireOption(values.out, 'out');
    const format = out.toLowerCase().endsWith('.csv') ? 'csv' : out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : null;
    if (!format) throw new LedgerError('INVALID_INPUT', '--out 应以 .xlsx 或 .csv 结尾。');
    return withBackend(values, io, async (backend) => {
      const periodId = await chosenPeriod(backend, values.plan, values.period);
      const file = await call(backend, 'export.period', { periodId, revision: intOption(values.revision, 'revision'), format });
      writeNewFile(out, Buffer.from(file.contentBase64, 'base64'));
      const result = { out: path.resolve(out), revision: file.revision, format };
      return print(io, values, result, () => `已导出修订版 ${file.revision}：${result.out}\n`);
    });
  },

  /** 生成通报 from a signed revision: refuses an unsigned period (NOT_SIGNED) and never overwrites a file. */
  async bulletin(args, io) {
    const text = { type: 'string' } as const;
    const { values } = parseOptions(args, { ...globalOptions, plan: text, period: text, revision: text, out: text, template: text, issue: text, date: text });
    if (helpOr(values, io)) return 0;
    const out = requireDocx(requireOption(values.out, 'out'));
    if (fs.existsSync(out)) throw new LedgerError('CONFLICT', `文件“${out}”已存在，未覆盖。请换一个文件名。`);
    const template = parseTemplate(values.template);
    return withBackend(values, io, async (backend) => {
      const periodId = await chosenPeriod(backend, values.plan, values.period);
      const input = { periodId, revision: intOption(values.revision, 'revision'), template, issue: intOption(values.issue, 'issue'), date: values.date };
      const file = await call(backend, 'bulletin.write', input);
      writeNewFile(out, Buffer.from(file.contentBase64, 'base64'));
      const result = { out: path.resolve(out), revision: file.revision, fileName: file.fileName };
      return print(io, values, result, () => `已依据修订版 ${file.revision} 生成“${file.fileName.replace(/\.docx$/, '')}”：${result.out}\n`);
    });
  },

  async verify(args, io) {
    const { values, positionals } = parseOptions(args, { ...globalOptions });
    if (helpOr(values, io)) return 0;
    const file = requireOption(positionals[0], '要核验的文件');
    const bytes = readImportFile(file);
    return withBackend(values, io, async (backend) => {
      const report = await call(backend, 'verify.file', { fileName: path.basename(file), contentBase64: bytes.toString('base64') });
      if (!report.sealed) throw new LedgerError('SEAL_MISSING', `“${path.basename(file)}”中没有台账签章，无法核验（可能不是本程序导出的表格）。`);
      print(io, values, report, () => verifyText(report));
      return report.valid ? 0 : 3;
    });
  },

  async keys(args, io) {
    const [sub, ...rest] = args;
    const { values, positionals } = parseOptions(rest, { ...globalOptions, out: { type: 'string' }, office: { type: 'string' } });
    if (helpOr(values, io)) return 0;
    return withBackend(values, io, async (backend) => {
      if (sub === 'export') {
        const info = await call(backend, 'keys.info', {});
        if (values.out) writeNewFile(values.out, Buffer.from(info.publicKeyFile, 'utf8'));
        return print(io, values, { office: info.office, fingerprint: info.fingerprint, out: values.out ?? null }, () =>
          values.out ? `已导出“${info.office}”的公钥（指纹 ${info.fingerprint}）：${values.out}\n` : info.publicKeyFile + '\n',
        );
      }
      if (sub === 'import') {
        const keyFile = fs.readFileSync(requireOption(positionals[0], '密钥文件'), 'utf8');
        // Trusting is a decision: the fingerprint is shown, and the office's name must be given to confirm it.
        if (!values.office) {
          const info = await call(backend, 'keys.inspect', { keyFile });
          io.out(`公钥文件自称“${info.office}”，密钥指纹：\n  ${info.fingerprint}\n`);
          throw new LedgerError('INVALID_INPUT', `尚未信任：请先与该单位电话核对上面的指纹，一致后用 --office 写明单位名称再导入，例如 keys import 文件 --office "${info.office}"。`);
        }
        const trusted = await call(backend, 'keys.trust', { keyFile, office: values.office });
        return print(io, values, trusted, () => `已信任“${trusted.office}”（指纹 ${trusted.fingerprint}）\n`);
      }
      if (sub === 'list') {
        const trusted = await call(backend, 'keys.trusted', {});
        return print(io, values, trusted, () => trusted.map((t) => `${t.office}  ${t.fingerprint}`).join('\n') + '\n');
      }
      throw new LedgerError('INVALID_INPUT', 'keys 之后应为 export、import 或 list。用 --help 查看用法。');
    });
  },

  async call(args, io) {
    const { values, positionals } = parseOptions(args, { ...globalOptions, input: { type: 'string' } });
    if (helpOr(values, io)) return 0;
    const method = requireOption(positionals[0], '方法名（如 plans.list）');
    let input: unknown = {};
    if (values.input) {
      try {
        input = JSON.parse(values.input);
      } catch {
        throw new LedgerError('INVALID_INPUT', '--input 不是有效的 JSON。');
      }
    }
    return withBackend(values, io, async (backend) => {
      const result = await backend.call(method, input);
      io.out(JSON.stringify(result, null, 2) + '\n');
      return 0;
    });
  },
};

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    spawn(command, args, { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
  } catch {
    // The URL is printed; opening a browser is only a convenience.
  }
}
