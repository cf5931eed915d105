import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import { normalizeFingerprint, sealFormat, sealSigningInput, snapshotSigningText, type Seal } from '../../../shared/seal/seal';
import type { PeriodSnapshot } from '../../../shared/snapshot';
import { fingerprintOf, type OfficeKey } from './keys';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Seals a snapshot: hash of its canonical JSON, signed together with who signed and with which key. */
export function createSeal(snapshot: PeriodSnapshot, key: OfficeKey): Seal {
  const header = {
    format: sealFormat,
    office: key.office,
    fingerprint: key.fingerprint,
    publicKeyPem: key.publicKeyPem,
    sha256: sha256Hex(snapshotSigningText(snapshot)),
    signedAt: snapshot.signOff.signedAt,
    signer: snapshot.signOff.signer,
  } as const;
  const signature = sign(null, Buffer.from(sealSigningInput(header), 'utf8'), key.privateKeyPem).toString('base64');
  return { ...header, signature, snapshot };
}

export interface SealCheck {
  /** The snapshot hashes to the sealed sha256 (the hidden sheet's data was not edited). */
  hashMatches: boolean;
  /** The fingerprint is that of the key in the seal (not borrowed from another office). */
  fingerprintMatches: boolean;
  /** The Ed25519 signature is good for the seal's own public key. */
  signatureValid: boolean;
}

/** Checks a seal against itself; whether its key is one we trust is the caller's question. */
export function checkSeal(seal: Seal): SealCheck {
  const hashMatches = sha256Hex(snapshotSigningText(seal.snapshot)) === seal.sha256;
  let fingerprintMatches = false;
  let signatureValid = false;
  try {
    const publicKey = createPublicKey(seal.publicKeyPem);
    if (publicKey.asymmetricKeyType === 'ed25519') {
      fingerprintMatches = normalizeFingerprint(fingerprintOf(publicKey)) === normalizeFingerprint(seal.fingerprint);
      const signature = Buffer.from(seal.signature, 'base64');
      signatureValid = signature.length === 64 && verify(null, Buffer.from(sealSigningInput(seal), 'utf8'), publicKey, signature);
    }
  } catch {
    // An unreadable key or signature is simply not a valid seal.
  }
  return { hashMatches, fingerprintMatches, signatureValid };
}
