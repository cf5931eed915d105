import { findQuantities } from '../quantities';
import { clauseEnd, clauseStart } from '../sentences';
import { foldWidth } from '../width';
import type { StatedCompletion } from './types';

/**
 * Completion a progress text states in so many words: "完成全年任务的43%", "已完成全年目标任务",
 * "完成率超过83%", "超额完成…的400%", "已实现全覆盖", "顺利通过省民政厅验收". Several shares ("完成全年
 * 任务60%…62%") give the least. Stage words (正在招标, 财政评审中, 已完成选址) say nothing of completion and
 * are not read here.
 */

const share = /(?:完成|占)[^，。；%]{0,24}?(?:全年|年度|目标|任务)[^，。；%]{0,24}?(?<![\d.])(\d+(?:\.\d+)?)\s*%/g;
const rate = /完成率(?:已)?(?:超过|达到|达|为|约)?\s*(\d+(?:\.\d+)?)\s*%/g;
const doneTask = /完成[^，。；%]{0,24}?(?:全年|年度)(?:目标|工作)?任务/g;
const doneWords = /(已经?实现全覆盖|(?:已|均已)?全部竣工投用|已全部建成投用|顺利通过[^，。；]{0,12}验收|超额完成(?:全年|年度)?(?:目标)?任务)/g;
// "为保障完成…", "确保完成…", "力争完成…": a promise, not a report.
const promise = /(保障|确保|力争|争取|将|要|计划|预计|拟|务必|必须)\s*$/;

interface Found {
  share: number | null;
  start: number;
  end: number;
}

function collect(text: string, pattern: RegExp, read: (m: RegExpExecArray) => Found | null, out: Found[]): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (promise.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    const found = read(m);
    if (found) out.push(found);
  }
}

/** The completion stated in `input` (a whole progress cell, or one unit's part), or null. */
export function readStated(input: string, field: 'progress' = 'progress', offset = 0, whole = input): StatedCompletion | null {
  const text = foldWidth(input);
  const found: Found[] = [];
  const span = (m: RegExpExecArray, value: number | null): Found => ({ share: value, start: m.index, end: m.index + m[0].length });
  collect(text, share, (m) => span(m, Number(m[1])), found);
  collect(text, rate, (m) => span(m, Number(m[1])), found);
  collect(
    text,
    doneTask,
    (m) => {
      // "完成全年任务的 43%" is a share, read above.
      if (/^\s*的?\s*\d/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) return null;
      return span(m, null);
    },
    found,
  );
  collect(
    text,
    doneWords,
    (m) => {
      // "义马市35个社区…已全部通过…验收": done for the figure in its clause, not for the project.
      const from = clauseStart(text, m.index);
      const to = clauseEnd(text, m.index + m[0].length);
      if (findQuantities(text.slice(from, to)).length > 0) return null;
      return span(m, null);
    },
    found,
  );
  if (found.length === 0) return null;
  const shares = found.filter((f) => f.share !== null);
  const chosen = shares.length > 0 ? shares.reduce((a, b) => ((b.share as number) < (a.share as number) ? b : a)) : (found[0] as Found);
  const start = chosen.start + offset;
  const end = chosen.end + offset;
  return {
    share: chosen.share,
    done: chosen.share === null ? true : chosen.share >= 100,
    span: { field, start, end, text: whole.slice(start, end) },
  };
}
