import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportPublicKey, loadOrCreateOfficeKey } from '../../../electron/backend/export/keys';
import { expect, test } from './fixtures';

test.describe('trusting a subordinate office’s key file', () => {
  test('shows the fingerprint to compare and asks for the office’s name before trusting it', async ({ page, ledger }) => {
    const township = loadOrCreateOfficeKey(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-key-')), '龚店镇');
    const keyFile = test.info().outputPath('龚店镇-公钥.json');
    fs.writeFileSync(keyFile, exportPublicKey(township));
    await ledger.call('settings.update', { officeName: '叶县人民政府办公室' });
    await ledger.call('plans.create', { year: 2022, level: 'county', name: '2022年省民生实事叶县', region: '' });

    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${ledger.url}#/settings`);
    await page.getByLabel('导入下级单位公钥…').setInputFiles(keyFile);
    const dialog = page.getByRole('dialog', { name: '信任下级单位的公钥' });
    await expect(dialog.getByLabel('密钥指纹')).toHaveText(township.fingerprint);
    expect(await ledger.call('keys.trusted', {})).toEqual([]);
    const name = dialog.getByLabel('这把密钥属于哪个单位');
    await expect(name).toHaveValue('龚店镇');
    await name.fill('龚店镇人民政府');
    await dialog.getByRole('button', { name: '核对无误，信任' }).click();
    await expect(page.getByText('已信任“龚店镇人民政府”')).toBeVisible();
    expect(await ledger.call('keys.trusted', {})).toMatchObject([{ office: '龚店镇人民政府', fingerprint: township.fingerprint }]);
  });
});
