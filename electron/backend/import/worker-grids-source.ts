/**
 * The parsing worker's grids, as plain JavaScript (see worker-source.ts for why a string): from a parsed
 * workbook (SheetJS's or the fast reader's, the same shape) to the list of sheets and the plain grids handed
 * back, with hidden rows and columns blanked.
 */
export const workerGridsSource = String.raw`
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
  const read = cellReader(ws);
  // Used extent: the last row and column holding a value (formatting alone does not count).
  let lastRow = -1;
  let lastCol = -1;
  const limit = Math.min(data.length, job.maxRows + 1);
  for (let r = 0; r < limit; r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = row.length - 1; c >= 0; c--) {
      const v = read(row[c]);
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
    // Built by push, so the row is a packed array: a holey one (new Array(n)) is cloned to the backend entry by
    // entry, and costs its thread several times as much to receive.
    const out = [];
    const width = row ? Math.min(lastCol + 1, row.length) : 0;
    for (let c = 0; c < width; c++) out.push(read(row[c]));
    for (let c = width; c <= lastCol; c++) out.push(null);
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

/** A sheet of more rows than this is not read again for its hidden rows (hideHidden). */
const smallSheetRows = 5000;

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
`;
