import { describe, expect, it } from 'vitest';
import { blocksFromHtml, blocksFromText, documentGrid, documentOutline, numberedItems, splitInlineLabels, type ParagraphBlock } from '../../../shared/import/document';
import { groupProjectRows } from '../../../shared/import/group';
import { understandTable } from '../../../shared/import/understand';

const para = (text: string, style: Partial<ParagraphBlock> = {}): ParagraphBlock => ({ kind: 'paragraph', text, heading: null, bold: false, ...style });
const outlineOf = (lines: (string | ParagraphBlock)[]) => documentOutline(lines.map((l) => (typeof l === 'string' ? para(l) : l)));
const previewOf = (text: string) => understandTable(documentGrid(blocksFromText(text)).grid);

describe('a document outline', () => {
  it('takes the title after the cover letter, not the 红头 or the 关于印发 line', () => {
    const outline = outlineOf([
      para('中共某某区委办公室文件', { bold: true }),
      '某办〔2023〕6号',
      para('关于印发《2023年某区重点民生实事工作方案》的通知', { heading: 1 }),
      '各乡镇：',
      '《2023年某区重点民生实事工作方案》已经区委同意，现印发给你们。',
      '2023年6月27日',
      para('2023 年某区重点民生实事工作方案', { heading: 1 }),
      '一、开展职业技能培训',
      '项目主要任务：(1) 开展培训1.75万人次。(2) 城镇新增就业0.885万人。',
      '主要责任单位：区人社局',
    ]);
    expect(outline.title).toBe('2023年某区重点民生实事工作方案');
    expect(outline.projects.map((p) => p.name)).toEqual(['开展职业技能培训']);
    expect(outline.documentDate).toBe('2023-06-27');
  });

  it('reads a "4、" slipped between 三 and 五 as project four, but not a numbered progress paragraph', () => {
    const outline = outlineOf([
      '2021年重点民生实事进展情况报告',
      '三、加快补齐乡村教育短板',
      '进展情况：1、招聘教师147名。',
      '2、 新建宿舍66套。',
      '4、 加强居民小区改造提升',
      '进展情况：已完工90%。',
      '五、加强窨井设施维护改造',
    ]);
    expect(outline.projects.map((p) => [p.seq, p.name])).toEqual([
      ['三', '加快补齐乡村教育短板'],
      ['4', '加强居民小区改造提升'],
      ['五', '加强窨井设施维护改造'],
    ]);
    expect(outline.projects[0]!.progress).toBe('1、招聘教师147名。\n2、 新建宿舍66套。');
  });

  it('takes a bold paragraph with labelled lines under it as a project heading, and leaves 工作要求 and 抄送 out', () => {
    const outline = outlineOf([
      '2023年某区重点民生实事工作方案',
      para('推进食品安全放心工程', { bold: true }),
      '主要责任单位：区市场监督管理局',
      '二、工作要求',
      '各单位要高度重视，确保完成。',
      '抄送：区人大常委会办公室',
      '三、不是实事',
    ]);
    expect(outline.projects.map((p) => p.name)).toEqual(['推进食品安全放心工程']);
    expect(outline.projects[0]!.lead).toBe('区市场监督管理局');
  });

  it('gives 工作任务N its own units and progress, also when the units follow on the same line', () => {
    const outline = outlineOf([
      '2021年省、市重点民生实事进展情况报告',
      '二、实施文化惠民工程',
      '工作任务1：组织红色文艺轻骑兵入百村活动100场。主要责任单位：市委宣传部、市文联',
      '进展情况：已确定100个行政村。',
      '工作任务2：组织“政府采购百场戏”300场。',
      '主要责任单位：市文化广电旅游局',
      '进展情况：截至5月26日，已完成130场。',
    ]);
    const [project] = outline.projects;
    expect(project!.tasks).toEqual([
      { text: '组织红色文艺轻骑兵入百村活动100场。', lead: '市委宣传部、市文联', support: '', progress: '已确定100个行政村。' },
      { text: '组织“政府采购百场戏”300场。', lead: '市文化广电旅游局', support: '', progress: '截至5月26日，已完成130场。' },
    ]);
    expect(outline.asOf).toBe('2021-05-26');
  });

  it('reads a heading that groups projects by their state as a section, with （一）（二） projects under it', () => {
    const outline = outlineOf([
      '关于1-9月份全区2022年重点民生实事进展情况的通报',
      '一、已完成全年目标的实事（2件）',
      '（一）开展职业技能培训。',
      '主要责任单位：区人社局',
      '（二）实施残疾儿童康复救助。',
      '主要责任单位：区残联',
      '二、推进缓慢的实事（1件）',
      '（一）改造老旧小区。',
      '主要责任单位：区住建局',
    ]);
    expect(outline.projects.map((p) => [p.section, p.seq, p.name, p.lead])).toEqual([
      ['一、已完成全年目标的实事（2件）', '一', '开展职业技能培训', '区人社局'],
      ['一、已完成全年目标的实事（2件）', '二', '实施残疾儿童康复救助', '区残联'],
      ['二、推进缓慢的实事（1件）', '一', '改造老旧小区', '区住建局'],
    ]);
  });

  it('reads 截止9月底 with the title’s year, and a period in the title first', () => {
    expect(outlineOf(['2021年重点民生实事进展情况的通报', '一、甲', '完成情况：截止 9 月底，完成3项。']).asOf).toBe('2021-09-30');
    expect(outlineOf(['2021年前三季度重点民生实事进展情况的通报', '一、甲', '完成情况：截至8月底，完成3项。']).asOf).toBe('2021-09-30');
  });

  it('splits a bulletin’s unlabelled paragraph into the goal and, from 截至 on, the progress', () => {
    const [project] = outlineOf(['2022年民生实事推进情况通报', '一、开展职业技能培训和评价取证。', '全年完成技能培训2.8万人次。截止目前，已成立16家企业评价机构。']).projects;
    expect(project!.goal).toBe('全年完成技能培训2.8万人次。');
    expect(project!.progress).toBe('截止目前，已成立16家企业评价机构。');
  });
});

