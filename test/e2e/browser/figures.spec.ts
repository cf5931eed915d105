import fs from 'node:fs';
import path from 'node:path';
import { expect, screenshotPath, test } from './fixtures';

const fixtures = path.resolve(import.meta.dirname, '../../../../shared/fixtures');

test.describe('figures read from the words, confirmed in the import wizard', () => {
  test.skip(!fs.existsSync(path.join(fixtures, 'yexian-2022-progress.xlsx')), '../shared/fixtures is not beside the repository');

  test('lists the Ye County table’s targets and actuals with their words; only those accepted are written, numbers as corrected', async ({ page, ledger }) => {
    await page.setViewportSize({ width: 1440, height: 1100 });
    await page.goto(`${ledger.url}#/import`);
    await page.getByLabel('选择文件…').setInputFiles(path.join(fixtures, 'yexian-2022-progress.xlsx'));
    await expect(page.getByText(/识别出 10 行数据/)).toBeVisible();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '下一步' }).click();

    const list = page.getByRole('table', { name: '从文字中读出的数字' });
    await expect(list).toBeVisible();
    await expect(page.getByText(/从文字中读出的数字：\d+ 项，已采用 0 项/)).toBeVisible();
    // The words are shown with the figure marked, the number and unit beside them.
    const rescue = list.locator('tr', { hasText: '目前已实施残疾儿童康复救助150人' });
    await expect(rescue.locator('mark')).toHaveText('150人');
    await expect(rescue.getByRole('spinbutton')).toHaveValue('150');
    if (process.env.LEDGER_SCREENSHOTS) {
      const section = page.getByRole('region', { name: '从文字中读出的数字' });
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: screenshotPath('import-figures.png') });
    }

    await page.getByRole('button', { name: '全部采用' }).click();
    await expect(page.getByText(/已采用 (\d+) 项/)).not.toHaveText(/已采用 0 项/);
    // "10家两定机构（3家定点医院…）": the clerk reads 3 hospitals, not 10 — corrected before accepting.
    const hospitals = list.getByRole('spinbutton', { name: '“10家”的数值' });
    await hospitals.fill('3');
    // A target the clerk does not want takes its actual with it.
    await list.getByRole('checkbox', { name: '采用“21 个”' }).uncheck();

    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByText(/已导入“yexian-2022-progress.xlsx”：新增 10 项/)).toBeVisible();

    const [plan] = await ledger.call('plans.list', {});
    const projects = await ledger.call('projects.list', { planId: plan!.id });
    const indicatorsOf = async (seq: number) => ledger.call('indicators.list', { projectId: projects.find((p) => p.seq === seq)!.id });
    const medical = await indicatorsOf(2);
    const periodId = (await ledger.call('periods.list', { planId: plan!.id }))[0]!.id;
    const progress = await ledger.call('progress.get', { projectId: projects.find((p) => p.seq === 2)!.id, periodId });
    expect(progress.actuals.find((a) => a.indicatorId === medical.find((i) => i.unit === '家')!.id)?.actual).toBe(3);
    expect((await indicatorsOf(6)).map((i) => i.target)).not.toContain(21);
    const status = await ledger.call('status.plan', { planId: plan!.id });
    expect(status.projects.find((p) => p.seq === 8)).toMatchObject({ status: 'completed', light: 'green' });
  });
});
