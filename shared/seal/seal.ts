import type { PeriodSnapshot } from '../snapshot';
import { canonicalJson } from './canonical-json';

/**
 * What is stored in a sealed workbook's hidden sheet. The tag names the layout of this object and of the
 * signed message below; a later version that changes either gets a new tag and keeps verifying @1 files.
 */
export const sealFormat = 'minsheng-ledger/seal@1';

/** Any seal tag this or a later version may write: a newer tag means "upgrade", not "tampered". */
export const sealFormatPattern = /^minsheng-ledger\/seal@(\d+)$/;

export interface Seal {
  format: typeof sealFormat;
  /** The office that holds the key (填报单位 when the key was made). */
  office: string;
  /** SHA-256 of the raw 32-byte Ed25519 public key, upper-case hex in groups of four. */
  fingerprint: string;
  publicKeyPem: string;
  /** Hex SHA-256 of canonicalJson(snapshot) in UTF-8. */
  sha256: string;
  /** Base64 Ed25519 signature over sealSigningInput(seal). */
  signature: string;
  signedAt: string | null;
  signer: string;
  snapshot: PeriodSnapshot;
}

export type SealHeader = Omit<Seal, 'signature' | 'snapshot'>;

/**
 * The message that is signed: the seal's own fields, canonical, with the snapshot bound through its hash.
 * Signing the hash rather than the (possibly megabytes of) snapshot JSON keeps the signed text small, and
 * binding the key and fingerprint stops a seal being re-labelled with another office's fingerprint.
 */
export function sealSigningInput(header: SealHeader): string {
  const { format, office, fingerprint, publicKeyPem, sha256, signedAt, signer } = header;
  return canonicalJson({ format, office, fingerprint, publicKeyPem, sha256, signedAt, signer });
}

/** The snapshot text that is hashed: the data, never the file bytes (Excel and WPS rewrite those on save). */
export function snapshotSigningText(snapshot: PeriodSnapshot): string {
  return canonicalJson(snapshot);
}

/** "3f2a91c0…" or "3F2A 91C0 …" → "3F2A91C0…": fingerprints compare without their grouping. */
export function normalizeFingerprint(fingerprint: string): string {
  return fingerprint.replace(/[\s:]/g, '').toUpperCase();
}

/** 64 hex digits → "3F2A 91C0 …", the way people read a fingerprint aloud over the phone. */
export function groupFingerprint(hex: string): string {
  return normalizeFingerprint(hex).replace(/(.{4})(?!$)/g, '$1 ');
}
