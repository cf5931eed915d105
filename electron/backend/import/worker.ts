/**
 * Runs the SheetJS parse in a worker thread with a heap limit and a wall-clock timeout, so that a hostile or
 * broken workbook can cost at most one terminated thread: never the backend's memory, event loop or life.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Cell, MergeRange } from '../../../shared/import/grid';
import type { TextEncodingName } from './decode';
import type { WorkbookFormat } from './detect';
import { defaultImportLimits, type ImportLimits } from './limits';
import { documentWorkerSource } from './document-worker-source';
import { workerSource } from './worker-source';
import { importErrors } from './errors';
import { unpackedPath } from '../asar-path';

export interface WorkerSheetInfo {
  name: string;
  hidden: boolean;
  rows: number;
  columns: number;
}

/** One sheet as read: its values and merged ranges. */
export interface WorkerGrid {
  sheet: string;
  cells: Cell[][];
  merges: MergeRange[];
}

export type WorkerRefusal = 'encrypted' | 'corrupt' | 'empty' | 'nosheet' | 'rows' | 'columns' | 'sheets' | 'cell' | 'memory' | 'internal';

export type WorkerResult =
  /** `grids[0]` is the sheet named, or the first visible one with content followed by the next few. */
  | {
      ok: true;
      sheets: WorkerSheetInfo[];
      grids: WorkerGrid[];
      /** Which reader read it: the fast .xlsx reader, or SheetJS (with the fast reader's reason for bailing out). */
      reader?: 'fast' | 'sheetjs';
      fastBail?: string;
    }
  /** A Word document: mammoth's HTML of a .docx, word-extractor's text of a .doc. */
  | { ok: true; document: 'html' | 'text'; content: string }
  | { ok: false; kind: WorkerRefusal; detail: string; sheets?: WorkerSheetInfo[] };

export interface ParseJob {
  format: WorkbookFormat;
  /** The file's bytes (copied and transferred to the worker; moved without a copy when handed over). */
  bytes: Uint8Array;
  handOver?: boolean;
  /** For a text file (CSV, HTML, XML): how the worker is to decode the bytes. */
  text?: { encoding: TextEncodingName; bomLength: number };
  sheet?: string;
  /** A .docx or .doc: read by the document worker, with these libraries. */
  documentLibs?: { mammoth: string; wordExtractor: string };
  /** 'sheetjs': read with SheetJS even a plain .xlsx the fast reader would take (for the differential test). */
  reader?: 'sheetjs';
  /** Ends the thread and fails the parse. */
  signal?: AbortSignal;
}

/** Sheets with content handed back besides the first, when no sheet was named: an instructions sheet or two. */
const maxSheetsExamined = 20;
/** Cells of those other sheets together: they are read only to find a table, and must not cost the heap. */
const maxFallbackCells = 2_000_000;
/** A spreadsheet cell holds at most this many characters (Excel's limit); a text file's longer field is refused. */
const maxCellChars = 32_767;

let resolvedSheetJs: string | null = null;

/**
 * Where SheetJS's CommonJS build is on disk. First `sheetjs/xlsx.js` next to this code: a packaged app, whose
 * node_modules holds only better-sqlite3, ships `node_modules/xlsx/xlsx.js` and `dist/cpexcel.js` there, beside
 * the bundle (the bundle itself holds no file a worker could load). Else the installed package, resolved from
 * this module (from the bundle's own location once bundled: dist/electron → node_modules/xlsx).
 */
export function sheetJsPath(here: string = import.meta.url): string {
  if (resolvedSheetJs && here === import.meta.url) return resolvedSheetJs;
  const found = findSheetJs(here);
  if (here === import.meta.url) resolvedSheetJs = found;
  return found;
}

function findSheetJs(here: string): string {
  try {
    // Packaged, the bundle runs from inside app.asar: the worker's plain require needs the unpacked copy.
    const sibling = unpackedPath(path.join(path.dirname(fileURLToPath(here)), 'sheetjs', 'xlsx.js'));
    if (existsSync(sibling)) return sibling;
  } catch {
    // not a file URL: fall through to resolution
  }
  try {
    return createRequire(here).resolve('xlsx');
  } catch (error) {
    throw importErrors.internal('找不到表格读取组件 SheetJS（xlsx）', error);
  }
}

/**
 * The buffer to transfer to the worker: the caller's own when handed over and the bytes fill it; else a copy,
 * so that the caller's array stays intact (and no second copy is made by structured cloning).
 */
function transferable(job: ParseJob): ArrayBuffer {
  const { bytes } = job;
  if (job.handOver && bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes.buffer;
  const buffer = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(buffer).set(bytes);
  return buffer;
}

/** The thread's options: its heap bounded by the limits, and nothing of the parent's loaders. */
function threadOptions(memoryMb: number, workerData: unknown, transferList: ArrayBuffer[]): WorkerOptions {
  return {
    eval: true,
    workerData,
    transferList,
    // Loaders of the parent (tsx, Vitest) are of no use to plain JavaScript and slow every start.
    execArgv: [],
    stdout: true,
    stderr: true,
    resourceLimits: {
      maxOldGenerationSizeMb: Math.max(32, memoryMb),
      maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.floor(memoryMb / 16))),
      stackSizeMb: 8,
    },
  };
}

/** SheetJS warns on the console about odd files; those notes are not for the user's terminal. */
function drain(worker: Worker): void {
  worker.stdout.resume();
  worker.stderr.resume();
}

