import { foldWidth } from './width';

/**
 * The stage of the work a progress text names (issue #10 point 3): "正在进行项目招标", "财政评审中",
 * "已完成选址", "已完成招标", "主体已完工". Such words never make a status class — a project in tendering may
 * be on time or late — but a person judging it by hand is glad to see them, so they are offered as a hint.
 */
export interface StageHint {
  /** The words as written, from the stage marker to the stage ("正在进行财政评审"). */
  words: string;
  /** Offsets of the words in the progress text. */
  span: { start: number; end: number };
}

// Steps of a building project as the seeds report them, longest first where one holds another.
const stage = '(?:施工图|施工|可研|立项|选址|设计|图纸|概算|预算|评审|招标|投标|开标|中标|核准|进场|开工|主体|完工|竣工|验收|采购|装修|建设)';
// "正在进行项目招标", "正在设计施工图".
const underWay = new RegExp(`正在[^，。；、\\n]{0,10}?${stage}`, 'g');
// "财政评审中", "施工中", but not "评审中心".
const inProgress = new RegExp(`(?:财政)?${stage}(?:工作)?中(?![心间])`, 'g');
// "已完成选址", "已完成项目造价招标", "已进场开工"; "主体已完工", "主体完工", "图纸设计、财政评审已完成".
const done = new RegExp(
  `(?:已经?|均已)[^，。；\\n]{0,10}?${stage}|${stage}[^，。；\\n]{0,10}?(?:已经?|均已)(?:全部)?(?:完成|完工|竣工|完毕)|主体(?:结构)?(?:完工|竣工|封顶)`,
  'g',
);

function matches(text: string, pattern: RegExp): StageHint[] {
  const out: StageHint[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) out.push({ words: m[0], span: { start: m.index, end: m.index + m[0].length } });
  return out;
}

/**
 * The stage a progress text reports, or null. The work going on now ("正在…", "…中") is the stage; without
 * it, the last step said done, as reports list their steps in order.
 */
export function stageHint(progress: string): StageHint | null {
  const text = foldWidth(progress);
  const hint = matches(text, underWay)[0] ?? matches(text, inProgress)[0] ?? matches(text, done).at(-1);
  if (hint === undefined) return null;
  return { words: progress.slice(hint.span.start, hint.span.end), span: hint.span };
}
