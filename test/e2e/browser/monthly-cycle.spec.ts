import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type LedgerServer } from './fixtures';

/** The month as a township clerk meets it, on the laptop screen offices have (issue #14). */
test.use({ viewport: { width: 1366, height: 768 } });

const shots = path.resolve(import.meta.dirname, '../../../build/screenshots');

async function periodWithProgress(ledger: LedgerServer) {
  await ledger.call('settings.update', { officeName: '叶县人民政府办公室', userName: '李敏' });
  const plan = await ledger.call('plans.create', { year: 2022, level: 'county', name: '2022年省民生实事叶县' });
  const period = await ledger.call('periods.create', { planId: plan.id, kind: 'custom', asOf: '2022-09-30' });
  const project = await ledger.call('projects.create', { planId: plan.id, title: '实施残疾儿童康复救助', leadUnits: ['县残联'], leaders: ['张安有'] });
  await ledger.call('progress.save', { projectId: project.id, periodId: period.id, narrative: '已救助残疾儿童98人。' });
  return { plan, period, project };
}

async function signOffPanel(page: Page, ledger: LedgerServer) {
  await page.goto(`${ledger.url}#/export`);
  return page.getByRole('region', { name: '报送期' });
}

test.describe('sign-off separates people', () => {
  test('the reviewer cannot be the preparer, nor the signer the reviewer; each step starts from its own role', async ({ page, ledger }) => {
    await periodWithProgress(ledger);
    const panel = await signOffPanel(page, ledger);
    const preparer = panel.getByLabel('填表人');
    await expect(preparer).toHaveValue('李敏');
    await preparer.press('Enter');
    await expect(page.getByText('已提交审核')).toBeVisible();

    // Not pre-filled with the preparer's name: this is a different person's step.
    const reviewer = panel.getByLabel('审核人');
    await expect(reviewer).toHaveValue('');
    await reviewer.fill('李敏');
    await reviewer.press('Enter');
    await expect(panel.getByText('审核人不能与填表人是同一人（李敏）：请由另一位同志审核。')).toBeVisible();
    await reviewer.fill('张伟');
    await expect(panel.getByText(/审核人不能与填表人/)).toHaveCount(0);
    await reviewer.press('Enter');
    await expect(page.getByText('已审核通过')).toBeVisible();

    const signer = panel.getByLabel('签发领导');
    await expect(signer).toHaveValue('');
    await signer.fill('张伟');
    await signer.press('Enter');
    await expect(panel.getByText('签发领导不能与审核人是同一人（张伟）：请由另一位同志签发。')).toBeVisible();
    await page.screenshot({ path: path.join(shots, 'signoff-refused.png') });
    await signer.fill('王东效');
    await signer.press('Enter');
    await expect(page.getByText('已签发修订版 1，报表已锁定')).toBeVisible();
    await expect(panel.getByText(/填表人：李敏\s+审核人：张伟\s+签发领导：王东效/)).toBeVisible();

    // Next revision: each role starts from the name last used in that role.
    await panel.getByRole('button', { name: '更正（新建修订版）…' }).click();
    await page.getByLabel('更正原因').fill('更正进展数字');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(panel.getByLabel('填表人')).toHaveValue('李敏');
    await panel.getByLabel('填表人').press('Enter');
    await expect(panel.getByLabel('审核人')).toHaveValue('张伟');
    await panel.getByLabel('审核人').press('Enter');
    await expect(panel.getByLabel('签发领导')).toHaveValue('王东效');
    await page.screenshot({ path: path.join(shots, 'signoff.png') });
  });
});
