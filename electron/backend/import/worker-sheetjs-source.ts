/**
 * The parsing worker's SheetJS path, as plain JavaScript (see worker-source.ts for why a string): loading it by
 * the path the parent resolved, decoding text files, the scans that refuse what would cost SheetJS gigabytes,
 * and the one parse.
 */
export const workerSheetJsSource = String.raw`
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

function loadSheetJs(job) {
  try {
    return { X: require(job.sheetJsPath) };
  } catch (error) {
    return { fail: { kind: 'internal', detail: 'SheetJS 无法加载：' + messageOf(error) } };
  }
}
`;
