import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

// Seeds as Word files and as pasted text: test/fixtures/documents/make-documents.mjs.
const documents = path.resolve(import.meta.dirname, '../../fixtures/documents');

test.describe('documents in the import wizard', () => {
  test('pasted text goes through the same steps and creates the plan with its projects', async ({ page, ledger }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${ledger.url}#/import`);
    await page.getByRole('tab', { name: '粘贴文字' }).click();
    await page.getByLabel('粘贴的文字').fill(fs.readFileSync(path.join(documents, 'seed-003-plan.txt'), 'utf8'));
    await page.screenshot({ path: 'test-results/import-paste.png' });
    await page.getByRole('button', { name: '读取文字' }).click();
    await expect(page.getByText(/标题：2023年湛河区重点民生实事工作方案/)).toBeVisible();
    await expect(page.getByText(/识别出 30 行数据/)).toBeVisible();
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByRole('table', { name: '核对列' })).toBeVisible();
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByRole('button', { name: '新增 10' })).toBeVisible();
    await page.screenshot({ path: 'test-results/import-paste-diff.png' });
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByText(/已导入“粘贴的文字.txt”：新增 10 项/)).toBeVisible();
    const [plan] = await ledger.call('plans.list', {});
    expect(plan).toMatchObject({ name: '2023年湛河区重点民生实事', year: 2023, projectCount: 10 });
  });

  test('a .docx bulletin is read with its 截至 date', async ({ page, ledger }) => {
    await page.goto(`${ledger.url}#/import`);
    await page.getByLabel('选择文件…').setInputFiles(path.join(documents, 'seed-000-bulletin.docx'));
    await expect(page.getByText(/截至：2021-09-30/)).toBeVisible();
    await expect(page.getByText(/识别出 12 行数据/)).toBeVisible();
  });
});
