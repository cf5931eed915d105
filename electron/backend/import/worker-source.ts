/**
 * The parsing worker's code: plain CommonJS JavaScript, run with `new Worker(code, { eval: true })`.
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
import { xlsxFastSource } from './xlsx-fast-source';

export const workerSource = "'use strict';\n" + xlsxFastSource + String.raw`
const { parentPort, workerData } = require('node:worker_threads');

const errorTexts = { 0: '#NULL!', 7: '#DIV/0!', 15: '#VALUE!', 23: '#REF!', 29: '#NAME?', 36: '#NUM!', 42: '#N/A', 43: '#GETTING_DATA' };

function fail(kind, detail) {
  parentPort.postMessage({ ok: false, kind, detail: String(detail === undefined ? '' : detail).slice(0, 300) });
}

function messageOf(error) {
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return String(error);
}

function isoDate(d) {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return null;
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return String(y).padStart(4, '0') + '-' + m + '-' + day;
}

function valueOf(cell) {
  if (!cell || typeof cell !== 'object') return null;
  switch (cell.t) {
    case 's': return typeof cell.v === 'string' ? cell.v : cell.v == null ? null : String(cell.v);
    case 'n': {
      if (typeof cell.v !== 'number' || !Number.isFinite(cell.v)) return null;
      // A fraction formatted as percent (0.6 shown as 60%) is read as the person sees it.
      const format = typeof cell.z === 'string' ? cell.z.replace(/"[^"]*"|\\./g, '') : '';
      if (/%/.test(format) || (!format && typeof cell.w === 'string' && /%$/.test(cell.w))) return String(Math.round(cell.v * 100 * 1e9) / 1e9) + '%';
      return cell.v;
    }
    case 'b': return Boolean(cell.v);
    case 'd': return cell.v instanceof Date ? isoDate(cell.v) : typeof cell.v === 'string' ? cell.v : null;
    case 'e': return typeof cell.w === 'string' ? cell.w : (errorTexts[cell.v] || '#ERROR');
    default: return null;
  }
}

function hasContent(ws) {
  const data = ws && ws['!data'];
  if (!Array.isArray(data)) return false;
  for (const row of data) {
    if (!row) continue;
    for (const cell of row) {
      const v = valueOf(cell);
      if (v !== null && String(v).trim() !== '') return true;
    }
  }
  return false;
}

/** Text files arrive as bytes and are decoded here, so that the backend's own heap never holds their text. */
function decodeText(job) {
  const bytes = new Uint8Array(job.buffer, job.textOffset || 0);
  job.buffer = null;
  return new TextDecoder(job.encoding || 'utf-8').decode(bytes);
}

/**
 * Before SheetJS sees a CSV: no field longer than a spreadsheet cell may be (Excel's 32,767 characters) and
 * no more rows than the limit. SheetJS copies a field several times over while parsing it, so one 90 MB
 * field would cost gigabytes; this scan costs one pass and no allocation.
 */
function checkCsv(text, job) {
  const maxField = job.maxCellChars;
  let quoted = false;
  let field = 0;
  let rows = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 44 || c === 9 || c === 59 || c === 124)) { field = 0; continue; }
    else if (!quoted && c === 10) {
      field = 0;
      if (++rows > job.maxRows + 1) return { kind: 'rows', detail: '' };
      continue;
    }
    if (++field > maxField) return { kind: 'cell', detail: String(rows) };
  }
  return null;
}

/** HTML: no run of text between tags longer than a cell could hold (entities only make the text longer). */
function checkHtml(text, job) {
  const maxRun = job.maxCellChars * 8;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 60 || c === 62) run = 0;
    else if (++run > maxRun) return { kind: 'cell', detail: '' };
  }
  return null;
}

function parseOptions(job) {
  return {
    dense: true,
    cellDates: true,
    cellFormula: false,
    cellHTML: false,
    // Formatted text is not needed, but producing it is how SheetJS defines the East Asian built-in date
    // formats (numFmtId 27–36, 50–58: 2023年9月30日) that Chinese Excel uses without declaring them; without
    // it, the first such date cell makes SheetJS drop the whole sheet.
    cellText: true,
    cellStyles: false,
    sheetStubs: false,
    bookVBA: false,
    bookDeps: false,
    sheetRows: job.maxRows + 1,
    WTF: false,
  };
}

/** The one parse of the import: the workbook, or { fail } with the reason. */
const smallBook = 4 * 1024 * 1024;
const smallSheetRows = 5000;

function parseBook(X, job) {
  const options = parseOptions(job);
  let input;
  if (job.text) {
    input = decodeText(job);
    const tooBig = job.format === 'csv' ? checkCsv(input, job) : job.format === 'html' ? checkHtml(input, job) : null;
    if (tooBig) return { fail: tooBig };
    if (job.format === 'csv' || job.format === 'html') options.raw = true;
    if (job.format === 'csv') {
      options.type = 'string';
    } else {
      // Markup goes in as UTF-8 bytes: given a string with any Chinese in it, SheetJS turns it into a byte
      // string and then into an array of one number per byte (8 bytes each) before decoding it back.
      input = Buffer.from(input, 'utf8');
      options.type = 'buffer';
    }
  } else {
    options.type = 'buffer';
    input = Buffer.from(job.buffer);
    job.buffer = null;
  }
  try {
    const wb = X.read(input, options);
    // A small workbook is kept for a second look at its hidden rows and columns (hideHidden, below).
    return { wb, small: !job.text && input.length <= smallBook ? { input, options } : null };
  } catch (error) {
    const message = messageOf(error);
    return { fail: { kind: /password|encrypt/i.test(message) ? 'encrypted' : 'corrupt', detail: message } };
  }
}

