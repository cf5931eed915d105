import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { buildSeed002Plan } from '../../fixtures/bulletin/build-plan';
import { expect, test } from './fixtures';

const repo = path.resolve(import.meta.dirname, '../../..');

test.describe('生成通报 in 导出与签发', () => {
  test('previews the 督查通报 of a signed period, edits 期号 and 本期发, saves the .docx and remembers the choices', async ({ page, ledger }) => {
    await buildSeed002Plan((m, i) => ledger.call(m, i));
    await page.goto(`${ledger.url}#/export`);
    const panel = page.getByRole('region', { name: '生成通报' });
    const preview = panel.getByRole('region', { name: '通报预览' }).or(panel.getByLabel('通报预览'));
    await expect(preview).toContainText('督查通报');
    for (const heading of ['一、基本情况', '（一）已完成实事11件', '（二）持续推进实事5件', '（三）进展缓慢实事3件', '二、工作要求']) await expect(preview).toContainText(heading);
    await expect(preview).toContainText('对14个主要责任单位承担的19件重点民生实事1-9月份完成情况进行了专项督查');
    await expect(preview).toContainText('主要任务：推动“四好农村路”建设，新建和改造农村公路30公里以上。（牵头单位：区交通运输局）');

    await panel.getByLabel('期号').fill('7');
    await panel.getByLabel('日期').fill('2022-10-25');
    await expect(preview).toContainText('第7期');
    await expect(preview).toContainText('2022年10月25日');
    const distribution = panel.getByLabel('本期发');
    await distribution.fill('区委常委，区人大主任，区政协主席，区政府副区长，曹镇乡、各街道，区委各部委，区直各单位。');
    await expect(preview).toContainText('本期发：区委常委，区人大主任，区政协主席，区政府副区长，曹镇乡、各街道');

    await preview.scrollIntoViewIfNeeded();
    fs.mkdirSync(path.join(repo, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(repo, 'test-results', 'bulletin-page.png'), fullPage: false });

    const downloading = page.waitForEvent('download');
    await panel.getByRole('button', { name: '生成并保存 Word 文档' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('关于1-9月份全区2022年重点民生实事进展情况的通报（第7期）.docx');
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-e2e-')), download.suggestedFilename());
    await download.saveAs(saved);
    const text = (await mammoth.extractRawText({ path: saved })).value.replace(/\s+/g, '');
    let at = -1;
    for (const part of ['督查通报', '第7期', '（一）已完成实事11件', '（二）持续推进实事5件', '（三）进展缓慢实事3件', '1.加快农村交通物流体系建设', '二、工作要求', '本期发：区委常委']) {
      const next = text.indexOf(part, at + 1);
      expect(next, part).toBeGreaterThan(at);
      at = next;
    }

    await page.reload();
    await expect(page.getByRole('region', { name: '生成通报' }).getByLabel('期号')).toHaveValue('7');
    await page.getByRole('region', { name: '生成通报' }).getByLabel('模板').click();
    await page.getByRole('option', { name: '进展情况通报（逐项）' }).click();
    await expect(page.getByRole('region', { name: '生成通报' }).getByLabel('通报预览')).toContainText('一、开展职业技能培训和评价取证。');
  });
});
