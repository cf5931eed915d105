/** The commands that move files in and out: import, imports, backups, export, bulletin, verify, keys. */
import fs from 'node:fs';
import path from 'node:path';
import type { Input } from '../../../shared/api/contract';
import { LedgerError } from '../../../shared/errors';
import { localDateTime } from '../../../shared/text/datetime';
import { backupsDir, listBackups } from '../../../db/backups';
import { defaultDbPath } from '../../backend/paths';
import { intOption, listOption, parseOptions, requireOption } from '../args';
import { parseTemplate, requireDocx } from '../bulletin-options';
import { call, globalOptions, helpOr, openBackend, openBackendOrRecovery, print, withBackend, type Command } from '../command';
import { batchText, previewText, readImportFile } from '../import-output';
import { chosenPeriod, verifyText, writeNewFile } from '../signoff-output';

/** Why each backup was made, in the words 设置 → 数据备份 uses. */
const backupKindNames = { migration: '升级程序前', import: '导入前', restore: '恢复前', daily: '每日自动', manual: '手动' } as const;

export const fileCommands: Record<string, Command> = {
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
      const stage = await call(backend, 'import.stage', { fileName: path.basename(file), content: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), sheet: values.sheet });
      const view = { stagingId: stage.stagingId, sheet: values.sheet, headerRow: intOption(values['header-row'], 'header-row') };
      if (values['dry-run']) {
        const preview = await call(backend, 'import.preview', { ...view, allRows: true });
        const asOf = values['as-of'] ?? preview.asOf;
        const json = { format: preview.format, sheet: preview.sheet, headerRow: preview.headerRow, title: preview.title, asOf, rows: preview.rows, warnings: preview.warnings };
        return print(io, values, json, () => previewText(preview, asOf));
      }
      const figures = values['accept-figures'] ? { figures: 'all' as const } : {};
      const batch = await call(backend, 'import.commit', { ...view, planId: intOption(values.plan, 'plan'), asOf: values['as-of'], ...figures });
      return print(io, values, batch, () => batchText(batch));
    }, (options) => openBackend({ ...options, prestartParser: true }));
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
  },};
