import fs from 'node:fs';
import path from 'node:path';
import { damageInPlace } from '../../helpers/damage';
import { expect, screenshotPath, test } from './fixtures';


test.describe('a ledger that will not open', () => {
  test('opens the recovery screen, which restores a backup and keeps the damaged file aside', async ({ page, ledger }) => {
    await ledger.call('plans.create', { year: 2022, level: 'county', name: '2022年省民生实事（叶县）', region: '' });
    await ledger.call('backups.create', {});
    const damaged = { bytes: Buffer.alloc(0) };
    await ledger.restart(() => {
      damageInPlace(ledger.dbPath);
      damaged.bytes = fs.readFileSync(ledger.dbPath);
    });

    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(ledger.url);
    await expect(page.getByRole('heading', { name: '台账文件无法打开' })).toBeVisible();
    await expect(page.getByText(/原因：数据库文件“ledger.sqlite”已损坏/)).toBeVisible();
    const table = page.getByRole('table', { name: '可用的备份' });
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByText('手动')).toBeVisible();
    await page.screenshot({ path: screenshotPath('recovery.png') });

    await table.getByRole('button', { name: '用这份备份恢复' }).click();
    await page.getByRole('button', { name: '确认恢复' }).click();
    await expect(page.getByText(/已恢复 .* 的备份。损坏的文件另存为：/)).toBeVisible();
    const aside = fs.readdirSync(path.dirname(ledger.dbPath)).find((name) => name.includes('.damaged-'))!;
    expect(fs.readFileSync(path.join(path.dirname(ledger.dbPath), aside)).equals(damaged.bytes)).toBe(true);

    await page.getByRole('button', { name: '打开台账' }).click();
    await expect(page.getByRole('heading', { name: '台账文件无法打开' })).toBeHidden();
    await expect(page.getByText('2022年省民生实事（叶县）').first()).toBeVisible();
  });
});
