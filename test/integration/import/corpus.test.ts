/**
 * Every workbook of the calamine corpus (real and deliberately broken files) is either read or refused with a
 * LedgerError: none crashes the process, hangs past the timeout or runs away with the backend's memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LedgerError, errorCodes } from '../../../shared/errors';
import { understandTable } from '../../../shared/import/understand';
import { readWorkbook } from '../../../electron/backend/import/read';

const corpus = path.resolve(import.meta.dirname, '../../../../shared/corpus/calamine');
const hasCorpus = fs.existsSync(corpus);
const files = hasCorpus ? fs.readdirSync(corpus).filter((f) => /\.(xls|xlsx|xlsm|xlsb|ods|et|csv)$/i.test(f)).sort() : [];
const timeoutMs = 10_000;

describe.skipIf(!hasCorpus)('the calamine corpus', () => {
  it(
    'reads or refuses every workbook, each within the timeout and without growing the main heap',
    async () => {
      expect(files.length).toBeGreaterThan(50);
      const outcomes: { file: string; outcome: string; ms: number }[] = [];
      const heapBefore = process.memoryUsage().heapUsed;
      let next = 0;
      // Two at a time: the machine has two cores.
      const lane = async (): Promise<void> => {
        while (next < files.length) {
          const file = files[next++]!;
          const started = performance.now();
          let outcome: string;
          try {
            const read = await readWorkbook(new Uint8Array(fs.readFileSync(path.join(corpus, file))), { fileName: file, limits: { timeoutMs, maxMemoryMb: 512 } });
            expect(read.sheets.length).toBeGreaterThan(0);
            expect(Array.isArray(read.grid.cells)).toBe(true);
            // Understanding never throws anything but a LedgerError either.
            try {
              understandTable(read.grid);
              outcome = `read:${read.format}`;
            } catch (error) {
              expect(error).toBeInstanceOf(LedgerError);
              outcome = `read:${read.format}:${(error as LedgerError).code}`;
            }
          } catch (error) {
            expect(error, file).toBeInstanceOf(LedgerError);
            const code = (error as LedgerError).code;
            expect(errorCodes).toContain(code);
            expect(code.startsWith('IMPORT_'), `${file}: ${code}`).toBe(true);
            expect((error as LedgerError).message).toContain(file);
            outcome = code;
          }
          const ms = performance.now() - started;
          expect(ms, file).toBeLessThan(timeoutMs + 2000);
          outcomes.push({ file, outcome, ms });
        }
      };
      await Promise.all([lane(), lane()]);
      expect(outcomes).toHaveLength(files.length);
      const get = (file: string): string | undefined => outcomes.find((o) => o.file === file)?.outcome;
      expect(get('pass_protected.xlsx')).toBe('IMPORT_ENCRYPTED');
      expect(get('issue_594_dos.ods')).toMatch(/^IMPORT_/);
      for (const file of ['OOM_alloc.xls', 'OOM_alloc2.xls', 'OOM_alloc3.xls']) expect(get(file)).toBeDefined();
      // Not ledger tables: read, then no header found.
      expect(get('any_sheets.xlsx')).toMatch(/^read:xlsx/);
      expect(get('any_sheets.ods')).toMatch(/^read:ods/);
      expect(get('any_sheets.xls')).toMatch(/^read:xls/);
      // Parsing happens in workers: the main heap does not keep what they allocated.
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(150 * 1024 * 1024);
    },
    180_000,
  );
});
