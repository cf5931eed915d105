import fs from 'node:fs';
import type { VerifyReport } from '../../shared/domain';
import { LedgerError } from '../../shared/errors';
import type { Backend } from '../backend/backend';
import type { Output } from '../../shared/api/contract';
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

export function verifyText(report: VerifyReport): string {
  const who = `${report.office ?? '—'}，签发领导 ${report.signer ?? '—'}，签发于 ${report.signedAt ?? '—'}`;
  const key = report.knownSigner ? `密钥指纹 ${report.fingerprint}（已信任）` : `密钥指纹 ${report.fingerprint}（尚未信任此单位的公钥）`;
  if (report.valid) return `核验通过：表格与签章一致。${who}；${key}\n`;
  const lines = [`核验不通过：表格在签发后被改动过。${who}；${key}`];
  for (const c of report.changes) lines.push(`  第 ${c.row} 行「${c.column}」：签发时为“${c.expected}”，现在是“${c.found}”`);
  return lines.join('\n') + '\n';
}