function sheetList(decodeRange, wb) {
  const meta = (wb.Workbook && wb.Workbook.Sheets) || [];
  return wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name];
    const ref = ws && (ws['!fullref'] || ws['!ref']);
    let rows = 0;
    let columns = 0;
    if (typeof ref === 'string') {
      try {
        const range = decodeRange(ref);
        rows = Math.max(0, range.e.r + 1);
        columns = Math.max(0, range.e.c + 1);
      } catch (_) { /* keep 0 */ }
    }
    const hidden = Boolean(meta[i] && meta[i].Hidden);
    return { name: String(name), hidden, rows, columns };
  });
}

/** A sheet as plain rows of values, cut to its used extent; or { fail } past the row or column limit. */
function gridOf(ws, info, job) {
  const data = ws && Array.isArray(ws['!data']) ? ws['!data'] : [];
  // Used extent: the last row and column holding a value (formatting alone does not count).
  let lastRow = -1;
  let lastCol = -1;
  const limit = Math.min(data.length, job.maxRows + 1);
  for (let r = 0; r < limit; r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = row.length - 1; c >= 0; c--) {
      const v = valueOf(row[c]);
      if (v !== null && v !== '') {
        if (c > lastCol) lastCol = c;
        lastRow = r;
        break;
      }
    }
  }
  if (lastRow + 1 > job.maxRows) return { fail: { kind: 'rows', detail: String(info.rows) } };
  if (lastCol + 1 > job.maxColumns) return { fail: { kind: 'columns', detail: String(lastCol + 1) } };
  const cells = [];
  for (let r = 0; r <= lastRow; r++) {
    const row = data[r];
    const out = new Array(lastCol + 1).fill(null);
    if (row) for (let c = 0; c <= lastCol && c < row.length; c++) out[c] = valueOf(row[c]);
    cells.push(out);
  }
  const merges = [];
  for (const m of Array.isArray(ws && ws['!merges']) ? ws['!merges'] : []) {
    if (!m || !m.s || !m.e) continue;
    if (m.s.r > lastRow || m.s.c > lastCol) continue;
    merges.push({ s: { r: m.s.r, c: m.s.c }, e: { r: Math.min(m.e.r, lastRow), c: Math.min(m.e.c, lastCol) } });
  }
  return { grid: { sheet: info.name, cells, merges, size: (lastRow + 1) * (lastCol + 1) } };
}

/**
 * The sheets handed back from the one parse: the named sheet; or else the first visible sheet with content,
 * followed by the next few (at most maxSheetsExamined in all, and a bounded number of cells) so that the
 * backend can pass over an instructions sheet to the table without parsing the workbook again.
 */
function chooseGrids(wb, sheets, job) {
  if (typeof job.sheet === 'string') {
    const index = wb.SheetNames.indexOf(job.sheet);
    if (index < 0) return { fail: { kind: 'nosheet', detail: '' } };
    const one = gridOf(wb.Sheets[wb.SheetNames[index]], sheets[index], job);
    return one.fail ? one : { grids: [one.grid] };
  }
  const grids = [];
  let cells = 0;
  for (let i = 0; i < sheets.length && grids.length < job.maxSheetsExamined; i++) {
    const ws = wb.Sheets[wb.SheetNames[i]];
    if (sheets[i].hidden || !hasContent(ws)) continue;
    const one = gridOf(ws, sheets[i], job);
    if (one.fail) {
      // The first sheet read is the one the user gets: its limits are theirs to hear about.
      if (grids.length === 0) return one;
      continue;
    }
    if (grids.length > 0 && cells + one.grid.size > job.maxFallbackCells) break;
    cells += one.grid.size;
    grids.push(one.grid);
  }
  return grids.length === 0 ? { fail: { kind: 'empty', detail: '' } } : { grids };
}

/**
 * Hidden columns and hidden or filtered-out rows of the sheets handed back are blanked, as a person reading
 * them sees them. The fast reader sees them directly; SheetJS gives them only when it reads styles, which costs
 * time and memory on every cell: so only a small workbook's sheets are read again with styles (a department's
 * table, not a 100 MB export).
 */
function blankHidden(grid, hidden) {
  if (!hidden) return;
  grid.cells.forEach((row, r) => {
    if (hidden.rows[r]) row.fill(null);
    else for (const c of hidden.cols) if (c < row.length) row[c] = null;
  });
}

function hideHidden(X, small, grids) {
  const names = grids.filter((g) => g.cells.length <= smallSheetRows).map((g) => g.sheet);
  if (names.length === 0) return;
  let wb;
  try {
    wb = X.read(small.input, Object.assign({}, small.options, { cellStyles: true, sheets: names }));
  } catch (_) {
    return;
  }
  for (const grid of grids) {
    const ws = names.indexOf(grid.sheet) >= 0 ? wb.Sheets[grid.sheet] : null;
    if (!ws) continue;
    const cols = [];
    (Array.isArray(ws['!cols']) ? ws['!cols'] : []).forEach((col, i) => { if (col && col.hidden) cols.push(i); });
    const rows = (Array.isArray(ws['!rows']) ? ws['!rows'] : []).map((row) => Boolean(row && row.hidden));
    blankHidden(grid, { rows, cols });
  }
}

function loadSheetJs(job) {
  try {
    return { X: require(job.sheetJsPath) };
  } catch (error) {
    return { fail: { kind: 'internal', detail: 'SheetJS 无法加载：' + messageOf(error) } };
  }
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

function main() {
  const job = workerData;
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

try {
  main();
} catch (error) {
  fail(error instanceof RangeError ? 'memory' : 'corrupt', messageOf(error));
}
`;
