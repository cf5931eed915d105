/**
 * The parsing worker's code: plain CommonJS JavaScript, run with `new Worker(code, { eval: true })`.
 *
 * A string rather than a module file so that the same code runs unchanged under Vitest and tsx (TypeScript
 * sources, an ESM package) and inside the esbuild bundle (one CommonJS file, where no separate worker file
 * exists). It loads SheetJS by the absolute path the parent resolved, parses, and posts back plain data only:
 * the chosen sheet's grid and merges, and the list of sheets. Nothing it does can reach the parent's heap.
 */
export const workerSource = String.raw`
'use strict';
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
    case 'n': return typeof cell.v === 'number' && Number.isFinite(cell.v) ? cell.v : null;
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

function main() {
  const job = workerData;
  let X;
  try {
    X = require(job.sheetJsPath);
  } catch (error) {
    fail('internal', 'SheetJS 无法加载：' + messageOf(error));
    return;
  }
  const options = {
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
  let input;
  if (typeof job.text === 'string') {
    options.type = 'string';
    if (job.format === 'csv' || job.format === 'html') options.raw = true;
    input = job.text;
  } else {
    options.type = 'buffer';
    input = Buffer.from(job.buffer);
  }
  let wb;
  try {
    wb = X.read(input, options);
  } catch (error) {
    const message = messageOf(error);
    fail(/password|encrypt/i.test(message) ? 'encrypted' : 'corrupt', message);
    return;
  }
  input = null;
  if (!wb || !Array.isArray(wb.SheetNames) || wb.SheetNames.length === 0) {
    fail('empty', '');
    return;
  }
  const meta = (wb.Workbook && wb.Workbook.Sheets) || [];
  const sheets = wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name];
    const ref = ws && (ws['!fullref'] || ws['!ref']);
    let rows = 0;
    let columns = 0;
    if (typeof ref === 'string') {
      try {
        const range = X.utils.decode_range(ref);
        rows = Math.max(0, range.e.r + 1);
        columns = Math.max(0, range.e.c + 1);
      } catch (_) { /* keep 0 */ }
    }
    const hidden = Boolean(meta[i] && meta[i].Hidden);
    return { name: String(name), hidden, rows, columns };
  });

  let index = -1;
  if (typeof job.sheet === 'string') {
    index = wb.SheetNames.indexOf(job.sheet);
    if (index < 0) {
      parentPort.postMessage({ ok: false, kind: 'nosheet', detail: '', sheets });
      return;
    }
  } else {
    index = sheets.findIndex((s, i) => !s.hidden && hasContent(wb.Sheets[wb.SheetNames[i]]));
    if (index < 0) {
      parentPort.postMessage({ ok: false, kind: 'empty', detail: '', sheets });
      return;
    }
  }
  const name = wb.SheetNames[index];
  const ws = wb.Sheets[name] || {};
  const data = Array.isArray(ws['!data']) ? ws['!data'] : [];

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
  if (lastRow + 1 > job.maxRows) {
    fail('rows', sheets[index].rows);
    return;
  }
  if (lastCol + 1 > job.maxColumns) {
    fail('columns', lastCol + 1);
    return;
  }
  const cells = [];
  for (let r = 0; r <= lastRow; r++) {
    const row = data[r];
    const out = new Array(lastCol + 1).fill(null);
    if (row) for (let c = 0; c <= lastCol && c < row.length; c++) out[c] = valueOf(row[c]);
    cells.push(out);
  }
  const merges = [];
  for (const m of Array.isArray(ws['!merges']) ? ws['!merges'] : []) {
    if (!m || !m.s || !m.e) continue;
    if (m.s.r > lastRow || m.s.c > lastCol) continue;
    merges.push({ s: { r: m.s.r, c: m.s.c }, e: { r: Math.min(m.e.r, lastRow), c: Math.min(m.e.c, lastCol) } });
  }
  parentPort.postMessage({ ok: true, sheets, sheet: String(name), cells, merges });
}

try {
  main();
} catch (error) {
  fail(error instanceof RangeError ? 'memory' : 'corrupt', messageOf(error));
}
`;
