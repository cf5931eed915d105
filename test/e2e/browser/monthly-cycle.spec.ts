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

test.describe('the office is named before anything is signed', () => {
  test.use({ firstStart: true });

  test('asks on first start for the office and the user, whose name then goes into the history', async ({ page, ledger }) => {
    await page.goto(ledger.url);
    const dialog = page.getByRole('dialog', { name: '欢迎使用民生实事台账' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: '开始使用' }).click();
    await expect(dialog.getByText('请填写本单位名称')).toBeVisible();
    await expect(dialog.getByText('请填写您的姓名')).toBeVisible();
    await dialog.getByLabel('本单位名称（填报单位）').fill('龙泉镇人民政府党政办');
    await expect(dialog.getByText('请填写本单位名称')).toHaveCount(0);
    await dialog.getByLabel('本单位层级').click();
    await page.getByRole('option', { name: '乡镇级' }).click();
    await dialog.getByLabel('地区').fill('叶县龙泉镇');
    await dialog.getByLabel('您的姓名').fill('李敏');
    await page.screenshot({ path: path.join(shots, 'first-start.png') });
    await dialog.getByLabel('您的姓名').press('Enter');
    await expect(dialog).toHaveCount(0);
    expect(await ledger.call('settings.get', {})).toMatchObject({ officeName: '龙泉镇人民政府党政办', officeLevel: 'township', officeRegion: '叶县龙泉镇', userName: '李敏' });

    const plan = await ledger.call('plans.create', { year: 2022, level: 'township', name: '2022年龙泉镇民生实事' });
    const project = await ledger.call('projects.create', { planId: plan.id, title: '改造农村户厕', leadUnits: ['镇农办'] });
    await page.goto(`${ledger.url}#/project/${project.id}`);
    await expect(page.getByRole('region', { name: '修改记录' })).toContainText('李敏');
    await expect(page.getByRole('region', { name: '修改记录' })).not.toContainText('root');
  });

  test('refuses 提交审核 and the key until the office is named, and the key file takes the new name at once', async ({ page, ledger }) => {
    const plan = await ledger.call('plans.create', { year: 2022, level: 'county', name: '2022年省民生实事叶县' });
    const period = await ledger.call('periods.create', { planId: plan.id, kind: 'custom', asOf: '2022-09-30' });
    await expect(ledger.call('signoff.prepare', { periodId: period.id, preparer: '李敏' })).rejects.toThrow('还没有填写本单位名称，不能提交审核');
    await expect(ledger.call('keys.info', {})).rejects.toThrow('还没有填写本单位名称，不能导出本单位公钥');

    await page.goto(`${ledger.url}#/export`);
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    const panel = page.getByRole('region', { name: '报送期' });
    await panel.getByLabel('填表人').fill('李敏');
    await panel.getByLabel('填表人').press('Enter');
    await expect(panel.getByText(/还没有填写本单位名称，不能提交审核/)).toBeVisible();

    await page.getByRole('link', { name: '设置' }).click();
    const keys = page.getByRole('region', { name: '本单位密钥' });
    await expect(keys.getByRole('button', { name: '导出公钥文件' })).toBeDisabled();
    const user = page.getByRole('region', { name: '使用者' });
    await user.getByLabel('本单位名称（填报单位）').fill('叶县人民政府办公室');
    await user.getByLabel('本单位层级').click();
    await page.getByRole('option', { name: '县级' }).click();
    await user.getByLabel('您的姓名').fill('李敏');
    await user.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已保存设置')).toBeVisible();
    const downloading = page.waitForEvent('download');
    await keys.getByRole('button', { name: '导出公钥文件' }).click();
    expect((await downloading).suggestedFilename()).toBe('叶县人民政府办公室-公钥.json');

    await user.getByLabel('本单位名称（填报单位）').fill('叶县政府督查室');
    await user.getByRole('button', { name: '保存' }).click();
    const again = page.waitForEvent('download');
    await keys.getByRole('button', { name: '导出公钥文件' }).click();
    expect((await again).suggestedFilename()).toBe('叶县政府督查室-公钥.json');
  });
});
