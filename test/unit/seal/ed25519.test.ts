import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, publicKeyFromRaw, rawPublicKey } from '../../../electron/backend/export/keys';

// RFC 8032 section 7.1, TEST 1–3: secret key, public key, message, signature (hex).
const vectors = [
  {
    name: 'TEST 1',
    secret: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    public: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    name: 'TEST 2',
    secret: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    public: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  {
    name: 'TEST 3',
    secret: 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
    public: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    message: 'af82',
    signature:
      '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  },
];

const b64url = (hex: string) => Buffer.from(hex, 'hex').toString('base64url');

describe('Ed25519 through node:crypto (RFC 8032 §7.1)', () => {
  it.each(vectors)('$name: derives the public key and the signature', (v) => {
    const privateKey = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: b64url(v.secret), x: b64url(v.public) }, format: 'jwk' });
    const derived = createPublicKey(privateKey);
    expect(rawPublicKey(derived).toString('hex')).toBe(v.public);
    const message = Buffer.from(v.message, 'hex');
    expect(sign(null, message, privateKey).toString('hex')).toBe(v.signature);

    // The raw key imported through the DER prefix verifies the RFC's signature, and not a changed message.
    const publicKey = publicKeyFromRaw(Buffer.from(v.public, 'hex'));
    expect(verify(null, message, publicKey, Buffer.from(v.signature, 'hex'))).toBe(true);
    expect(verify(null, Buffer.concat([message, Buffer.from([0])]), publicKey, Buffer.from(v.signature, 'hex'))).toBe(false);
  });

  it('fingerprints a key as the grouped SHA-256 of its 32 raw bytes', () => {
    const key = publicKeyFromRaw(Buffer.from(vectors[0]!.public, 'hex'));
    expect(fingerprintOf(key)).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  });
});
