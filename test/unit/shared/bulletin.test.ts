import { describe, expect, it } from 'vitest';
import { blockText, buildBulletin, bulletinSource, chineseNumber, type Block } from '../../../shared/bulletin';
import { snapshotFormat, type PeriodSnapshot } from '../../../shared/snapshot';
import { seed000Source, seed001Source, seed002BulletinOptions, seed002Source } from '../../fixtures/bulletin/sources';

const texts = (blocks: Block[], kind?: Block['kind']) => blocks.filter((b) => !kind || b.kind === kind).map(blockText);
const options = seed002BulletinOptions;

describe('督查通报 from seed 002’s 19 projects', () => {
  const doc = buildBulletin(seed002Source(), options);

  it('opens with the 版头 and the title seed 002 prints', () => {
    expect(doc.blocks[0]).toEqual({ kind: 'masthead', name: '督查通报', issue: '第7期', issuer: '中共湛河区委区政府督查局', date: '2022年10月25日' });
    expect(doc.title).toBe('关于1-9月份全区2022年重点民生实事进展情况的通报');
  });

  it('writes the opening paragraph from the data: units, projects and each group with its units and count', () => {
    const opening = blockText(doc.blocks[2]!);
    expect(opening).toBe(
      '为保障完成2022年全区重点民生实事工作任务，中共湛河区委区政府督查局对14个主要责任单位承担的19件重点民生实事1-9月份完成情况进行了专项督查，' +
        '其中区人社局、区医保局、区城市管理局、区教体局、区民政局、区卫健委、区残联、团区委、区政务服务和大数据管理局、区委政法委、区市场监管局等11件实事已完成或超额完成全年目标任务，' +
        '区城市管理局4件实事、区住建局1件实事正在持续推进中，区交通运输局、区住建局、区环卫服务中心3件实事推进缓慢。现将具体情况通报如下：',
    );
  });

  it('groups 已完成 11, 持续推进 5, 进展缓慢 3 under 一、基本情况, then 二、工作要求', () => {
    expect(texts(doc.blocks, 'heading1')).toEqual(['一、基本情况', '二、工作要求']);
    expect(texts(doc.blocks, 'heading2')).toEqual(['（一）已完成实事11件', '（二）持续推进实事5件', '（三）进展缓慢实事3件']);
  });

  it('numbers the items within each group, 1. name（牵头单位：X） then 完成情况：', () => {
    const items = texts(doc.blocks, 'item');
    expect(items).toHaveLength(19);
    expect(items[0]).toBe('1. 开展职业技能培训和评价取证（牵头单位：区人社局）');
    expect(items[10]).toBe('11. 持续提升食品安全保障水平（牵头单位：区市场监管局）');
    expect(items[11]).toBe('1. 推进提升城区集中供热管理（牵头单位：区城市管理局）');
    expect(items[16]).toBe('1. 加快农村交通物流体系建设');
    const all = texts(doc.blocks);
    const first = all.indexOf(items[0]!);
    expect(all[first + 1]).toMatch(/^完成情况：全区已累计开展技能培训21414人次/);
  });

  it('gives 进展缓慢 items their 主要任务 with the lead unit in bold, before 完成情况', () => {
    const at = doc.blocks.findIndex((b) => blockText(b) === '1. 加快农村交通物流体系建设');
    const task = doc.blocks[at + 1] as Extract<Block, { kind: 'paragraph' }>;
    expect(blockText(task)).toBe('主要任务：推动“四好农村路”建设，新建和改造农村公路30公里以上。（牵头单位：区交通运输局）');
    expect(task.runs.find((r) => r.bold)?.text).toBe('牵头单位：');
    expect(blockText(doc.blocks[at + 2]!)).toBe('完成情况：“湛河区乡村振兴农村公路”项目已完成12.85公里，完成全年任务的43%。');
  });

  it('ends with the requirements as paragraphs and the 本期发 distribution', () => {
    expect(doc.blocks.at(-1)).toEqual({ kind: 'distribution', label: '本期发：', text: options.distribution });
    expect(texts(doc.blocks).at(-3)).toBe('办好民生实事是区委区政府对全区人民的承诺。');
  });

  it('shows 逾期 and 未报送 groups when present, and no group that is empty', () => {
    const source = seed002Source();
    source.items[16]!.status = 'overdue';
    source.items[17]!.status = 'overdue';
    source.items[18] = { ...source.items[18]!, status: 'missingReport', progress: [] };
    for (const i of source.items) if (i.status === 'onTrack') i.status = 'completed';
    const heads = texts(buildBulletin(source, options).blocks, 'heading2');
    expect(heads).toEqual(['（一）已完成实事16件', '（二）逾期未完成实事2件', '（三）未报送进展实事1件']);
    const blocks = texts(buildBulletin(source, options).blocks);
    expect(blocks).toContain('完成情况：本期未报送进展情况。');
    expect(blockText(buildBulletin(source, options).blocks[2]!)).toContain('区交通运输局、区住建局2件实事已过完成时限仍未完成，区环卫服务中心1件实事未按时报送进展情况。');
  });

  it('leaves 二、工作要求 and 本期发 out when they are emptied', () => {
    const blocks = buildBulletin(seed002Source(), { ...options, requirements: '', distribution: ' ' }).blocks;
    expect(texts(blocks, 'heading1')).toEqual(['一、基本情况']);
    expect(blocks.some((b) => b.kind === 'distribution')).toBe(false);
  });
});

