import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import mammoth from 'mammoth';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { LedgerError } from '../../../shared/errors';
import { buildSeed002Plan } from '../../fixtures/bulletin/build-plan';
import { testBackend, type TestBackend } from '../../helpers/backend';
import { runCaptured } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { convertToPdf, missingPrintTools, pageSizes, pageTexts } from './pdf-checks';

const missing = missingPrintTools();
if (missing.length) {
  console.warn(`[bulletin print test] SKIPPED the LibreOffice part: ${missing.join(', ')} not found. Install libreoffice-writer and poppler-utils to check that bulletins print.`);
}

const inOrder = (text: string, parts: readonly string[]) => {
  let at = -1;
  for (const part of parts) {
    const next = text.indexOf(part, at + 1);
    expect(next, `“${part}” after position ${at}`).toBeGreaterThan(at);
    at = next;
  }
};

/** Seed 002's order: the 版头, the title, the groups with their counts, items numbered within each, 工作要求, 本期发. */
const seed002Order = [
  '督查通报',
  '第7期',
  '中共湛河区委区政府督查局',
  '2022年10月25日',
  '关于1-9月份全区2022年重点民生实事进展情况的通报',
  '对14个主要责任单位承担的19件重点民生实事1-9月份完成情况进行了专项督查',
  '一、基本情况',
  '（一）已完成实事11件',
  '1.开展职业技能培训和评价取证（牵头单位：区人社局）',
  '完成情况：全区已累计开展技能培训21414人次',
  '11.持续提升食品安全保障水平（牵头单位：区市场监管局）',
  '（二）持续推进实事5件',
  '1.推进提升城区集中供热管理（牵头单位：区城市管理局）',
  '5.加大农村公厕、垃圾中转站等公共设施建设力度（牵头单位：区住建局）',
  '（三）进展缓慢实事3件',
  '1.加快农村交通物流体系建设',
  '主要任务：推动“四好农村路”建设，新建和改造农村公路30公里以上。（牵头单位：区交通运输局）',
  '完成情况：“湛河区乡村振兴农村公路”项目已完成12.85公里，完成全年任务的43%。',
  '3.推进城市环卫设施升级改造',
  '二、工作要求',
  '本期发：',
];
const flat = (text: string) => text.replace(/\s+/g, '');

async function signedSeed002(): Promise<{ backend: TestBackend; periodId: number; planId: number }> {
  const backend = await testBackend();
  const ids = await buildSeed002Plan((m, i) => backend.do(m, i));
  return { backend, ...ids };
}

