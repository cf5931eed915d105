import fs from 'node:fs';
import type { VerifyReport } from '../../shared/domain';
import { LedgerError } from '../../shared/errors';
import type { Backend } from '../backend/backend';
import type { Output } from '../../shared/api/contract';
import { localDateTime } from '../../shared/text/datetime';
import { intOption } from './args';

/** --period, else the latest period of --plan, else of the newest plan. */
export async function chosenPeriod(backend: Backend, plan: string | undefined, period: string | undefined): Promise<number> {
  const given = intOption(period, 'period');
  if (given !== undefined) return given;
  const plans = (await backend.call('plans.list', {})) as Output<'plans.list'>;
  const planId = intOption(plan, 'plan') ?? plans[0]?.id;
  if (planId === undefined) throw new LedgerError('NOT_FOUND', '还没有年度计划，无法签发或导出。');
  const periods = (await backend.call('periods.list', { planId })) as Output<'periods.list'>;
  const latest = periods.at(-1);
  if (!latest) throw new LedgerError('NOT_FOUND', '这个计划还没有报送期，无法签发或导出。');
  return latest.id;
}

/** Never overwrites: an existing file is the user's, and the export may be signed evidence. */
export function writeNewFile(file: string, bytes: Buffer): void {
  try {
    fs.writeFileSync(file, bytes, { flag: 'wx' });
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') throw new LedgerError('CONFLICT', `文件“${file}”已存在，未覆盖。请换一个文件名。`);
    throw new LedgerError('INTERNAL', `无法写入“${file}”：${(error as Error).message}`);
  }
}

const originText = (report: VerifyReport): string => {
  switch (report.origin) {
    case 'own':
      return `这是本单位的签章（密钥指纹 ${report.fingerprint}）`;
    case 'trusted':
      return `密钥指纹 ${report.fingerprint}（已信任）`;
    case 'keyMismatch':
      return `签章密钥与已信任的“${report.office}”不一致：签章的密钥指纹 ${report.fingerprint}，已信任的是 ${report.trustedFingerprint}`;
    default:
      return `来源未经确认：尚未信任这把密钥，请与“${report.office}”电话核对密钥指纹 ${report.fingerprint}`;
  }
};

export function verifyText(report: VerifyReport): string {
  // A seal sheet that cannot be read has no signer, time or fingerprint to print.
  if (report.fingerprint === null) return '核验不通过：签章已损坏或被改动，无法读取，表格中的数据不可信。\n';
  const who = `${report.office ?? '—'}，签发领导 ${report.signer ?? '—'}，签发于 ${report.signedAt ? localDateTime(report.signedAt) : '—'}`;
  const warnings = report.warnings.map((w) => `  注意：${w}\n`).join('');
  if (report.origin === null) return `核验不通过：签章的签名无效（签章被改动或伪造），表格中的数据不可信。${who}\n`;
  if (report.origin === 'keyMismatch') return `核验不通过：${originText(report)}。这份报表不是用该单位已信任的密钥签发的。${who}\n`;
  if (report.valid) return `核验通过：表格与签章一致。${who}；${originText(report)}\n${warnings}`;
  const lines = [`核验不通过：表格在签发后被改动过。${who}；${originText(report)}`];
  for (const c of report.changes) lines.push(`  第 ${c.row} 行「${c.column}」：签发时为“${c.expected}”，现在是“${c.found}”`);
  return lines.join('\n') + '\n' + warnings;
}
