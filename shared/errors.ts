/**
 * Errors that cross the API boundary: a stable code for programs, a plain Chinese message for people.
 * The code never changes with the wording (Grist's ErrorWithCode).
 */
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'DB_NOT_LEDGER',
  'DB_TOO_NEW',
  'DB_OPEN_FAILED',
  'DB_LOCKED',
  'DB_CORRUPT',
  'IMPORT_NOT_SPREADSHEET',
  'IMPORT_ENCRYPTED',
  'IMPORT_CORRUPT',
  'IMPORT_EMPTY',
  'IMPORT_TOO_LARGE',
  'IMPORT_TIMEOUT',
  'IMPORT_STOPPED',
  'IMPORT_NO_HEADER',
  'SEAL_MISSING',
  'SEAL_INVALID',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INTERNAL',
  'NOT_SIGNED',
  'SIGNOFF_SAME_PERSON',
  'OFFICE_NOT_SET',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}

export class LedgerError extends Error {
  override readonly name = 'LedgerError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/** Turns anything thrown into a payload fit to show a user; unknown errors never leak their internals. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof LedgerError) return error.toPayload();
  return { code: 'INTERNAL', message: '程序内部错误，操作未完成。请重试；如仍出错，请把日志交给技术支持。' };
}

/** Rebuilds a LedgerError from a payload received over IPC or HTTP. */
export function fromErrorPayload(payload: unknown): LedgerError {
  if (payload && typeof payload === 'object') {
    const { code, message } = payload as Record<string, unknown>;
    if (isErrorCode(code) && typeof message === 'string') return new LedgerError(code, message);
  }
  return new LedgerError('INTERNAL', '收到无法识别的错误响应。');
}
