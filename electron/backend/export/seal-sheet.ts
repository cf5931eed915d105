import * as nodeBuffer from 'node:buffer';
import { sealFormat, sealFormatPattern, type Seal } from '../../../shared/seal/seal';
import { isPeriodSnapshot } from '../../../shared/seal/snapshot-shape';

/**
 * How the seal is kept inside the workbook: a very hidden, protected sheet whose A1 is the format tag and
 * whose A2, A3, … hold the seal JSON in base64. Base64 because spreadsheet programs normalise cell text
 * (line ends, XML escapes) when they re-save a file, and the seal must come back byte for byte; chunks
 * because a cell holds at most 32,767 characters.
 */
export const sealSheetName = '签章';
export const sealNote = '此工作表保存本报表的电子签章数据，由“民生实事台账”生成，请勿修改。';
const chunkSize = 32_000;

export function sealCells(seal: Seal): string[] {
  const encoded = Buffer.from(JSON.stringify(seal), 'utf8').toString('base64');
  const chunks: string[] = [];
  for (let i = 0; i < encoded.length; i += chunkSize) chunks.push(encoded.slice(i, i + chunkSize));
  return chunks;
}

export type DecodedSeal =
  | { ok: true; seal: Seal }
  /** A seal sheet is there but its content is damaged or edited. */
  | { ok: false; tag: string }
  /** A tag from a later version of the app: not damage, the reader needs an upgrade. */
  | { ok: false; newerVersion: string };

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * UTF-8 bytes as text. Valid UTF-8 goes through UTF-16LE: V8's own decoder takes several times longer on
 * Chinese text (≈100 ms of a 20,000-row table's seal). Electron's Node may lack transcode: then as before.
 */
function utf8Text(bytes: Buffer): string {
  const { transcode, isUtf8 } = nodeBuffer;
  if (bytes.length > 4096 && typeof transcode === 'function' && isUtf8(bytes)) {
    try {
      return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
    } catch {
      // Below, the ordinary way.
    }
  }
  return bytes.toString('utf8');
}

/** Reads the seal back from the sheet's column A (A1 first); never throws on junk. */
export function decodeSeal(columnA: readonly string[]): DecodedSeal {
  const tag = columnA[0] ?? '';
  const version = sealFormatPattern.exec(tag);
  if (version && tag !== sealFormat && Number(version[1]) > 1) return { ok: false, newerVersion: tag };
  if (tag !== sealFormat) return { ok: false, tag };
  try {
    const encoded = columnA.slice(1).join('');
    const bytes = Buffer.from(encoded, 'base64');
    // Node decodes junk without complaint: only base64 that encodes back to itself (or, unpadded, matches the
    // alphabet) is read. The round trip is the quicker test of the megabytes a large table's seal has.
    if (bytes.toString('base64') !== encoded && !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) return { ok: false, tag };
    const seal = JSON.parse(utf8Text(bytes)) as Record<string, unknown>;
    const fieldsOk =
      seal.format === sealFormat &&
      isString(seal.office) &&
      isString(seal.fingerprint) &&
      isString(seal.publicKeyPem) &&
      isString(seal.sha256) &&
      isString(seal.signature) &&
      isString(seal.signer) &&
      (seal.signedAt === null || isString(seal.signedAt)) &&
      isPeriodSnapshot(seal.snapshot);
    return fieldsOk ? { ok: true, seal: seal as unknown as Seal } : { ok: false, tag };
  } catch {
    return { ok: false, tag };
  }
}
