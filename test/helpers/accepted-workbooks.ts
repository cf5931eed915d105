/**
 * The inputs of the differential tests (understanding, figures): every workbook of the fixtures, the calamine
 * corpus and the project's own test files that the reader accepts, in a fixed order, with the grids read from
 * it (the chosen sheet's, then its fallbacks').
 */
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../shared/errors';
import type { Grid } from '../../shared/import/grid';
import { readWorkbook } from '../../electron/backend/import/read';

const repo = path.resolve(import.meta.dirname, '../..');
const folders = [
  path.join(repo, '../shared/fixtures'),
  path.join(repo, '../shared/corpus/calamine'),
  path.join(repo, 'test/fixtures/import'),
  path.join(repo, 'test/fixtures/documents'),
];
const workbook = /\.(xls|xlsx|xlsm|xlsb|ods|et|csv|doc|docx|txt)$/i;

/** Whether ../shared's fixtures and corpus are beside the repository. */
export const haveSharedWorkbooks = folders.slice(0, 2).every((f) => fs.existsSync(f));

export async function* acceptedWorkbooks(): AsyncGenerator<{ file: string; grids: Grid[] }> {
  for (const folder of folders) {
    for (const file of fs.readdirSync(folder).filter((f) => workbook.test(f)).sort()) {
      let grids: Grid[];
      try {
        const read = await readWorkbook(new Uint8Array(fs.readFileSync(path.join(folder, file))), { fileName: file, limits: { timeoutMs: 10_000, maxMemoryMb: 512 } });
        grids = [read.grid, ...read.fallbacks.map((f) => f.grid)];
      } catch (error) {
        if (error instanceof LedgerError) continue;
        throw error;
      }
      yield { file, grids };
    }
  }
}
