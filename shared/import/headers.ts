/** Header texts and the fields they name: synonyms, tolerant of width, spaces, line breaks and bracketed notes. */
import { foldWidth } from '../text';
import { importFields, type ImportField } from '../types/preview';

export { importFields } from '../types/preview';
export type { ImportField } from '../types/preview';

/** Synonyms as they read once normalized (no spaces, half-width). Longer, more specific ones win. */
export const fieldSynonyms: Readonly<Record<ImportField, readonly string[]>> = {
  seq: ['编号', '序号', '序', '项目编号', '项目序号', '号', 'no', 'no.', '排序'],
  project: ['实事名称', '项目名称', '民生实事', '民生实事项目', '重点民生实事', '实事项目', '项目', '实事', '名称', '民生实事名称', '事项名称', '事项'],
  // A category column: the section of the projects beside it, or, in a table with no name column, the project.
  section: ['类别', '实事类别', '项目类别', '分类', '领域', '板块'],
  task: ['工作任务', '任务名称', '主要任务', '具体任务', '任务', '建设内容', '主要内容', '工作内容', '实施内容', '工作任务及目标', '主要工作任务', '具体工作任务', '任务内容', '目标任务及内容'],
  leadUnits: ['责任单位', '主要责任单位', '牵头单位', '牵头责任单位', '责任部门', '牵头部门', '主责单位', '承办单位', '实施单位', '主办单位', '牵头单位及责任人'],
  supportUnits: ['相关责任单位', '配合单位', '协办单位', '配合部门', '协同单位', '参与单位', '责任配合单位', '协作单位', '相关单位'],
  responsiblePeople: ['责任人', '主要责任人', '具体责任人', '负责人', '单位负责人', '责任领导人', '直接责任人'],
  leaders: ['分管领导', '分管县领导', '分管区领导', '分管市领导', '县级领导', '县级分管领导', '包联领导', '责任领导', '牵头领导', '联系领导', '分包领导', '分管负责同志', '分管副县长'],
  progress: ['工作进度', '进展情况', '完成情况', '推进情况', '进度情况', '工作进展', '进展', '工作推进情况', '目前进展情况', '工作完成情况', '实施进度', '进度', '工作进展情况', '项目进展情况', '进展及成效', '工作开展情况'],
  target: ['年度目标', '目标值', '目标任务', '年度任务', '计划数', '目标', '全年目标', '年度目标任务', '任务数', '计划任务', '年度目标值', '计划目标', '目标数'],
  unit: ['单位', '计量单位', '指标单位'],
  actual: ['完成值', '累计完成', '完成数', '实际完成', '已完成', '完成量', '累计完成数', '完成数量', '累计完成值', '实际完成值', '完成数值', '完成'],
  rate: ['完成率', '完成进度', '完成比例', '完成百分比', '进度百分比', '完成比率', '完成进度%', '完成率%'],
  indicator: ['指标', '指标名称', '绩效指标', '考核指标', '目标指标', '主要指标', '指标内容'],
  remark: ['备注', '说明', '备考'],
  deadline: ['完成时限', '完成时间', '时间节点', '时限', '完成期限', '截止时间', '计划完成时间', '时限要求', '完成时限要求'],
};

/** How a header cell reads for matching: half-width, no white space or line breaks, no bracketed notes. */
export function normalizeHeader(text: string): string {
  return foldWidth(text)
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[（(][^（）()]*[）)]/g, '')
    .replace(/^[*＊※#]+|[:：*＊※]+$/g, '')
    .toLowerCase();
}

/** The note in brackets of a header, e.g. "年度目标（万人次）" → "万人次". */
export function headerNote(text: string): string {
  const m = /[（(]([^（）()]*)[）)]/.exec(foldWidth(text));
  return m?.[1]?.trim() ?? '';
}

const exact = new Map<string, ImportField>();
const containable: { text: string; field: ImportField }[] = [];
for (const field of importFields) {
  for (const synonym of fieldSynonyms[field]) {
    exact.set(normalizeHeader(synonym), field);
    if ([...synonym].length >= 3) containable.push({ text: normalizeHeader(synonym), field });
  }
}
containable.sort((a, b) => b.text.length - a.text.length);

/** The longest a header cell can be (normalized) and still be read as a header. */
export const maxHeaderLength = 16;

/** The field a header text names, with a confidence: 1 for a synonym, 0.6 for a header containing one. */
/** "1-9月完成", "截至9月底完成值", "前三季度进展": the period a column reports on, before what it holds. */
const periodPrefix = /^(\d{1,2}[-~—－至到]\d{1,2}月份?|\d{1,2}月份?(底|末)?|截[至止]\d{1,2}月份?(底|末)?|前[一二三四]季度|[一二三四]季度|上半年|全年|本月|本期|累计)(?=.)/;

/** A header as read for matching, without the period it reports on. */
export function withoutPeriod(norm: string): string {
  return norm.replace(periodPrefix, '');
}

export function matchHeader(text: string): { field: ImportField; confidence: number } | null {
  const norm = withoutPeriod(normalizeHeader(text));
  if (!norm || [...norm].length > maxHeaderLength) return null;
  const direct = exact.get(norm);
  if (direct) return { field: direct, confidence: 1 };
  for (const { text: synonym, field } of containable) {
    if (norm.includes(synonym)) return { field, confidence: 0.6 };
  }
  return null;
}
