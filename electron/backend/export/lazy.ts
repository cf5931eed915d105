/**
 * The export and verify modules bring in ExcelJS, SheetJS or docx: megabytes of JavaScript that `ledger status` or
 * the app's first screen never need. Features call them through these wrappers, which load a module the
 * first time it is used (a dynamic import: in the CLI bundle, a chunk of its own).
 */
import type * as BulletinDocx from './bulletin-docx';
import type * as Consolidated from './consolidated';
import type * as Verify from './verify';
import type * as Workbook from './workbook';

export async function writeSealedWorkbook(...args: Parameters<typeof Workbook.writeSealedWorkbook>): ReturnType<typeof Workbook.writeSealedWorkbook> {
  return (await import('./workbook')).writeSealedWorkbook(...args);
}

export async function verifyWorkbook(...args: Parameters<typeof Verify.verifyWorkbook>): ReturnType<typeof Verify.verifyWorkbook> {
  return (await import('./verify')).verifyWorkbook(...args);
}

export async function writeConsolidatedWorkbook(
  ...args: Parameters<typeof Consolidated.writeConsolidatedWorkbook>
): ReturnType<typeof Consolidated.writeConsolidatedWorkbook> {
  return (await import('./consolidated')).writeConsolidatedWorkbook(...args);
}

export async function writeBulletinDocx(...args: Parameters<typeof BulletinDocx.writeBulletinDocx>): ReturnType<typeof BulletinDocx.writeBulletinDocx> {
  return (await import('./bulletin-docx')).writeBulletinDocx(...args);
}
