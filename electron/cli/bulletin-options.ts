import { bulletinTemplates, templateNames, type BulletinTemplate } from '../../shared/bulletin/types';
import { LedgerError } from '../../shared/errors';

/** --template 督查通报|进展通报|进展报告 (or supervision|circular|report); absent: the last one used. */
export function parseTemplate(value: string | undefined): BulletinTemplate | undefined {
  if (value === undefined) return undefined;
  const match = bulletinTemplates.find((t) => t === value || templateNames[t] === value || `${templateNames[t].slice(0, 2)}情况${templateNames[t].slice(2)}` === value);
  if (!match) throw new LedgerError('INVALID_INPUT', `--template 应为 ${bulletinTemplates.map((t) => templateNames[t]).join('、')} 之一，收到“${value}”。`);
  return match;
}

export function requireDocx(out: string): string {
  if (!out.toLowerCase().endsWith('.docx')) throw new LedgerError('INVALID_INPUT', '--out 应以 .docx 结尾。');
  return out;
}
