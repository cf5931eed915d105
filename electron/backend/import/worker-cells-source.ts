/**
 * The parsing worker's reading of one cell, as plain JavaScript (see worker-source.ts for why a string): a
 * SheetJS-shaped cell (from SheetJS or the fast reader) to the plain value the backend gets, as a person sees it.
 */
export const workerCellsSource = String.raw`
const errorTexts = { 0: '#NULL!', 7: '#DIV/0!', 15: '#VALUE!', 23: '#REF!', 29: '#NAME?', 36: '#NUM!', 42: '#N/A', 43: '#GETTING_DATA' };

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

/**
 * How a sheet's cells are read: the fast reader's sheets ('!values') hold each cell's value already read by
 * valueOf as it parsed (no cell object kept per cell), SheetJS's hold its cells.
 */
function cellReader(ws) {
  return ws && ws['!values'] ? readValue : valueOf;
}

function readValue(v) {
  return v === undefined ? null : v;
}

function hasContent(ws) {
  const data = ws && ws['!data'];
  if (!Array.isArray(data)) return false;
  const read = cellReader(ws);
  for (const row of data) {
    if (!row) continue;
    for (const cell of row) {
      const v = read(cell);
      if (v !== null && String(v).trim() !== '') return true;
    }
  }
  return false;
}
`;