const memoryOf = (limits: ImportLimits) => Math.floor(limits.maxMemoryMb);

/** A parsing thread started ahead of need, waiting for its one job; null when none is. */
let spare: { worker: Worker; memoryMb: number } | null = null;

/**
 * How long after a parse on a waiting thread the next one is started: once the backend has understood,
 * planned and written that file. Started at once, its start (≈ 60 ms of CPU) took a core from that work.
 */
export const nextSpareAfterMs = 1500;
let nextSpare: NodeJS.Timeout | null = null;

function prestartParseWorkerSoon(limits: ImportLimits): void {
  if (nextSpare) return;
  nextSpare = setTimeout(() => {
    nextSpare = null;
    prestartParseWorker(limits);
  }, nextSpareAfterMs);
  // A process with nothing else to do ends without it (`ledger import`).
  nextSpare.unref();
}

/**
 * Starts a parsing thread before a file arrives, so that the next parse does not wait for a thread to start and
 * compile the reader (≈ 60–250 ms). Called by a long-lived backend (the desktop app's, `ledger serve`) and by
 * `ledger import`; once one has been used, the next is started soon after its parse ends (`nextSpareAfterMs`). An idle thread does not keep
 * the process alive. Without one, each parse starts its own thread, as before.
 */
export function prestartParseWorker(limits: ImportLimits = defaultImportLimits): void {
  if (spare) return;
  const memoryMb = memoryOf(limits);
  let worker: Worker;
  try {
    worker = new Worker(workerSource, threadOptions(memoryMb, null, []));
  } catch {
    return; // each parse then starts its own thread, and reports a failure to start as it always has
  }
  // Its output is drained only once it has a job: a flowing stream would keep the process alive.
  worker.unref();
  const entry = { worker, memoryMb };
  spare = entry;
  const forget = () => {
    if (spare === entry) spare = null;
  };
  worker.once('error', forget);
  worker.once('exit', forget);
}

/** Ends the waiting thread, if any: a backend that started it is closing. */
export function discardPrestartedParser(): void {
  if (nextSpare) clearTimeout(nextSpare);
  nextSpare = null;
  const taken = spare;
  spare = null;
  if (taken) void taken.worker.terminate();
}

/** Which thread is waiting (its id), or null: for tests of when one is started and used. */
export function prestartedParserThread(): number | null {
  return spare?.worker.threadId ?? null;
}

/** The waiting thread, when it has the heap this parse is allowed; it is then this parse's alone. */
function takeSpare(memoryMb: number): Worker | null {
  const taken = spare;
  if (!taken || taken.memoryMb !== memoryMb) return null;
  spare = null;
  taken.worker.removeAllListeners('error').removeAllListeners('exit');
  taken.worker.ref();
  drain(taken.worker);
  return taken.worker;
}

export function runParseWorker(job: ParseJob, limits: ImportLimits, fileName: string): Promise<WorkerResult> {
  const buffer = transferable(job);
  const workerData = {
    sheetJsPath: sheetJsPath(),
    format: job.format,
    buffer,
    text: job.text !== undefined,
    encoding: job.text?.encoding,
    textOffset: job.text?.bomLength ?? 0,
    sheet: job.sheet,
    maxRows: Math.floor(limits.maxRows),
    maxColumns: Math.floor(limits.maxColumns),
    maxSheets: Math.floor(limits.maxSheets),
    maxSheetsExamined,
    maxFallbackCells,
    maxCellChars,
    libs: job.documentLibs,
    reader: job.reader,
  };
  const memoryMb = memoryOf(limits);
  const waiting = job.documentLibs ? null : takeSpare(memoryMb);
  return new Promise<WorkerResult>((resolve, reject) => {
    let settled = false;
    let worker: Worker;
    try {
      if (waiting) {
        worker = waiting;
        worker.postMessage(workerData, [buffer]);
      } else {
        worker = new Worker(job.documentLibs ? documentWorkerSource : workerSource, threadOptions(memoryMb, workerData, [buffer]));
        drain(worker);
      }
    } catch (error) {
      reject(importErrors.internal('无法启动读取线程', error));
      return;
    }
    const stop = () => finish({ error: importErrors.stopped(fileName) });
    const finish = (outcome: { result: WorkerResult } | { error: unknown }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      job.signal?.removeEventListener('abort', stop);
      void worker.terminate();
      // A process that started a thread ahead of need keeps one ready for its next file.
      if (waiting) prestartParseWorkerSoon(limits);
      if ('result' in outcome) resolve(outcome.result);
      else reject(outcome.error);
    };
    const timer = setTimeout(() => finish({ error: importErrors.timeout(fileName, limits.timeoutMs) }), limits.timeoutMs);
    if (job.signal?.aborted) stop();
    else job.signal?.addEventListener('abort', stop, { once: true });
    worker.once('message', (message: WorkerResult) => finish({ result: message }));
    worker.once('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap|memory|allocation/i.test(error.message)) {
        finish({ error: importErrors.tooLarge(fileName, `读取时所需内存超过 ${limits.maxMemoryMb} MB（文件过大或结构异常）`) });
      } else {
        finish({ error: importErrors.corrupt(fileName, `读取线程出错：${error.message.slice(0, 120)}`, error) });
      }
    });
    worker.once('exit', (code) => {
      finish({ error: importErrors.corrupt(fileName, `读取线程意外退出（代码 ${code}）`) });
    });
  });
}
