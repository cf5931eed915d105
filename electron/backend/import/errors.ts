/** The import's refusals, each with its own code and a plain Chinese message that names the file. */
import { LedgerError } from '../../../shared/errors';
import { formatBytes } from './limits';

const help = '请让报送单位重新发送，或用 Excel/WPS 打开后另存为 .xlsx 再导入。';

export const importErrors = {
  notSpreadsheet: (file: string, what?: string) =>
    new LedgerError(
      'IMPORT_NOT_SPREADSHEET',
      `“${file}”不是电子表格${what ? `（看起来是${what}）` : ''}，无法导入。请选择 Excel（.xlsx、.xls）、WPS（.et）、ODS、CSV 或 Word（.docx、.doc）文件。`,
    ),
  encrypted: (file: string) =>
    new LedgerError(
      'IMPORT_ENCRYPTED',
      `“${file}”设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中用密码打开，取消“用密码进行加密”后另存，再导入。`,
    ),
  corrupt: (file: string, detail: string, cause?: unknown) =>
    new LedgerError('IMPORT_CORRUPT', `“${file}”已损坏或不完整，无法读取（${detail}）。${help}`, { cause }),
  emptyFile: (file: string) => new LedgerError('IMPORT_EMPTY', `“${file}”是空文件（0 字节），没有可导入的内容。`),
  emptySheets: (file: string, sheet?: string) =>
    new LedgerError('IMPORT_EMPTY', sheet ? `“${file}”的工作表“${sheet}”中没有内容。` : `“${file}”中没有任何有内容的工作表。`),
  tooLarge: (file: string, what: string) => new LedgerError('IMPORT_TOO_LARGE', `“${file}”${what}，超过了导入上限，未读取。请拆分成较小的表格后再导入。`),
  fileTooLarge: (file: string, size: number, limit: number) =>
    importErrors.tooLarge(file, `有 ${formatBytes(size)}，大于 ${formatBytes(limit)}`),
  documentTooLarge: (file: string, size: number, limit: number) =>
    new LedgerError(
      'IMPORT_TOO_LARGE',
      `“${file}”是 ${formatBytes(size)} 的纯文本，大于 ${formatBytes(limit)}，超过了文档导入的上限，未读取。方案、通报一般只有几十 KB；请确认选择的文件是否正确，或另存为 Word 文档（.docx）再导入。`,
    ),
  tooManySheets: (file: string, count: number, limit: number) =>
    new LedgerError(
      'IMPORT_TOO_LARGE',
      `“${file}”有 ${count.toLocaleString('en-US')} 个工作表，多于导入上限 ${limit} 个，未读取。请把要导入的工作表复制到一个新的工作簿，另存后再导入。`,
    ),
  timeout: (file: string, ms: number) =>
    new LedgerError(
      'IMPORT_TIMEOUT',
      `读取“${file}”超过 ${Math.round(ms / 100) / 10} 秒仍未完成，已停止。文件可能过大或结构异常；请用 Excel/WPS 打开后另存为 .xlsx 再试。`,
    ),
  noSheet: (file: string, sheet: string, names: string[]) =>
    new LedgerError('NOT_FOUND', `“${file}”中没有名为“${sheet}”的工作表（有：${names.join('、') || '无'}）。`),
  /** A parse stopped because its file was set aside (another file staged, or the file dropped): nobody waits for it. */
  stopped: (file: string) => new LedgerError('IMPORT_STOPPED', `已停止读取“${file}”（已改选其他文件，或已不再导入）。`),
  internal: (detail: string, cause?: unknown) => new LedgerError('INTERNAL', `导入组件出错：${detail}。请把日志交给技术支持。`, { cause }),
};
