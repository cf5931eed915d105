import fs from 'node:fs';
import path from 'node:path';
import { read, utils } from 'xlsx';
import { snapshotFormat, type OptionalColumn, type PeriodSnapshot, type SnapshotRow } from '../../../shared/snapshot';

export const fixtureDir = path.resolve(import.meta.dirname, '../../../../shared/fixtures');
const fixtureFile = path.join(fixtureDir, 'yexian-2022-progress.xlsx');

const lines = (text: unknown) => String(text ?? '').split(/\n|\s{2,}/).map((s) => s.trim()).filter(Boolean);

/** The ten Ye County 2022 rows (seed 004's 附件), from the fixture when present, else a literal copy of three. */
export function yeCountyRows(): SnapshotRow[] {
  if (!fs.existsSync(fixtureFile)) return literalRows;
  const workbook = read(fs.readFileSync(fixtureFile));
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  const table = utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: '' }).slice(3);
  return table
    .filter((r) => String(r[0] ?? '').trim() !== '')
    .map((r) => ({
      seq: String(r[0]),
      task: String(r[1]),
      units: lines(r[2]),
      // "王 晓 滕跃峰": the padded two-character name keeps its space; names are split on line breaks only.
      responsiblePeople: String(r[3]) === '王 晓 滕跃峰' ? ['王 晓', '滕跃峰'] : lines(r[3]),
      leaders: lines(r[4]),
      progress: String(r[5]),
    }));
}

const literalRows: SnapshotRow[] = [
  {
    seq: '1',
    task: '开展职业技能培训和评价取证。高质量推进“人人持证、技能河南”建设，全年完成技能培训2.8万人次、新增技能人才2.28万人（含高技能人才9300人）。',
    units: ['县人社局'],
    responsiblePeople: ['虎永福'],
    leaders: ['胡炜哲'],
    progress: '成立“人人持证、技能河南”工作专班；推动企业、社会、院校评价机构建立及评价前期准备工作。目前已成立16家企业评价机构，完成5家社会评价机构备案。',
  },
  {
    seq: '3',
    task: '推进城市窨井设施及城镇老旧小区改造提升。落实窨井设施数字化管理平台的建设将其纳入到城市数字化管理平台中，对存在安全隐患的窨井设施更换改造（市定任务478个）。',
    units: ['县城管局', '县住建局'],
    responsiblePeople: ['王 晓', '滕跃峰'],
    leaders: ['常姣峰'],
    progress: '县城管局：已整改病害井盖201座，道路升级改造更换954座、雨水篦子1157座。\n县住建局：已完成拦标价编制工作，已完成招标程序审批工作并发布招标公告，7月28日进行公开招标。',
  },
  {
    seq: '4',
    task: '加快农村交通物流体系建设。推动“四好农村路”高质量发展，新建和改造农村公路 115.26 公里。',
    units: ['县交通局', '县商务局'],
    responsiblePeople: ['兰建伟', '王清伟'],
    leaders: ['胡炜哲', '王二宝', '何鹏飞'],
    progress: '县交通局：一是 2022 年正在自主实施的“四好农村路”提升改建项目共计 7 条，全长 50.49 公里。\n县商务局：已完成 124 个行政村的电商综合服务网点建设。',
  },
];

/** Rows a spreadsheet could mistake for formulas, or that stress the layout. */
export const awkwardRows: SnapshotRow[] = [
  { seq: '11', task: '=1+1', units: ['县财政局'], responsiblePeople: ['-5'], leaders: ['@张三'], progress: '+86 电话回访，=HYPERLINK("http://example.com","点此")' },
  { seq: '12', task: '\t=SUM(A1:A9)', units: ['县审计局'], responsiblePeople: ['李四'], leaders: ['王五'], progress: '=HYPERLINK("http://example.com/x","打开")' },
  { seq: '13', task: '前后有空格的任务  ', units: [], responsiblePeople: [], leaders: [], progress: '' },
  { seq: '14-1', task: '编号不是整数的任务', units: ['县城管局', '县住建局'], responsiblePeople: ['甲'], leaders: ['乙'], progress: 'Windows 换行\r\n第二行' },
];

/** A realistic signed period: the Ye County rows, awkward rows, and filler to pass twenty rows. */
export function sampleSnapshot(options: { columns?: OptionalColumn[]; revision?: number } = {}): PeriodSnapshot {
  const base = [...yeCountyRows(), ...awkwardRows];
  const rows: SnapshotRow[] = [...base];
  for (let i = rows.length; i < 24; i++) {
    const source = base[i % 10]!;
    rows.push({ ...source, seq: String(i + 1) });
  }
  const columns = options.columns ?? [];
  return {
    format: snapshotFormat,
    office: '叶县人民政府办公室',
    plan: { year: 2022, name: '2022年省民生实事叶县', level: 'province' },
    period: { label: '2022年7月', asOf: '2022-07-25' },
    revision: options.revision ?? 1,
    revisionReason: (options.revision ?? 1) > 1 ? '县住建局更正了老旧小区改造户数' : '',
    columns,
    rows: rows.map((row, i) => ({
      ...row,
      ...(columns.includes('status') ? { status: ['已完成', '持续推进', '进展缓慢'][i % 3]! } : {}),
      ...(columns.includes('completion') ? { completion: i % 5 === 0 ? null : Math.round(((i * 37) % 100) * 10) / 1000 } : {}),
      ...(columns.includes('timeProgress') ? { timeProgress: 0.5616 } : {}),
    })),
    signOff: {
      preparer: '张晓梅',
      preparedAt: '2022-07-25T01:10:00.000Z',
      reviewer: '李建国',
      reviewedAt: '2022-07-25T03:20:00.000Z',
      signer: '王东效',
      signedAt: '2022-07-25T08:30:00.000Z',
    },
  };
}
