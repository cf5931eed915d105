import { createHash, randomUUID } from 'node:crypto';
import { LedgerError } from '../../../../shared/errors';
import type { ImportStage } from '../../../../shared/domain';
import { readWorkbook, type ReadWorkbook } from '../../import/read';

interface Staged extends ImportStage {
  bytes: Uint8Array;
  /** Parsed sheets, by name ('' for the default sheet). */
  sheets: Map<string, ReadWorkbook>;
}

/** How many files the importer keeps in memory between preview, diff and commit. */
const capacity = 4;

/**
 * Files handed to the importer, kept in memory between the wizard's steps so the user's file is read
 * once and never written anywhere until they confirm.
 */
export class Staging {
  private readonly files = new Map<string, Staged>();

  stage(fileName: string, bytes: Uint8Array): ImportStage {
    const stage: Staged = {
      stagingId: randomUUID(),
      fileName,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.byteLength,
      bytes,
      sheets: new Map(),
    };
    this.files.set(stage.stagingId, stage);
    while (this.files.size > capacity) this.files.delete(this.files.keys().next().value!);
    const { bytes: _b, sheets: _s, ...summary } = stage;
    return summary;
  }

  get(stagingId: string): Staged {
    const staged = this.files.get(stagingId);
    if (!staged) throw new LedgerError('NOT_FOUND', '待导入的文件已过期，请重新选择文件。');
    return staged;
  }

  async read(stagingId: string, sheet: string | undefined): Promise<ReadWorkbook> {
    const staged = this.get(stagingId);
    const key = sheet ?? '';
    let read = staged.sheets.get(key);
    if (!read) {
      read = await readWorkbook(staged.bytes, { fileName: staged.fileName, ...(sheet ? { sheet } : {}) });
      staged.sheets.set(key, read);
    }
    return read;
  }

  drop(stagingId: string): void {
    this.files.delete(stagingId);
  }

  /** Forgets every staged file: after a restore, what they were compared against is gone. */
  clear(): void {
    this.files.clear();
  }
}
