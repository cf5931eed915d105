/**
 * The parsing worker's code: plain CommonJS JavaScript, run with `new Worker(code, { eval: true })`.
 *
 * It is either started with its job as workerData, or started before a file arrives (workerData null) and sent
 * the job as its only message: the thread's start and the compiling of this code then cost the import nothing.
 *
 * A string rather than a module file so that the same code runs unchanged under Vitest and tsx (TypeScript
 * sources, an ESM package) and inside the esbuild bundle (one CommonJS file, where no separate worker file
 * exists). It loads SheetJS by the absolute path the parent resolved, decodes text files, parses ONCE, and posts
 * back plain data only: the list of sheets, and the grid and merges of the chosen sheet (or, when none was named,
 * of the first few sheets with content, for the backend to choose from). Nothing it does can reach the parent's
 * heap.
 *
 * A plain .xlsx/.xlsm is read first by the fast reader (xlsx-fast-source.ts), which builds the same workbook
 * shape; SheetJS is loaded only when that reader bails out or the file is of another format.
 */
import { workerCellsSource } from './worker-cells-source';
import { workerGridsSource } from './worker-grids-source';
import { workerSheetJsSource } from './worker-sheetjs-source';
import { xlsxFastSource } from './xlsx-fast-source';

/** What runs the parts: the messages to the parent, the choice of reader, and the read itself. */
const mainSource = String.raw`
const { parentPort, workerData } = require('node:worker_threads');

function fail(kind, detail) {
  parentPort.postMessage({ ok: false, kind, detail: String(detail === undefined ? '' : detail).slice(0, 300) });
}

function messageOf(error) {
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return String(error);
}

/**
 * The workbook: from the fast reader when it takes the file, else from SheetJS. Returns what the rest of the
 * read needs: the book, how to decode its ranges, and how its hidden rows and columns are to be blanked.
 */
function readBook(job) {
  let fastBail;
  if (!job.text && job.format === 'xlsx' && job.reader !== 'sheetjs') {
    const fast = readXlsxFast(job);
    if (fast.wb) return { wb: fast.wb, reader: 'fast', decodeRange: rangeAt, hide: (grids) => grids.forEach((g) => blankHidden(g, fast.wb.hidden[g.sheet])) };
    fastBail = fast.bail;
  }
  const loaded = loadSheetJs(job);
  if (loaded.fail) return loaded;
  const X = loaded.X;
  const parsed = parseBook(X, job);
  if (parsed.fail) return parsed;
  const small = parsed.small;
  return { wb: parsed.wb, reader: 'sheetjs', fastBail, decodeRange: X.utils.decode_range, hide: (grids) => { if (small) hideHidden(X, small, grids); } };
}

function main(job) {
  const book = readBook(job);
  if (book.fail) return fail(book.fail.kind, book.fail.detail);
  const wb = book.wb;
  if (!wb || !Array.isArray(wb.SheetNames) || wb.SheetNames.length === 0) return fail('empty', '');
  if (wb.SheetNames.length > job.maxSheets) return fail('sheets', wb.SheetNames.length);
  const sheets = sheetList(book.decodeRange, wb);
  const chosen = chooseGrids(wb, sheets, job);
  if (chosen.fail) {
    parentPort.postMessage({ ok: false, kind: chosen.fail.kind, detail: chosen.fail.detail, sheets });
    return;
  }
  const grids = chosen.grids.map((g) => ({ sheet: String(g.sheet), cells: g.cells, merges: g.merges }));
  book.hide(grids);
  const how = { reader: book.reader };
  if (book.fastBail !== undefined) how.fastBail = String(book.fastBail).slice(0, 200);
  parentPort.postMessage(Object.assign({ ok: true, sheets, grids }, how));
}

function run(job) {
  try {
    main(job);
  } catch (error) {
    fail(error instanceof RangeError ? 'memory' : 'corrupt', messageOf(error));
  }
}

// Started with its job, or started ahead of need (workerData null) to wait for the job as its one message.
if (workerData) run(workerData);
else parentPort.once('message', run);
`;

/** The parts are function declarations, so their order does not matter; `main()` runs once all are defined. */
export const workerSource = "'use strict';\n" + xlsxFastSource + workerCellsSource + workerSheetJsSource + workerGridsSource + mainSource;
