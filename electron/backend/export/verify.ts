import { inflateRawSync } from 'node:zlib';
import { CFB, read, type WorkBook, type WorkSheet } from 'xlsx';
import { LedgerError } from '../../../shared/errors';
import { diffVisible, visibleCells } from '../../../shared/seal/visible-cells';
import type { VerifyReport } from '../../../shared/domain';
import type { PeriodSnapshot } from '../../../shared/snapshot';
import { readVisibleCells, cellText } from './read-table';
import { checkSeal } from './seal-signature';
import { tableWarnings } from './verify-warnings';
import { decodeSeal, sealSheetName } from './seal-sheet';
import { sheetNameFor } from './workbook';
import { sealOrigin, type KnownKeys } from './seal-origin';
import { openFastBook, type FastBook } from './verify-fast-read';

export { sealOrigin, type KnownKeys } from './seal-origin';

/** The report (see shared/domain), plus the signed snapshot when the signature is good — even if cells were edited since. */
export interface VerifyResult extends VerifyReport {
  snapshot: PeriodSnapshot | null;
  /** The signer's public key when the signature is good: what "trust on first sight" records. */
  publicKeyPem: string | null;
}

const maxBytes = 100 * 1024 * 1024;
/** No part of a sealed table inflates anywhere near this; a zip bomb stops here instead of filling memory. */
const maxInflatedBytes = 1024 * 1024 * 1024;

/**
 * SheetJS inflates zip entries in JavaScript unless given a zlib; Node's is several times faster (a quarter of
 * verifying a 20,000-row table). SheetJS wants the old stream API (`_processChunk`, `bytesRead`): this gives it
 * that over inflateRawSync, whose engine reports how much input the deflate stream used.
 */
class InflateRaw {
  readonly _finishFlushFlag = 4; // Z_FINISH
  bytesRead = 0;
  _processChunk(chunk: Uint8Array): Buffer {
    const { buffer, engine } = inflateRawSync(chunk, { info: true, maxOutputLength: maxInflatedBytes }) as unknown as {
      buffer: Buffer;
      engine: { bytesWritten: number };
    };
    this.bytesRead = engine.bytesWritten;
    return buffer;
  }
}
(CFB as { utils: { use_zlib(zlib: unknown): void } }).utils.use_zlib({ InflateRaw });

const unsealed: VerifyResult = {
  sealed: false,
  valid: false,
  office: null,
  signer: null,
  signedAt: null,
  fingerprint: null,
  knownSigner: false,
  changes: [],
  origin: null,
  trustedFingerprint: null,
  warnings: [],
  snapshot: null,
  publicKeyPem: null,
};

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** A workbook as verifying reads it: its sheet names and, on demand, a sheet (dense, as SheetJS reads with dense). */
export interface OpenedBook {
  names: string[];
  sheet(name: string): WorkSheet | undefined;
}

/** Opens the file with SheetJS, the reader of users' files; only .xlsx (zip) and OLE containers get that far. */
export function openWithSheetJS(bytes: Uint8Array): OpenedBook {
  let workbook: WorkBook;
  try {
    workbook = read(bytes, { type: 'array', dense: true, cellFormula: true, cellHTML: false, cellNF: false, cellStyles: true, bookVBA: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/password|encrypt/i.test(message)) throw new LedgerError('IMPORT_ENCRYPTED', '文件设置了打开密码，请先在 Excel 或 WPS 中取消密码后再核验。', { cause: error });
    throw new LedgerError('IMPORT_CORRUPT', '文件已损坏或不是 Excel 工作簿，无法读取，未作核验。', { cause: error });
  }
  return { names: workbook.SheetNames, sheet: (name) => workbook.Sheets[name] };
}

/**
 * A plain .xlsx is read by the fast reader (verify-fast-read.ts), several times quicker than SheetJS with styles;
 * wherever it bails out, SheetJS reads the file, from then on for every sheet.
 */
export function openWorkbook(bytes: Uint8Array, options: { fast?: boolean } = {}): OpenedBook {
  if (bytes.length > maxBytes) throw new LedgerError('IMPORT_TOO_LARGE', '文件超过 100 MB，不像是一张报表，未作核验。');
  const zip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
  const ole = startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  if (!zip && !ole) throw new LedgerError('IMPORT_NOT_SPREADSHEET', '这不是 Excel 工作簿文件（.xlsx），无法核验签章。');
  if (!zip || options.fast === false) return openWithSheetJS(bytes);
  let fast: FastBook | null;
  try {
    fast = openFastBook(bytes);
  } catch {
    return openWithSheetJS(bytes);
  }
  let slow: OpenedBook | null = null;
  return {
    names: fast.names,
    sheet(name) {
      if (fast) {
        try {
          return fast.sheet(name);
        } catch {
          fast = null; // its parts and strings need not stay in memory beside SheetJS's reading
          slow = openWithSheetJS(bytes);
        }
      }
      return slow!.sheet(name);
    },
  };
}

/** Column A of the seal sheet, top down, up to the first empty cell. */
function columnA(sheet: WorkSheet): string[] {
  const values: string[] = [];
  for (let row = 0; ; row++) {
    const text = cellText(sheet['!data']?.[row]?.[0]);
    if (!text) return values;
    values.push(text);
  }
}

/** The visible table: the sheet named for the period if it is still there, else the first other sheet. */
function tableSheet(book: OpenedBook, sealed: PeriodSnapshot): WorkSheet | null {
  const name = sheetNameFor(sealed.period.label);
  const chosen = book.names.includes(name) ? name : book.names.find((n) => n !== sealSheetName);
  return chosen ? (book.sheet(chosen) ?? null) : null;
}

/**
 * Checks a received sealed table: the seal's signature, the seal against its own hash, and every visible cell
 * against the signed snapshot. Throws only when the file cannot be read as a workbook at all.
 */
export async function verifyWorkbook(bytes: Uint8Array, keys: KnownKeys, options: { fast?: boolean } = {}): Promise<VerifyResult> {
  const book = openWorkbook(bytes, options);
  const sealSheet = book.names.includes(sealSheetName) ? book.sheet(sealSheetName) : undefined;
  if (!sealSheet) return { ...unsealed };

  const decoded = decodeSeal(columnA(sealSheet));
  if ('newerVersion' in decoded) {
    throw new LedgerError('SEAL_INVALID', `这份报表的签章格式（${decoded.newerVersion}）来自更新版本的“民生实事台账”，请升级后再核验。`);
  }
  if (!decoded.ok) return { ...unsealed, sealed: true };

  const { seal } = decoded;
  const check = checkSeal(seal);
  const signatureGood = check.signatureValid && check.hashMatches && check.fingerprintMatches;
  const summary = { sealed: true, office: seal.office, signer: seal.signer, signedAt: seal.signedAt, fingerprint: seal.fingerprint };
  if (!signatureGood) return { ...unsealed, ...summary };

  const sheet = tableSheet(book, seal.snapshot);
  const found = sheet ? readVisibleCells(sheet, seal.snapshot) : [];
  const changes = diffVisible(visibleCells(seal.snapshot), found);
  const { origin, trustedFingerprint } = sealOrigin(seal, keys);
  return {
    ...summary,
    valid: changes.length === 0 && origin !== 'keyMismatch',
    knownSigner: origin === 'own' || origin === 'trusted',
    changes,
    origin,
    trustedFingerprint,
    warnings: sheet ? tableWarnings(sheet, seal.snapshot) : [],
    snapshot: seal.snapshot,
    publicKeyPem: seal.publicKeyPem,
  };
}
