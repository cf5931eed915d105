/** Whose seal a good signature is: kept apart from verify.ts so that features can judge it without loading SheetJS. */
import type { SealOrigin } from '../../../shared/domain';
import { normalizeFingerprint } from '../../../shared/seal/seal';

/** The keys a ledger knows: its own office's, and those it was told to trust. */
export interface KnownKeys {
  trusted: { fingerprint: string; office: string }[];
  own?: { fingerprint: string; office: string };
}

const sameOffice = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/**
 * A good signature proves only that the holder of that key signed. The office name in the seal is the signer's
 * own claim: it counts only when the key is one this ledger knows, and a known office name with an unknown key
 * is a different signer using that name.
 */
export function sealOrigin(seal: { office: string; fingerprint: string }, keys: KnownKeys): { origin: SealOrigin; trustedFingerprint: string | null } {
  const fingerprint = normalizeFingerprint(seal.fingerprint);
  if (keys.own && normalizeFingerprint(keys.own.fingerprint) === fingerprint) return { origin: 'own', trustedFingerprint: null };
  if (keys.trusted.some((t) => normalizeFingerprint(t.fingerprint) === fingerprint)) return { origin: 'trusted', trustedFingerprint: null };
  const named = [...keys.trusted, ...(keys.own ? [keys.own] : [])].find((t) => sameOffice(t.office, seal.office));
  if (named) return { origin: 'keyMismatch', trustedFingerprint: named.fingerprint };
  return { origin: 'unconfirmed', trustedFingerprint: null };
}