describe('labelled lines and numbered items', () => {
  it('splits (1)(2), （1）（2） and ①② items, but not 1.75万人次 or a lone item', () => {
    expect(numberedItems('(1) 开展培训 1.75 万人次。(2) 做好就业工作。')).toEqual(['开展培训 1.75 万人次。', '做好就业工作。']);
    expect(numberedItems('全年完成：（1）新建2所。（2）改建1所。')).toEqual(['全年完成：新建2所。', '改建1所。']);
    expect(numberedItems('①建成6个；②开放。')).toEqual(['建成6个；', '开放。']);
    expect(numberedItems('建设智慧型应急指挥平台，覆盖全区。')).toEqual(['建设智慧型应急指挥平台，覆盖全区。']);
    expect(numberedItems('（2）只有第二项。')).toEqual(['（2）只有第二项。']);
  });

  it('splits a line at a label that follows a sentence', () => {
    expect(splitInlineLabels('工作任务1：组织活动100场。主要责任单位：市委宣传部 进展情况：已开展')).toEqual(['工作任务1：组织活动100场。', '主要责任单位：市委宣传部', '进展情况：已开展']);
  });
});

describe('a document as the importer’s table', () => {
  const plan = [
    '2023年某区重点民生实事工作方案',
    '一、开展职业技能培训',
    '项目主要任务：(1) 开展培训1.75万人次。(2) 城镇新增就业0.885万人。',
    '主要责任单位：区人社局',
    '相关责任单位：区民政局、区教育体育局（区体育中心）',
    '二、提升应急基础能力',
    '项目主要任务：建设智慧型应急指挥平台。',
    '主要责任单位：区应急管理局',
    '三、推进食品安全放心工程',
  ].join('\n');

  it('gives one row per task with the project repeated, a project without tasks one row, units split as in tables', () => {
    const preview = previewOf(plan);
    expect(preview.title).toBe('2023年某区重点民生实事工作方案');
    expect(preview.rows.map((r) => [r.seq, r.project, r.task])).toEqual([
      ['1', '开展职业技能培训', '开展培训1.75万人次。'],
      ['1', '开展职业技能培训', '城镇新增就业0.885万人。'],
      ['2', '提升应急基础能力', '建设智慧型应急指挥平台。'],
      ['3', '推进食品安全放心工程', ''],
    ]);
    expect(preview.rows[0]!.supportUnits).toEqual(['区民政局', '区教育体育局（区体育中心）']);
    const projects = groupProjectRows(preview.rows);
    expect(projects.map((p) => [p.row.project, p.tasks.map((t) => t.title)])).toEqual([
      ['开展职业技能培训', ['开展培训1.75万人次。', '城镇新增就业0.885万人。']],
      ['提升应急基础能力', []],
      ['推进食品安全放心工程', []],
    ]);
  });

  it('hands a table inside the document (a 附件) to the table importer, with the lines above it as its title', () => {
    const text = ['附件', '2022年重点民生实事进展情况表', '序号\t实事名称\t责任单位\t进展情况', '1\t新建幼儿园\t区教体局\t已完工', '2\t改造小区\t区住建局\t在建'].join('\n');
    const found = documentGrid(blocksFromText(text));
    expect(found.source).toBe('table');
    const preview = understandTable(found.grid);
    expect(preview.title).toBe('2022年重点民生实事进展情况表');
    expect(preview.rows.map((r) => [r.project, r.leadUnits, r.progress])).toEqual([
      ['新建幼儿园', ['区教体局'], '已完工'],
      ['改造小区', ['区住建局'], '在建'],
    ]);
  });

  it('reads mammoth’s HTML: headings, bold paragraphs, entities and a table with merged cells', () => {
    const blocks = blocksFromHtml(
      '<h1>2023年方案</h1><p><strong>三、提升&quot;能力&quot;</strong></p><p>主要责任单位：<strong>区卫健委</strong></p>' +
        '<table><tr><td colspan="2"><p>合并</p></td></tr><tr><td rowspan="2"><p>甲</p></td><td><p>1</p></td></tr><tr><td><p>2</p></td></tr></table>',
    );
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: '2023年方案', heading: 1, bold: false });
    expect(blocks[1]).toMatchObject({ text: '三、提升"能力"', bold: true });
    expect(blocks[2]).toMatchObject({ text: '主要责任单位：区卫健委', bold: false });
    expect(blocks[3]).toEqual({
      kind: 'table',
      rows: [['合并', ''], ['甲', '1'], ['', '2']],
      merges: [
        { s: { r: 0, c: 0 }, e: { r: 0, c: 1 } },
        { s: { r: 1, c: 0 }, e: { r: 2, c: 0 } },
      ],
    });
    expect(blocksFromHtml('<p>A&amp;B &#20013;&#x6587;</p>')[0]).toMatchObject({ text: 'A&B 中文' });
  });
});
