import { splitUnitProgress } from '../../../shared/import/split';
import { seed } from './seedText';

/**
 * The goal and progress texts of the five seeds, cut out of the documents themselves: every project
 * (seeds 000, 002), every 工作任务 (seed 001), every 项目主要任务 (seed 003, a plan with no progress yet)
 * and every row of seed 004's table. Lines a PDF broke in mid-sentence are joined, as a table cell holds them.
 */
export interface SeedText {
  id: string;
  goal: string;
  progress: string;
  unitProgress: { unit: string; text: string }[];
  /** The project's name and lead unit as the document gives them (seeds 000 and 002), for building tables. */
  title?: string;
  leadUnit?: string;
  /** The task text alone (seed 002 gives one for three projects only). */
  task?: string;
}

/** Joins what a page break split ("筛\n\n查率为"): a break after anything but a sentence end is not one. */
export function joinBroken(text: string): string {
  const lines = text.replace(/\*\*/g, '').split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const prev = [...out].reverse().find((l) => l.trim() !== '') ?? '';
    const blankBefore = i > 0 && (lines[i - 1] ?? '').trim() === '';
    // A long paragraph line ending in mid-sentence, then a blank line, then its rest: one paragraph.
    const continues =
      blankBefore && line.trim() !== '' && prev.trim().length >= 15 && !/[。；：:！？]$/.test(prev.trim()) && !/^\s*([一二三四五六七八九十]+、|\d+[.、]|#|[\u4e00-\u9fa5]{2,8}：)/.test(line);
    if (continues) {
      while (out.length > 0 && (out[out.length - 1] as string).trim() === '') out.pop();
      out[out.length - 1] = `${(out[out.length - 1] as string).trimEnd()}${line.trim()}`;
    } else {
      out.push(line);
    }
  }
  return out.join('\n');
}

const chineseHeading = /^[一二三四五六七八九十]+、/;

function seed000(): SeedText[] {
  const text = joinBroken(seed('000'));
  const sections = text.split('\n').reduce<string[][]>((acc, line) => {
    if (chineseHeading.test(line.trim())) acc.push([]);
    acc.at(-1)?.push(line.trim());
    return acc;
  }, []);
  return sections.map((lines, i) => {
    const goal = lines.find((l) => l.startsWith('年度目标：'))?.slice(5) ?? '';
    const title = (lines[0] ?? '').replace(chineseHeading, '').replace(/。$/, '');
    const leadUnit = lines.find((l) => l.startsWith('主要责任单位：'))?.slice(7) ?? '';
    const at = lines.findIndex((l) => l.startsWith('完成情况：'));
    const progress = lines.slice(at).join('\n').replace(/^完成情况：/, '').replace(/\n+2021 年 10 月 9 日$/, '').replace(/\n{2,}/g, '\n');
    return { id: `000-${i + 1}`, goal, progress, unitProgress: [], title, leadUnit };
  });
}

function seed001(): SeedText[] {
  const lines = seed('001').split('\n').map((l) => l.trim());
  const out: SeedText[] = [];
  let goal: string | null = null;
  let afterHeading = false;
  let section = 0;
  let task = 0;
  for (const line of lines) {
    if (/^([一二三四五六七八九十]+、|\d、)/.test(line)) {
      section++;
      task = 0;
      afterHeading = true;
      continue;
    }
    if (line.startsWith('工作任务') || (afterHeading && line !== '' && !line.startsWith('主要责任单位') && !line.startsWith('进展情况'))) {
      task++;
      goal = line.replace(/^工作任务\d?：/, '').replace(/主要责任单位：.*$/, '');
    } else if (line.startsWith('进展情况：') && goal !== null) {
      out.push({ id: `001-${section}.${task || 1}`, goal, progress: line.slice(5), unitProgress: [] });
      goal = null;
    }
    if (line !== '') afterHeading = false;
  }
  return out;
}

function seed002(): SeedText[] {
  const lines = joinBroken(seed('002')).split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const out: SeedText[] = [];
  let title = '';
  let task = '';
  let leadUnit = '';
  for (const line of lines) {
    const heading = /^\d+\. (.+?)(（牵头单位：(.*)）)?$/.exec(line);
    if (heading) {
      title = heading[1] as string;
      leadUnit = heading[3] ?? '';
      task = '';
    } else if (line.startsWith('主要任务：')) {
      task = line.slice(5).replace(/（牵头单位：.*$/, '');
      leadUnit = /牵头单位：(.*)）/.exec(line)?.[1] ?? leadUnit;
    } else if (line.startsWith('完成情况：')) {
      out.push({ id: `002-${out.length + 1}`, goal: task || title, progress: line.slice(5), unitProgress: [], title, leadUnit, task });
    }
  }
  return out;
}

function seed003(): SeedText[] {
  const lines = joinBroken(seed('003')).split('\n').map((l) => l.trim());
  return lines.filter((l) => l.startsWith('项目主要任务：')).map((l, i) => ({ id: `003-${i + 1}`, goal: l.slice(7), progress: '', unitProgress: [] }));
}

function seed004(): SeedText[] {
  const rows = seed('004')
    .split('\n')
    .filter((l) => /^\d+\t/.test(l))
    .map((l) => l.split('\t').map((c) => c.replace(/<\/?p>/g, '').replace(/\s{2,}/g, ' ').trim()));
  return rows.map((cells) => {
    const progress = cells[5] ?? '';
    const units = (cells[2] ?? '').split(/\s+/).filter((u) => u !== '');
    const split = splitUnitProgress(progress, units);
    return { id: `004-${cells[0]}`, goal: cells[1] ?? '', progress, unitProgress: split.map((p) => ({ unit: p.unit, text: p.text })) };
  });
}

/** Every goal and progress text of the seeds, in document order. */
export function seedTexts(): SeedText[] {
  return [...seed000(), ...seed001(), ...seed002(), ...seed003(), ...seed004()];
}
