import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../../shared/errors';
import { groupFingerprint, normalizeFingerprint } from '../../../shared/seal/seal';

/** This office's signing key. The fingerprint is its identity; the office name is only a label. */
export interface OfficeKey {
  office: string;
  publicKeyPem: string;
  privateKeyPem: string;
  /** SHA-256 of the raw 32-byte public key, grouped: "3F2A 91C0 …". */
  fingerprint: string;
}

export const publicKeyFileFormat = 'minsheng-ledger/key@1';
const privateKeyFile = 'office-key.pem';
const keyInfoFile = 'office-key.json';

/** Ed25519 SPKI DER is a fixed 12-byte header followed by the 32-byte key. */
const ed25519SpkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');

export function rawPublicKey(publicKey: KeyObject): Buffer {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return der.subarray(ed25519SpkiPrefix.length);
}

export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([ed25519SpkiPrefix, raw]), format: 'der', type: 'spki' });
}

export function fingerprintOf(publicKey: KeyObject): string {
  return groupFingerprint(createHash('sha256').update(rawPublicKey(publicKey)).digest('hex'));
}

function keyFromPrivatePem(privateKeyPem: string, office: string): OfficeKey {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
  const publicKey = createPublicKey(privateKey);
  return {
    office,
    privateKeyPem,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: fingerprintOf(publicKey),
  };
}

/**
 * The office key kept in `dir`, made on first use. The private key is written to a temporary file with
 * mode 0600 and then hard-linked into place, so a second process starting at the same moment either finds a
 * complete key or loses the race and reads the winner's: two offices' worth of keys can never interleave.
 */
export function loadOrCreateOfficeKey(dir: string, office: string): OfficeKey {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, privateKeyFile);
  if (!fs.existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const temp = path.join(dir, `.${privateKeyFile}.${process.pid}.${randomBytes(4).toString('hex')}`);
    fs.writeFileSync(temp, pem, { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }
  let key: OfficeKey;
  try {
    key = keyFromPrivatePem(fs.readFileSync(file, 'utf8'), office);
  } catch (error) {
    throw new LedgerError('INTERNAL', `单位签章密钥文件已损坏（${file}）。请从备份恢复该文件；如无备份，删除后重新生成，并把新的公钥发给上级。`, { cause: error });
  }
  // Kept for people looking in the folder: which office and fingerprint the key belongs to.
  const info = JSON.stringify({ office, fingerprint: key.fingerprint, publicKeyPem: key.publicKeyPem }, null, 2);
  const infoFile = path.join(dir, keyInfoFile);
  if (!fs.existsSync(infoFile) || fs.readFileSync(infoFile, 'utf8') !== info) fs.writeFileSync(infoFile, info);
  return key;
}

/** The small JSON file a subordinate office gives its superior, so the superior's copy trusts its seals. */
export function exportPublicKey(key: OfficeKey): string {
  return `${JSON.stringify({ format: publicKeyFileFormat, office: key.office, publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint }, null, 2)}\n`;
}

const notAKeyFile = (detail: string, cause?: unknown) =>
  new LedgerError('INVALID_INPUT', `这不是有效的单位公钥文件：${detail}。请让对方在“签章密钥”页重新导出公钥文件。`, { cause });

/** Reads a public key file; the fingerprint is recomputed, so a mistyped or forged one is refused. */
export function parsePublicKeyFile(text: string): { office: string; publicKeyPem: string; fingerprint: string } {
  if (text.length > 64 * 1024) throw notAKeyFile('文件过大');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw notAKeyFile('内容不是 JSON', error);
  }
  if (!data || typeof data !== 'object') throw notAKeyFile('内容不是 JSON 对象');
  const { format, office, publicKeyPem, fingerprint } = data as Record<string, unknown>;
  if (format !== publicKeyFileFormat) throw notAKeyFile(`格式标记应为 ${publicKeyFileFormat}`);
  if (typeof office !== 'string' || !office.trim()) throw notAKeyFile('缺少单位名称');
  if (typeof publicKeyPem !== 'string' || typeof fingerprint !== 'string') throw notAKeyFile('缺少公钥或指纹');
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch (error) {
    throw notAKeyFile('公钥无法读取', error);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw notAKeyFile('公钥不是 Ed25519 类型');
  const actual = fingerprintOf(key);
  if (normalizeFingerprint(actual) !== normalizeFingerprint(fingerprint)) throw notAKeyFile('指纹与公钥不符');
  return { office: office.trim(), publicKeyPem: key.export({ type: 'spki', format: 'pem' }).toString(), fingerprint: actual };
}