describe('a bulletin from a signed period of seed 002’s plan', () => {
  it('refuses a period that is not signed, with NOT_SIGNED and a message saying why', async () => {
    const backend = await testBackend();
    const { periodId } = await buildSeed002Plan((m, i) => backend.do(m, i), { sign: false });
    const error = await backend.do('bulletin.write', { periodId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).code).toBe('NOT_SIGNED');
    expect((error as LedgerError).message).toContain('还没有签发，不能生成通报');
    backend.close();
  });

  it('reads the judgement frozen at signing: 11 已完成, 5 持续推进, 3 进展缓慢 (交通 from its figures), unchanged by later edits', async () => {
    const { backend, periodId, planId } = await signedSeed002();
    const draft = await backend.do('bulletin.draft', { periodId });
    const count = (s: string) => draft.source.items.filter((i) => i.status === s).length;
    expect([count('completed'), count('onTrack'), count('lagging')]).toEqual([11, 5, 3]);
    expect(draft.source.items[2]!.leadUnits).toEqual(['区城市管理局']);
    const projects = await backend.do('projects.list', { planId });
    await backend.do('projects.update', { id: projects[0]!.id, title: '签发后改写的名称', supportUnits: ['区财政局'] });
    await backend.do('status.override', { projectId: projects[0]!.id, status: 'lagging', reason: '签发后改判' });
    await backend.do('signoff.revise', { periodId, reason: '更正第1项' });
    await backend.do('progress.save', { projectId: projects[0]!.id, periodId, narrative: '修订版2中改写的进展' });
    const again = await backend.do('bulletin.draft', { periodId });
    expect(again.revision).toBe(1);
    expect(again.source).toEqual(draft.source);
    backend.close();
  });

  it('remembers 期号, 日期, 工作要求 and 本期发 for the next bulletin', async () => {
    const { backend, periodId } = await signedSeed002();
    const first = await backend.do('bulletin.draft', { periodId });
    expect(first.options).toMatchObject({ template: 'supervision', issue: 1, date: '2022-10-25', issuer: '中共湛河区委区政府督查局' });
    expect(first.options.requirements).toContain('办好民生实事是区委区政府对全区人民的承诺');
    await backend.do('bulletin.write', { periodId, issue: 7, date: '2022-10-25', distribution: '区委常委，区直各单位。', requirements: '请各单位加快推进。' });
    const next = await backend.do('bulletin.draft', { periodId });
    expect(next.options).toMatchObject({ issue: 7, date: '2022-10-25', distribution: '区委常委，区直各单位。', requirements: '请各单位加快推进。' });
    backend.close();
  });

  it('writes a .docx in 公文 format that reads back, with mammoth, as seed 002 does', async () => {
    const { backend, periodId } = await signedSeed002();
    const file = await backend.do('bulletin.write', { periodId, issue: 7, date: '2022-10-25' });
    expect(file.fileName).toBe('关于1-9月份全区2022年重点民生实事进展情况的通报（第7期）.docx');
    const bytes = Buffer.from(file.contentBase64, 'base64');
    const text = flat((await mammoth.extractRawText({ buffer: bytes })).value);
    inOrder(text, seed002Order.map(flat));

    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pgSz w:w="1190[56]" w:h="1683[78]" w:orient="portrait"\/>/);
    expect(xml).toMatch(/<w:pgMar w:top="209[78]" w:right="147[34]" w:bottom="198[34]" w:left="158[67]"/);
    expect(xml).toContain('w:linePitch="579"');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('<w:sz w:val="32"/>');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="楷体_GB2312"');
    const fonts = await zip.file('word/fontTable.xml')!.async('string');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /footer\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(footers.map((f) => /<w:jc w:val="(right|left)"\/>/.exec(f)?.[1]).sort()).toEqual(['left', 'right']);
    for (const f of footers) expect(f).toMatch(/— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —/s);
    backend.close();
  });

  it.skipIf(missing.length > 0)('prints with LibreOffice on A4 portrait pages, the groups and items in seed 002’s order', { timeout: 120_000 }, async () => {
    const { backend, periodId } = await signedSeed002();
    const dir = tempDir();
    const docx = path.join(dir, 'bulletin.docx');
    const file = await backend.do('bulletin.write', { periodId, issue: 7, date: '2022-10-25' });
    fs.writeFileSync(docx, Buffer.from(file.contentBase64, 'base64'));
    backend.close();
    const [pdf] = convertToPdf([docx], dir, path.join(dir, 'lo-profile'));
    const sizes = pageSizes(pdf!);
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    for (const size of sizes) {
      expect(size.width).toBeCloseTo(595.3, 0);
      expect(size.height).toBeCloseTo(841.9, 0);
    }
    const pages = pageTexts(pdf!);
    inOrder(pages.join(''), seed002Order.map(flat));
    pages.forEach((page, i) => expect(page).toContain(`—${i + 1}—`));
    // 28 characters a line: the opening paragraph's full lines, read with their layout, are 27–28 characters wide.
    const layout = spawnSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf!, '-'], { encoding: 'utf8' }).stdout;
    const lines = layout.split('\n').map((l) => l.trim()).filter((l) => /^区委区政府督查局对/.test(l));
    expect(lines).toHaveLength(1);
    expect([...lines[0]!.replace(/\s/g, '')].length).toBeGreaterThanOrEqual(27);
  });
});

describe('ledger bulletin', () => {
  it('writes the .docx from the latest signed period, never over an existing file, and refuses an unsigned one', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'ledger.sqlite');
    const backend = await testBackend(db);
    const { planId } = await buildSeed002Plan((m, i) => backend.do(m, i));
    const other = await backend.do('plans.create', { year: 2022, level: 'district', name: '未签发的计划' });
    await backend.do('projects.create', { planId: other.id, title: '测试实事', leadUnits: ['区民政局'] });
    const unsigned = await backend.do('periods.create', { planId: other.id, kind: 'month', asOf: '2022-09-30' });
    backend.close();

    const out = path.join(dir, '通报.docx');
    const ok = await runCaptured(['bulletin', '--db', db, '--plan', String(planId), '--out', out, '--issue', '7', '--date', '2022-10-25', '--template', '督查通报']);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('已依据修订版 1 生成“关于1-9月份全区2022年重点民生实事进展情况的通报（第7期）”');
    const text = flat((await mammoth.extractRawText({ path: out })).value);
    inOrder(text, seed002Order.map(flat));

    const size = fs.statSync(out).size;
    const again = await runCaptured(['bulletin', '--db', db, '--out', out, '--json']);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.out).error.code).toBe('CONFLICT');
    expect(fs.statSync(out).size).toBe(size);

    const refused = await runCaptured(['bulletin', '--db', db, '--period', String(unsigned.id), '--out', path.join(dir, 'x.docx'), '--json']);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.out).error).toMatchObject({ code: 'NOT_SIGNED' });
    expect(fs.existsSync(path.join(dir, 'x.docx'))).toBe(false);

    const circular = path.join(dir, '进展通报.docx');
    expect((await runCaptured(['bulletin', '--db', db, '--plan', String(planId), '--out', circular, '--template', '进展通报'])).code).toBe(0);
    expect(flat((await mammoth.extractRawText({ path: circular })).value)).toContain('一、开展职业技能培训和评价取证。主要责任单位：区人社局完成情况：');
  });
});