describe('进展情况通报 in seed 000’s shape', () => {
  const doc = buildBulletin(seed000Source(), { ...options, template: 'circular', issuer: '', date: '2021-10-09' });

  it('titles it for the period and numbers each project 一、二、三、 with a closing 。', () => {
    expect(doc.title).toBe('2021年1-9月份区重点民生实事进展情况的通报');
    expect(texts(doc.blocks, 'heading1')).toEqual(['一、开展妇女“两癌”筛查、产前筛查和新生儿疾病筛查。', '二、实施残疾儿童康复救助。', '三、推进城镇老旧小区改造提升。']);
  });

  it('writes 年度目标 / 主要责任单位 / 相关责任单位 / 完成情况, naming each unit when two reported', () => {
    const all = texts(doc.blocks);
    const at = all.indexOf('一、开展妇女“两癌”筛查、产前筛查和新生儿疾病筛查。');
    expect(all.slice(at + 1, at + 6)).toEqual([
      '年度目标：宫颈癌、乳腺癌各完成筛查2300人。',
      '主要责任单位：区妇联、区卫生健康委员会',
      '相关责任单位：区民政局、区财政局、区总工会',
      '完成情况：区妇联：全区共完成宫颈癌筛查1569人，完成68.22%。',
      '区卫生健康委员会：全区完成免费产前四维彩色超声筛查1662例，覆盖率为108.91%。',
    ]);
    expect(all).toContain('完成情况：本期未报送进展情况。');
    expect(doc.blocks.at(-1)).toEqual({ kind: 'signature', lines: ['湛河区人民政府办公室', '2021年10月9日'] });
  });
});

describe('进展情况报告 in seed 001’s shape', () => {
  const doc = buildBulletin(seed001Source(), { ...options, template: 'report', issuer: '三门峡市人民政府办公室', date: '2021-06-01' });

  it('counts categories and tasks in the opening and numbers categories 一、二、', () => {
    expect(blockText(doc.blocks[1]!)).toBe('2021年市重点民生实事共涉及2大类3项具体任务，截至5月底，总体进展顺利。现将最新进展情况报告如下：');
    expect(texts(doc.blocks, 'heading1')).toEqual(['一、实施城市社区办公场所建设提升工程', '二、实施文化惠民工程']);
  });

  it('writes 工作任务1…N, each with its own units and the 进展情况 its unit reported', () => {
    const all = texts(doc.blocks);
    const at = all.indexOf('二、实施文化惠民工程');
    expect(all.slice(at + 1)).toEqual([
      '工作任务1：组织红色文艺轻骑兵入百村活动100场。',
      '主要责任单位：市委宣传部、市文联',
      '进展情况：已经成立12支“红色文艺轻骑兵入百村”小分队。',
      '工作任务2：组织“政府采购百场戏”300场。',
      '主要责任单位：市文化广电旅游局',
      '进展情况：已完成130场，占目标任务的43.34%。',
      '三门峡市人民政府办公室\n2021年6月1日',
    ]);
    expect(all.slice(2, 6)).toEqual([
      '一、实施城市社区办公场所建设提升工程',
      '工作任务：年底前实现全市无固定办公用房的社区清零。',
      '主要责任单位：市民政局、市委组织部',
      '进展情况：义马市35个社区办公服务用房已全部通过河南省规范化社区验收。',
    ]);
  });
});

describe('a revision signed before the detail was kept', () => {
  it('is read from the sealed snapshot: title and goal split, per-unit progress, status from the status column', () => {
    const snapshot: PeriodSnapshot = {
      format: snapshotFormat,
      office: '叶县人民政府办公室',
      plan: { year: 2022, name: '叶县', level: 'county' },
      period: { label: '9月', asOf: '2022-09-30' },
      revision: 1,
      revisionReason: '',
      columns: ['status'],
      rows: [
        { seq: '1', task: '实施残疾儿童康复救助。全年救助不少于70人。', units: ['县残联', '县卫健委'], responsiblePeople: [], leaders: [], progress: '县残联：已救助98人\n县卫健委：已筛查', status: '进展缓慢' },
        { seq: '2', task: '改善农村出行条件', units: ['县交通局'], responsiblePeople: [], leaders: [], progress: '' },
      ],
      signOff: { preparer: '', preparedAt: null, reviewer: '', reviewedAt: null, signer: '', signedAt: null },
    };
    const source = bulletinSource(snapshot, null);
    expect(source.items[0]).toMatchObject({ title: '实施残疾儿童康复救助', goal: '全年救助不少于70人。', status: 'lagging', progress: [{ unit: '县残联', text: '已救助98人' }, { unit: '县卫健委', text: '已筛查' }] });
    expect(source.items[1]).toMatchObject({ title: '改善农村出行条件', goal: '', status: null });
    expect(texts(buildBulletin(source, options).blocks, 'heading2')).toEqual(['（一）进展缓慢实事1件', '（二）未判定实事1件']);
  });
});

describe('Chinese numbering', () => {
  it('writes numbers as the seeds do', () => {
    expect([1, 9, 10, 11, 19, 20, 23, 99, 100, 105, 110].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '十九', '二十', '二十三', '九十九', '一百', '一百零五', '一百一十']);
  });
});
