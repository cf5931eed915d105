import { clauseEnd, clauseStart, isStatementEndCode } from '../sentences';
import { actualRoles, type ActualRoleItem } from '../actuals';
import { foldWidth } from '../width';

/**
 * The figures of a progress text that may be actuals, each with what a clerk reads around it: whether a
 * verb says it is done, whether it is a plan, an investment, a remainder, a census or a part in brackets.
 */
export interface ActualCandidateFigure {
  value: number;
  unit: string;
  approximate: boolean;
  /** Words before the figure in its clause, for matching with an indicator's name. */
  label: string;
  /** The clause before, for a rate that names its subject there ("产前血清学筛查人数1856人，筛查率63.91%"); '' for any other figure. */
  context: string;
  /** Words after the figure: its object ("已完成 124 个|行政村的电商综合服务网点建设"). */
  object: string;
  /** A verb of completion governs it ("已完成 6 公里", "增容5个…已完工"). */
  cued: boolean;
  /** A verb of completion earlier in the sentence ("完成…宫颈癌筛查11745人，乳腺癌筛查12073人"). */
  sentenceCued: boolean;
  /** A census or a finding (录入, 统计, 发现): an actual only when its words match the indicator well. */
  weak: boolean;
  start: number;
  end: number;
  /** As written; parts summed show each ("6套、12套、48套"). */
  text: string;
  /** Start of its sentence, to keep one reading per statement. */
  sentence: number;
}

// Before the figure: it is planned, invested, left to do, a length of the whole, or the base of a rate.
const notDone = /(计划|预计|拟|批准|安排|投资|投入|资金|剩余|尚有|还有|总长|全长|共计|涉及|串联|活产数|目标|任务数|保费|每人|合计|选取|确定|明确)[^，。；]{0,6}$/;
const census = /(录入|统计|普查|发现|排查|摸排|成立|备案|悬挂|张贴|发放|宣传)[^，。；]{0,10}$/;
const doneBefore = /(完成|已|累计|共|实现|新增|达到|达|为|有|最终|建成|开展|覆盖|享受)/;
const doneAfter = /^[^，。；\d]{0,14}?(已完工|已完成|已建成|已全部|竣工|完工|已上岗|已到岗|已投用|投入使用|已交付|已实测成功)/;
// A stage of the work between the figure and its verb: "3所幼儿园主体结构施工均已完成" is not 3 kindergartens built.
const stageBetween = /(主体|结构|设计|招标|评审|基础|选址|图纸|前期|规划|可研|立项|基本)/;
/** Just after the last statement end (isStatementEndCode: 。；; or a line break) before `index`, by native searches. */
function sentenceStart(text: string, index: number): number {
  if (index <= 0) return 0;
  const from = index - 1;
  return Math.max(text.lastIndexOf('。', from), text.lastIndexOf('；', from), text.lastIndexOf(';', from), text.lastIndexOf('\n', from)) + 1;
}

function previousClause(text: string, start: number): string {
  const own = clauseStart(text, start);
  if (own === 0 || isStatementEndCode(text.charCodeAt(own - 1))) return '';
  return text.slice(clauseStart(text, own - 1), own - 1).replace(/[\d.]+\s*[^\d\s，。；]{0,2}/g, '').replace(/\s+/g, '');
}

function insideTitle(text: string, start: number): boolean {
  const open = text.lastIndexOf('《', start);
  return open >= 0 && text.indexOf('》', open) >= start;
}

function classify(text: string, items: readonly ActualRoleItem[], index: number): ActualCandidateFigure | null {
  const s = items[index] as ActualRoleItem;
  // "已安排实施92个和152.9千米": a figure joined to the one before shares its verb.
  const prev = items[index - 1];
  if (prev && /^[^，。；\d]{0,8}(和|及|与)\s*$/.test(text.slice(prev.source.end, s.source.start)) && notDone.test(text.slice(clauseStart(text, prev.source.start), prev.source.start))) return null;
  if (s.role !== 'actual') return null;
  const start = s.source.start;
  const end = s.source.end;
  if (insideTitle(text, start)) return null;
  // The words before it after the figure before, and its brackets, as actualRoles read them (an actual is no share).
  const near = s.near;
  if (notDone.test(near)) return null;
  // "（视力 3 人、听力 7 人…）": the parts of a figure given before them.
  const brackets = s.brackets;
  if (brackets && !/^\s*(含|其中)/.test(brackets.text)) return null;
  const nextStart = items[index + 1]?.source.start ?? text.length;
  const after = text.slice(end, Math.min(nextStart, clauseEnd(text, end)));
  // "64.77公里通村公路已完成路基34.5公里": the verb governs the figure after it, not the one before.
  const afterMatch = nextStart < clauseEnd(text, end) ? null : doneAfter.exec(after);
  const stageAfter = afterMatch ? stageBetween.test(after.slice(0, afterMatch.index + afterMatch[0].length - afterMatch[1]!.length)) : false;
  const nearCue = doneBefore.test(near) && !/基本$/.test(near);
  const cued = nearCue || (afterMatch !== null && !stageAfter);
  const sStart = sentenceStart(text, start);
  const sentenceCued = !cued && doneBefore.test(text.slice(sStart, Math.max(sStart, clauseStart(text, start))));
  return {
    value: s.value,
    unit: s.unit,
    approximate: s.approximate,
    label: near.replace(/\s+/g, ''),
    object: after.replace(/\s+/g, '').slice(0, 16),
    // Read only for a rate (figures/match.ts), whose subject may be in the clause before.
    context: s.unit === '%' ? previousClause(text, start) : '',
    cued,
    sentenceCued,
    weak: census.test(near),
    start,
    end,
    text: s.source.text,
    sentence: sStart,
  };
}

/** "关庄小学6套、五虎刘小学12套、曹镇中学48套已全部竣工投用": parts listed with 、 and done together are one figure. */
function mergeParts(text: string, figures: (ActualCandidateFigure | null)[]): ActualCandidateFigure[] {
  const out: ActualCandidateFigure[] = [];
  let run: ActualCandidateFigure[] = [];
  const flush = () => {
    if (run.length >= 2 && run.at(-1)!.cued && run.every((f) => f.unit === run[0]!.unit)) {
      const first = run[0]!;
      const last = run.at(-1)!;
      out.push({
        ...last,
        value: Math.round(run.reduce((sum, f) => sum + f.value, 0) * 1e6) / 1e6,
        approximate: run.some((f) => f.approximate),
        label: first.label,
        start: first.start,
        text: run.map((f) => f.text).join('、'),
      });
    } else {
      out.push(...run);
    }
    run = [];
  };
  for (let n = 0; n < figures.length; n++) {
    const f = figures[n] as ActualCandidateFigure | null;
    if (f === null) {
      flush();
      continue;
    }
    const prev = run.at(-1);
    if (prev && !(f.unit === prev.unit && /^、[^，。；、\d]{0,10}$/.test(text.slice(prev.end, f.start)))) flush();
    run.push(f);
  }
  flush();
  return out;
}

/** The figures of one progress text that may be actuals, in order. */
export function actualCandidates(input: string): ActualCandidateFigure[] {
  const items = actualRoles(input);
  const text = foldWidth(input);
  return mergeParts(
    text,
    items.map((_, index) => classify(text, items, index)),
  );
}
