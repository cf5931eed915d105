import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { expect, screenshotPath, test } from './fixtures';

const fixtures = path.resolve(import.meta.dirname, '../../../../shared/fixtures');

test.describe('the reporting cycle', () => {
  test.skip(!fs.existsSync(path.join(fixtures, 'yexian-2022-progress.xlsx')), '../shared/fixtures is not beside the repository');

  test('imports the Ye County table through the wizard, then undoes it', async ({ page, ledger }) => {
    await page.goto(`${ledger.url}#/import`);
    await page.getByLabel('选择文件…').setInputFiles(path.join(fixtures, 'yexian-2022-progress.xlsx'));
    await expect(page.getByText(/识别出 10 行数据/)).toBeVisible();
    await expect(page.getByText(/截至：2022-07-25/)).toBeVisible();
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByRole('table', { name: '核对列' })).toBeVisible();
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByText(/将新建/).first()).toBeVisible();
    await expect(page.getByRole('button', { name: '新增 10' })).toBeVisible();
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByText(/已导入“yexian-2022-progress.xlsx”：新增 10 项/)).toBeVisible();

    await page.getByRole('link', { name: '查看实事清单' }).click();
    await expect(page.getByRole('grid').getByText('县城管局、县住建局')).toBeVisible();

    await page.getByRole('link', { name: '导入' }).click();
    await page.getByRole('region', { name: '导入记录' }).getByRole('button', { name: '撤销' }).click();
    await page.getByRole('dialog', { name: '撤销导入' }).getByRole('button', { name: '撤销导入' }).click();
    await expect(page.getByText('已撤销导入“yexian-2022-progress.xlsx”')).toBeVisible();
    expect(await ledger.call('plans.list', {})).toEqual([]);
  });

  test('lists what needs a look and pages through the changes of a 300-row table', async ({ page, ledger }) => {
    const aoa: (string | number)[][] = [['2023年某镇民生实事推进情况表'], ['截至2023年6月30日'], ['序号', '实事名称', '责任单位', '进展情况']];
    for (let i = 1; i <= 300; i++) aoa.push([i, `第${i}件实事`, i === 7 ? '' : '镇民政办', `已完成${i}%`]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), '进度');
    const buffer = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;

    await page.goto(`${ledger.url}#/import`);
    await page.getByLabel('选择文件…').setInputFiles({ name: 'town.xlsx', mimeType: 'application/octet-stream', buffer });
    await expect(page.getByText(/识别出 300 行数据/)).toBeVisible();
    await expect(page.getByText('有 1 处需要留意，导入前请看一看。')).toBeVisible();
    await page.getByRole('button', { name: '查看' }).click();
    await expect(page.getByRole('list', { name: '需要留意' }).getByText('第 10 行没有填写责任单位。')).toBeVisible();

    // The preview sends the window the first rows only: the mapping's example is the first, the diff has all 300.
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByText('第 4 行识别为：1. 第1件实事；主要责任单位：镇民政办；责任人：—；分管领导：—')).toBeVisible();
    await page.screenshot({ path: screenshotPath('import-mapping.png') });
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByRole('button', { name: '新增 300' })).toBeVisible();
    const changes = page.getByRole('table', { name: '核对变化' });
    await expect(page.getByText('第 1 条到第 100 条，共 300 条')).toBeVisible();
    await expect(changes.getByRole('row')).toHaveCount(101);
    await page.getByRole('button', { name: '下一页' }).click();
    await expect(changes.getByText('101. 第101件实事')).toBeVisible();
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByText(/已导入“town.xlsx”：新增 300 项/)).toBeVisible();
    const [plan] = await ledger.call('plans.list', {});
    expect(plan).toMatchObject({ name: '2023年某镇民生实事', projectCount: 300 });
  });

  test('shows each unit’s report of a project side by side, and opens one for editing', async ({ page, ledger }) => {
    const staged = await ledger.call('import.stage', {
      fileName: 'yexian.xlsx',
      contentBase64: fs.readFileSync(path.join(fixtures, 'yexian-2022-progress.xlsx')).toString('base64'),
    });
    const batch = await ledger.call('import.commit', { stagingId: staged.stagingId });
    const third = (await ledger.call('projects.list', { planId: batch.planId! })).find((p) => p.seq === 3)!;
    await page.goto(`${ledger.url}#/project/${third.id}`);
    const reports = page.getByRole('table', { name: '各单位报送情况' });
    await expect(reports.getByRole('row')).toHaveCount(3);
    await expect(reports.getByRole('row', { name: /县城管局.*病害井盖201座/ })).toBeVisible();
    await reports.getByRole('row', { name: /县住建局/ }).click();
    await expect(page.getByLabel('填报单位')).toContainText('县住建局');
    await expect(page.getByLabel('进展情况')).toHaveValue(/已完成拦标价编制工作/);
  });

  test('signs a period off in three steps, exports the sealed table and verifies it', async ({ page, ledger }) => {
    await ledger.call('settings.update', { officeName: '叶县人民政府办公室' });
    const plan = await ledger.call('plans.create', { year: 2022, level: 'county', name: '2022年省民生实事叶县' });
    const period = await ledger.call('periods.create', { planId: plan.id, kind: 'custom', asOf: '2022-07-25' });
    const project = await ledger.call('projects.create', { planId: plan.id, title: '实施残疾儿童康复救助', leadUnits: ['县残联'], leaders: ['张安有'] });
    await ledger.call('progress.save', { projectId: project.id, periodId: period.id, narrative: '已救助残疾儿童98人。' });

    await page.goto(`${ledger.url}#/export`);
    const panel = page.getByRole('region', { name: '报送期' });
    await panel.getByLabel('填表人').fill('李敏');
    await panel.getByRole('button', { name: '提交审核' }).click();
    await expect(panel.getByLabel('报表预览（与打印内容一致）')).toContainText('已救助残疾儿童98人。');
    await panel.getByLabel('审核人').fill('张伟');
    await panel.getByRole('button', { name: '审核通过' }).click();
    await panel.getByLabel('签发领导').fill('王东效');
    // The project has no figure to judge by: the check before signing lists it, and signing waits until it is seen.
    const check = panel.getByRole('region', { name: '签发前检查' });
    await expect(check.getByText('1. 实施残疾儿童康复救助')).toBeVisible();
    await expect(panel.getByRole('button', { name: '签发' })).toBeDisabled();
    await check.getByLabel('我已看过以上情况，仍要签发').check();
    await panel.getByRole('button', { name: '签发' }).click();
    await expect(page.getByText('已签发修订版 1，报表已锁定')).toBeVisible();
    await expect(panel.getByText('修订版 1：已签发')).toBeVisible();

    const downloading = page.waitForEvent('download');
    await panel.getByRole('button', { name: '导出 Excel（带签章）' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('2022年省民生实事叶县-截至2022年7月25日.xlsx');
    const saved = test.info().outputPath('export.xlsx');
    await download.saveAs(saved);

    await page.getByLabel('选择收到的 Excel 文件…').setInputFiles(saved);
    await expect(page.getByText('核验通过：表格与“叶县人民政府办公室”的签章一致（签发领导 王东效）。')).toBeVisible();
    // Verified in the ledger that signed it: the seal is this office's own, nothing to trust.
    await expect(page.getByText(/这是本单位的签章（指纹 /)).toBeVisible();
    await expect(page.getByRole('button', { name: '核对指纹后信任' })).toHaveCount(0);

    // The same file, as a superior would receive it, goes into the consolidated table.
    const consolidate = page.getByRole('region', { name: '汇总下级报表' });
    await consolidate.getByLabel('选择下级报表（可多选）…').setInputFiles(saved);
    await expect(consolidate.getByText('签章相符')).toBeVisible();
    await expect(consolidate.getByRole('table', { name: /汇总表/ }).getByText('已救助残疾儿童98人。')).toBeVisible();
  });
});
