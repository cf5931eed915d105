/**
 * The labelled lines of a document (项目主要任务：, 工作任务2：, 主要责任单位：, 完成情况：…) and the numbered items
 * inside a goal text ((1)(2), （1）（2）, ①②, 1. 2.).
 */
import { foldWidth } from '../../text';

export type LabelField = 'task' | 'lead' | 'support' | 'leaders' | 'people' | 'progress' | 'deadline';

const labelWords: readonly [LabelField, string][] = [
  ['task', '项目主要任务|主要任务|重点任务|工作任务|具体任务|年度目标任务|年度目标|目标任务|建设内容|工作目标|任务目标|建设任务'],
  ['support', '相关责任单位|配合责任单位|责任配合单位|配合单位|协办单位|配合部门|参与单位|协作单位'],
  ['lead', '主要责任单位|牵头责任单位|牵头单位|主责单位|责任单位|牵头部门|责任部门|实施单位'],
  ['leaders', '分管领导|责任领导|分管县领导|分管区领导|分管市领导|包联领导|县级领导'],
  ['people', '具体责任人|主要责任人|责任人|联系人'],
  ['progress', '完成情况|进展情况|工作进展|推进情况|进度情况|工作进度|目前进展|工作完成情况|进展及成效'],
  ['deadline', '完成时限|时间节点|完成时间|时限要求'],
];

const labelPattern = new RegExp(`^(?:${labelWords.map(([, words]) => `(${words})`).join('|')})\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})?\\s*[:：]\\s*`);

export interface Label {
  field: LabelField;
  /** 工作任务1：a task of its own, with its own units and progress. */
  numbered: boolean;
  rest: string;
}

/** The label a line opens with, and the rest of the line. */
export function labelOf(line: string): Label | null {
  const text = foldWidth(line).trim();
  const m = labelPattern.exec(text);
  if (!m) return null;
  const group = labelWords.findIndex((_, i) => m[i + 1] !== undefined);
  const field = labelWords[group]?.[0];
  if (!field) return null;
  return { field, numbered: field === 'task' && m[labelWords.length + 1] !== undefined, rest: text.slice(m[0].length).trim() };
}

const inlineLabel = new RegExp(`(?<=[。；;！？!?\\s])\\s*(?=(?:${labelWords.filter(([f]) => f !== 'task').map(([, w]) => w).join('|')})\\s*[:：])`);

/** "工作任务1：组织…100场。主要责任单位：市委宣传部、市文联" → the task line and the units line. */
export function splitInlineLabels(line: string): string[] {
  return line.split(inlineLabel).map((part) => part.trim()).filter((part) => part !== '');
}

const itemMarker = /(?:^|(?<=[。；;！!？?：:，,\s]))\s*(?:[（(]\s*(\d{1,2})\s*[)）]|([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])|(\d{1,2})[、.．](?!\d))\s*/g;

/**
 * The numbered items of a goal text: "(1) 开展培训……。(2) 做好就业……" → two items. A text with fewer than
 * two markers, or whose markers do not count 1, 2, 3…, is one item.
 */
export function numberedItems(text: string): string[] {
  const t = text.trim();
  const marks: { start: number; end: number; n: number }[] = [];
  itemMarker.lastIndex = 0;
  for (let m = itemMarker.exec(t); m !== null; m = itemMarker.exec(t)) {
    const n = m[1] !== undefined ? Number(m[1]) : m[3] !== undefined ? Number(m[3]) : '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'.indexOf(m[2] ?? '') + 1;
    if (n === marks.length + 1) marks.push({ start: m.index, end: m.index + m[0].length, n });
    if (m[0].length === 0) itemMarker.lastIndex++;
  }
  if (marks.length < 2) return t === '' ? [] : [t];
  const lead = t.slice(0, marks[0]?.start ?? 0).trim();
  const items = marks.map((mark, i) => t.slice(mark.end, marks[i + 1]?.start ?? t.length).trim()).filter((item) => item !== '');
  // Words before "(1)" introduce the items ("全年完成以下任务："): kept with the first.
  if (lead !== '' && items.length > 0) items[0] = `${lead}${items[0]}`;
  return items;
}
