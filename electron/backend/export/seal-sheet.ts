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
/** The bytes one chunk encodes: base64 writes 4 characters for every 3 bytes, so chunks join without padding. */
const chunkBytes = (chunkSize / 4) * 3;

/**
 * The seal JSON's base64 cut every 32,000 characters. Each chunk is encoded from its own bytes: a string of its
 * own, where a slice of one 20 MB string (a large table's seal) has to be read whole again every time the
 * workbook's shared strings look it up.
 */
export function sealCells(seal: Seal): string[] {
  const bytes = Buffer.from(JSON.stringify(seal), 'utf8');
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += chunkBytes) chunks.push(bytes.toString('base64', i, Math.min(i + chunkBytes, bytes.length)));
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

/**
 * The chunks' base64 decoded, or null when their text is not base64. Node decodes junk without complaint, so
 * the text is checked: chunk by chunk, each must encode back to itself (the quick test, and no joined copy of
 * the megabytes a large table's seal has); failing that, the whole must match the alphabet, as before.
 */
function base64Bytes(chunks: readonly string[]): Buffer | null {
  const whole = (c: string, i: number) => i === chunks.length - 1 || (c.length % 4 === 0 && !c.endsWith('='));
  if (chunks.every(whole)) {
    const parts = chunks.map((c) => Buffer.from(c, 'base64'));
    if (parts.every((p, i) => p.toString('base64') === chunks[i])) return Buffer.concat(parts);
  }
  const encoded = chunks.join('');
  return /^[A-Za-z0-9+/]*={0,2}$/.test(encoded) ? Buffer.from(encoded, 'base64') : null;
}

/** Reads the seal back from the sheet's column A (A1 first); never throws on junk. */
export function decodeSeal(columnA: readonly string[]): DecodedSeal {
  const tag = columnA[0] ?? '';
  const version = sealFormatPattern.exec(tag);
  if (version && tag !== sealFormat && Number(version[1]) > 1) return { ok: false, newerVersion: tag };
  if (tag !== sealFormat) return { ok: false, tag };
  try {
    const bytes = base64Bytes(columnA.slice(1));
    if (!bytes) return { ok: false, tag };
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
