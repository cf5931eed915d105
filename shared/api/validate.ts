import type { z } from 'zod';
import { contract, isMethodName, type MethodName, type ParsedInput } from './contract';
import { LedgerError } from '../errors';

/** The fields people fill in, by their own labels: "keyFile：…" means nothing to a clerk. */
const labels: Record<string, string> = {
  yellowGap: '黄灯阈值（落后百分点）',
  redGap: '红灯阈值（落后百分点）',
  yellowBelow: '黄灯阈值（占时序进度的比例）',
  redBelow: '红灯阈值（占时序进度的比例）',
  keyFile: '密钥文件',
  fileName: '文件名',
  contentBase64: '文件内容',
  asOf: '截至日期',
  startDate: '开始日期',
  endDate: '截止日期',
  deadline: '完成时限',
  year: '年度',
  level: '层级',
  name: '名称',
  title: '名称',
  target: '目标值',
  actual: '完成值',
  narrative: '进展情况',
  reason: '理由',
  officeName: '本单位名称',
  userName: '姓名',
};

function fieldLabel(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  return (typeof last === 'string' && labels[last]) || path.join('.');
}

/** Checks a method name and its input at a door; throws LedgerError with a Chinese message. */
export function validateCall<M extends MethodName>(method: unknown, input: unknown): { method: M; input: ParsedInput<M> } {
  if (!isMethodName(method)) throw new LedgerError('UNKNOWN_METHOD', `没有名为“${String(method)}”的操作。`);
  const schema: z.ZodType = contract[method].input;
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    const details = result.error.issues
      .slice(0, 5)
      .map((issue) => (issue.path.length ? `${fieldLabel(issue.path)}：${issue.message}` : issue.message))
      .join('；');
    throw new LedgerError('INVALID_INPUT', `输入有误：${details}`);
  }
  return { method: method as M, input: result.data as ParsedInput<M> };
}
