import type { z } from 'zod';
import { contract, isMethodName, type MethodName, type ParsedInput } from './contract';
import { LedgerError } from '../errors';

/** Checks a method name and its input at a door; throws LedgerError with a Chinese message. */
export function validateCall<M extends MethodName>(method: unknown, input: unknown): { method: M; input: ParsedInput<M> } {
  if (!isMethodName(method)) throw new LedgerError('UNKNOWN_METHOD', `没有名为“${String(method)}”的操作。`);
  const schema: z.ZodType = contract[method].input;
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    const details = result.error.issues
      .slice(0, 5)
      .map((issue) => (issue.path.length ? `${issue.path.join('.')}：${issue.message}` : issue.message))
      .join('；');
    throw new LedgerError('INVALID_INPUT', `输入有误：${details}`);
  }
  return { method: method as M, input: result.data as ParsedInput<M> };
}
