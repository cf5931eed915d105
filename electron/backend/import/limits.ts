/** Limits for reading untrusted workbooks (DESIGN §7): generous enough that a genuine 100,000-row table imports. */
export interface ImportLimits {
  /** Size of the file as received. */
  maxFileBytes: number;
  /**
   * Size of a text file (CSV; HTML and XML at half of it, their parser needing about twice the memory per
   * byte). SheetJS holds a text file's cells at several times its size, so the whole-file limit alone would
   * let a 99 MB CSV cost a gigabyte.
   */
  maxTextBytes: number;
  /**
   * Size of plain text read as a document (a plan or bulletin saved as .txt, or pasted). It is read on the
   * backend's own thread, at about 40 times its size in memory; the seeds' documents are 7–15 KB.
   */
  maxDocumentTextBytes: number;
  /** Total size a zip container (xlsx, xlsb, ods) declares for its contents once inflated. */
  maxUncompressedBytes: number;
  /** Rows of the chosen sheet. */
  maxRows: number;
  /** Used columns of the chosen sheet. */
  maxColumns: number;
  /**
   * Sheets of the workbook. SheetJS's time grows with the square of an xlsx's sheet count (1,000 sheets ≈ 1 s,
   * 10,000 ≈ a minute even when only one is parsed), so more than this is refused before parsing.
   */
  maxSheets: number;
  /** Wall time of the whole read: the one parse and the choice of sheet (the worker is terminated past it). */
  timeoutMs: number;
  /** Heap of the parsing worker (V8 old generation), in MB: with the backend's own, the import stays under 600 MB. */
  maxMemoryMb: number;
}

export const defaultImportLimits: ImportLimits = Object.freeze({
  maxFileBytes: 100 * 1024 * 1024,
  maxTextBytes: 40 * 1024 * 1024,
  maxDocumentTextBytes: 2 * 1024 * 1024,
  maxUncompressedBytes: 500 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 200,
  maxSheets: 255,
  timeoutMs: 60_000,
  maxMemoryMb: 512,
});

/** The limits with the caller's overrides; nonsense values (≤ 0, NaN) fall back to the defaults. */
export function resolveLimits(overrides: Partial<ImportLimits> | undefined): ImportLimits {
  const out: ImportLimits = { ...defaultImportLimits };
  if (!overrides) return out;
  for (const key of Object.keys(defaultImportLimits) as (keyof ImportLimits)[]) {
    const value = overrides[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) out[key] = value;
  }
  return out;
}

/** "12.5 MB", for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${trim(bytes / 1024 / 1024 / 1024)} GB`;
  if (bytes >= 1024 * 1024) return `${trim(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

function trim(n: number): string {
  return n >= 100 ? String(Math.round(n)) : String(Math.round(n * 10) / 10);
}
