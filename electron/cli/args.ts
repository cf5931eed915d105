import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LedgerError } from '../../shared/errors';

/** Parses a command's options; unknown options become a Chinese usage error, not a stack trace. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const option = /'(-{1,2}[^']+)'/.exec(message)?.[1];
    throw new LedgerError('INVALID_INPUT', option ? `无法识别或缺少取值的选项：${option}。用 --help 查看用法。` : `命令行参数有误：${message}`);
  }
}

export function requireOption(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new LedgerError('INVALID_INPUT', `缺少选项 --${name}。用 --help 查看用法。`);
  return value;
}

export function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new LedgerError('INVALID_INPUT', `选项 --${name} 应为正整数，收到“${value}”。`);
  return Number(value);
}

/** "县城管局、县住建局" or "A,B" or repeated options: all become a list. */
export function listOption(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(/[,，、;；\n]/)).map((v) => v.trim()).filter(Boolean);
}

export function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) throw new LedgerError('INVALID_INPUT', `选项 --${name} 应为数字，收到“${value}”。`);
  return number;
}

/** --actual 12=6 : indicator 12 reached 6; --actual 12= : cleared. */
export function parseActualOption(value: string): { indicatorId: number; actual: number | null } {
  const match = /^(\d+)=(.*)$/.exec(value.trim());
  if (!match) throw new LedgerError('INVALID_INPUT', `--actual 应写成“指标编号=完成值”，收到“${value}”。`);
  return { indicatorId: Number(match[1]), actual: match[2] === '' ? null : (numberOption(match[2], 'actual') ?? null) };
}
