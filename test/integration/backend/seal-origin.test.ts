import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli';
import { officeWithSignedTable, type Office } from '../../helpers/offices';
import { tempDir } from '../../helpers/temp';

const open: Office[] = [];
afterEach(() => open.splice(0).forEach((o) => o.backend.close()));

async function office(name: string, progress?: string): Promise<Office> {
  const made = await officeWithSignedTable(name, progress);
  open.push(made);
  return made;
}

function save(dir: string, name: string, contentBase64: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(contentBase64, 'base64'));
  return file;
}

describe('whose seal a received table carries', () => {
  it('refuses a seal naming a trusted office but made with another key (verify exit 3, consolidation refused)', async () => {
    const genuine = await office('廉村镇');
    // Someone else's ledger calls itself 廉村镇, signs other figures with its own key.
    const forger = await office('廉村镇', '救助 99 人');
    const county = await office('叶县人民政府办公室');
    await county.backend.do('keys.trust', { keyFile: genuine.key.publicKeyFile, office: '廉村镇' });

    const report = await county.backend.do('verify.file', { fileName: 'lian.xlsx', contentBase64: forger.file.contentBase64 });
    expect(report).toMatchObject({ valid: false, knownSigner: false, origin: 'keyMismatch', trustedFingerprint: genuine.key.fingerprint, changes: [] });
    await expect(county.backend.do('consolidate.add', { fileName: 'lian.xlsx', contentBase64: forger.file.contentBase64 })).rejects.toMatchObject({
      code: 'SEAL_INVALID',
      message: expect.stringContaining('签章密钥与已信任的“廉村镇”不一致'),
    });
    expect(await county.backend.do('consolidate.list', {})).toEqual([]);
    await expect(county.backend.do('keys.trustSeal', { fileName: 'lian.xlsx', contentBase64: forger.file.contentBase64 })).rejects.toMatchObject({
      code: 'SEAL_INVALID',
    });

    const cli = await runCaptured(['verify', save(tempDir(), 'lian.xlsx', forger.file.contentBase64), '--db', county.dbPath]);
    expect(cli.code).toBe(3);
    expect(cli.out).toContain('签章密钥与已信任的“廉村镇”不一致');
    expect(cli.out).toContain(forger.key.fingerprint);
    expect(cli.out).toContain(genuine.key.fingerprint);

    // The genuine office's table still verifies and is consolidated as trusted.
    const real = await county.backend.do('verify.file', { fileName: 'lian.xlsx', contentBase64: genuine.file.contentBase64 });
    expect(real).toMatchObject({ valid: true, knownSigner: true, origin: 'trusted' });
  });

  it('says a valid seal by an unknown key has an unconfirmed origin, with the fingerprint to compare', async () => {
    const township = await office('龚店镇');
    const county = await office('叶县人民政府办公室');
    const report = await county.backend.do('verify.file', { fileName: 'gong.xlsx', contentBase64: township.file.contentBase64 });
    expect(report).toMatchObject({ valid: true, knownSigner: false, origin: 'unconfirmed', fingerprint: township.key.fingerprint });
    const cli = await runCaptured(['verify', save(tempDir(), 'gong.xlsx', township.file.contentBase64), '--db', county.dbPath]);
    expect(cli.code).toBe(0);
    expect(cli.out).toMatch(new RegExp(`来源未经确认.*龚店镇.*${township.key.fingerprint}`));
    const added = await county.backend.do('consolidate.add', { fileName: 'gong.xlsx', contentBase64: township.file.contentBase64 });
    expect(added).toMatchObject({ valid: true, knownSigner: false });
  });

  it('says this office’s own export carries this office’s seal', async () => {
    const own = await office('廉村镇');
    const report = await own.backend.do('verify.file', { fileName: 'own.xlsx', contentBase64: own.file.contentBase64 });
    expect(report).toMatchObject({ valid: true, knownSigner: true, origin: 'own' });
    const cli = await runCaptured(['verify', save(tempDir(), 'own.xlsx', own.file.contentBase64), '--db', own.dbPath]);
    expect(cli.out).toContain('这是本单位的签章');
  });

  it('never prints "密钥指纹 null" for a damaged seal sheet', async () => {
    const township = await office('龚店镇');
    const wb = XLSX.read(Buffer.from(township.file.contentBase64, 'base64'));
    const seal = wb.Sheets[wb.SheetNames.find((n) => n !== wb.SheetNames[0])!]!;
    seal.A2 = { t: 's', v: '不是签章' };
    const damaged = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
    const cli = await runCaptured(['verify', save(tempDir(), 'gong.xlsx', damaged), '--db', township.dbPath]);
    expect(cli.code).toBe(3);
    expect(cli.out).not.toMatch(/null/);
    expect(cli.out).toContain('签章已损坏');
  });

  it('shows a key file’s fingerprint and asks for the office’s name before trusting it', async () => {
    const township = await office('龚店镇');
    const county = await office('叶县人民政府办公室');
    const keyFile = path.join(tempDir(), 'gong.key.json');
    fs.writeFileSync(keyFile, township.key.publicKeyFile);
    expect(await county.backend.do('keys.inspect', { keyFile: township.key.publicKeyFile })).toEqual({
      office: '龚店镇',
      fingerprint: township.key.fingerprint,
      trustedAs: null,
    });
    const asked = await runCaptured(['keys', 'import', keyFile, '--db', county.dbPath]);
    expect(asked.code).toBe(2);
    expect(asked.out).toContain(township.key.fingerprint);
    expect(asked.err).toContain('--office');
    expect(await county.backend.do('keys.trusted', {})).toEqual([]);

    const trusted = await runCaptured(['keys', 'import', keyFile, '--office', '龚店镇人民政府', '--db', county.dbPath]);
    expect(trusted.code).toBe(0);
    expect(await county.backend.do('keys.trusted', {})).toMatchObject([{ office: '龚店镇人民政府', fingerprint: township.key.fingerprint }]);
  });
});
