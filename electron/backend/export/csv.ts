import { cellValue, displayText, tableColumns } from '../../../shared/seal/table-layout';
import type { PeriodSnapshot } from '../../../shared/snapshot';

/**
 * Text that a spreadsheet would take for a formula when it opens the CSV (= + - @, and tab or CR that some
 * programs skip before looking): prefixed with an apostrophe, the OWASP "CSV injection" defence. The seal
 * protects only the .xlsx; the CSV is for people's own use, so a visible apostrophe is the lesser harm.
 */
const formulaStart = /^[=+\-@\t\r]/;

function csvField(text: string): string {
  const safe = formulaStart.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The table as CSV: UTF-8 with BOM (so Excel on Chinese Windows reads it as UTF-8), CRLF, header row first. */
export function writeCsv(snapshot: PeriodSnapshot): Buffer {
  const columns = tableColumns(snapshot);
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const row of snapshot.rows) {
    lines.push(
      columns
        .map((c) => {
          const value = cellValue(row, c.key);
          // Numbers the app computed are data, not user text: written plainly ("-5%" needs no guard).
          return typeof value === 'number' ? displayText(value, c.kind) : csvField(value ?? '');
        })
        .join(','),
    );
  }
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
