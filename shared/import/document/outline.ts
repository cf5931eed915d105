/**
 * A document's outline (DESIGN §5, Documents): its title, 截至 date and date of issue, and its projects —
 * numbered headings (一、二、…, the "4、" a typist slips in between 三 and 五, bold or heading-styled paragraphs),
 * with the labelled lines under each (项目主要任务 / 工作任务N / 年度目标, 主要责任单位 / 相关责任单位,
 * 完成情况 / 进展情况 and the numbered paragraphs that continue them). What comes before the title (红头, the
 * cover letter), 抄送/印发 lines, signatures and 工作要求 sections are no projects.
 */
import { foldWidth, findAsOf, findDates, findPeriods, parseChineseInteger } from '../../text';
import type { ParagraphBlock } from './blocks';
import { labelOf, splitInlineLabels, type LabelField } from './labels';

export interface OutlineTask {
  text: string;
  lead: string;
  support: string;
  progress: string;
}

export interface OutlineProject {
  /** The number as written (一, 4, 三); '' for a bold heading without one. */
  seq: string;
  /** Its place among the document's projects, from 1. */
  order: number;
  name: string;
  section: string | null;
  /** The goal text (项目主要任务, 年度目标, or the first paragraph under the heading). */
  goal: string;
  /** 工作任务1、工作任务2…: tasks with units and progress of their own. */
  tasks: OutlineTask[];
  lead: string;
  support: string;
  leaders: string;
  people: string;
  progress: string;
  deadline: string;
}

export interface DocumentOutline {
  title: string | null;
  year: number | null;
  asOf: string | null;
  /** The date the document was issued (成文日期): its last line that is only a date. */
  documentDate: string | null;
  projects: OutlineProject[];
}

const chineseHeading = /^([一二三四五六七八九十百]+)\s*[、.．]\s*(.+)$/s;
const digitHeading = /^(\d{1,2})\s*、\s*(.+)$/s;
const bracketHeading = /^[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*(.+)$/s;
/** Headings of a plan's own sections, not projects. */
const notProject = /工作要求|保障措施|组织领导|组织保障|有关要求|工作措施|总体要求|指导思想|基本原则|实施步骤|其他事项|督导考核|考核奖惩|工作机制|加强领导|强化督导|责任落实/;
/** A heading that groups projects: 一、已完成的实事（11件）. */
const sectionHeading = /(已完成|持续推进|进展缓慢|推进缓慢|正在推进|未完成|滞后|按序时推进).{0,6}$|[（(]\s*\d+\s*[件项个]\s*[）)]\s*$/;
const titleWords = /方案|通报|报告|情况|实事|计划|清单|要点|任务|台账/;
const dateOnly = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(印发|发)?$/;
/** Lines after which the document holds no more projects. */
const endOfBody = /^(抄送|抄报|主送|附件\s*\d*\s*[:：])|印发$/;
const orgLine = /^[\u3400-\u9fff（）()]{4,40}(办公室|委员会|政府|人民政府|局|委|办|中心|党委|党工委|督查局|文件)$/;

const short = (text: string, limit: number): boolean => [...text].length <= limit && !/[。；;].+/.test(text.replace(/[。；;]$/, ''));
const clean = (text: string): string => foldWidth(text).replace(/\s+/g, ' ').trim();
const withoutSpaces = (text: string): string => text.replace(/(?<=[\u3400-\u9fff\d]) (?=[\u3400-\u9fff\d])/g, '').replace(/\s+/g, ' ').trim();

interface Heading {
  seq: string;
  name: string;
  kind: 'project' | 'section' | 'other';
}

/** The title: the last title-like line before the first numbered heading (so a cover letter's 关于印发… is passed over). */
function findTitle(paragraphs: readonly ParagraphBlock[]): { title: string | null; index: number } {
  const firstHeading = paragraphs.findIndex((p) => chineseHeading.test(clean(p.text)));
  const before = paragraphs.slice(0, firstHeading < 0 ? Math.min(paragraphs.length, 12) : firstHeading);
  let found = -1;
  for (const [i, p] of before.entries()) {
    const t = clean(p.text);
    if (!short(t, 80) || /[：:。]$/.test(t) || dateOnly.test(t) || /^[〔[(（]?\d/.test(t) && /号$/.test(t)) continue;
    if (/(19|20)\d{2}\s*年/.test(t) && titleWords.test(t)) found = i;
  }
  if (found < 0) found = before.findIndex((p) => (p.heading !== null || p.bold) && short(clean(p.text), 60));
  return found < 0 ? { title: null, index: -1 } : { title: withoutSpaces(clean(paragraphs[found]?.text ?? '')), index: found };
}

function headingOf(p: ParagraphBlock, expected: number, inSection: boolean, hasLabelsNext: boolean, next: string): Heading | null {
  const t = clean(p.text);
  const cn = chineseHeading.exec(t);
  if (cn && short(t, 90)) {
    const name = (cn[2] ?? '').replace(/[。；;]$/, '').trim();
    if (notProject.test(name) && !hasLabelsNext) return { seq: cn[1] ?? '', name, kind: 'other' };
    if (sectionHeading.test(name) && (!hasLabelsNext || bracketHeading.test(next))) return { seq: cn[1] ?? '', name: t, kind: 'section' };
    return { seq: cn[1] ?? '', name, kind: 'project' };
  }
  // "4、" between 三 and 五: a digit heading counts where the next project's number is due.
  const digit = digitHeading.exec(t);
  if (digit && Number(digit[1]) === expected && short(t, 60) && !/[。；]$/.test(t)) return { seq: digit[1] ?? '', name: (digit[2] ?? '').trim(), kind: 'project' };
  const bracket = bracketHeading.exec(t);
  if (bracket && inSection && short(t, 90)) return { seq: bracket[1] ?? '', name: (bracket[2] ?? '').replace(/[。；;]$/, '').trim(), kind: 'project' };
  // A bold or heading-styled line without a number, with labelled lines under it.
  if ((p.bold || p.heading !== null) && hasLabelsNext && short(t, 60) && labelOf(t) === null) return { seq: '', name: t.replace(/[。；;]$/, ''), kind: 'project' };
  return null;
}

function emptyProject(heading: Heading, order: number, section: string | null): OutlineProject {
  return { seq: heading.seq, order, name: withoutSpaces(heading.name), section, goal: '', tasks: [], lead: '', support: '', leaders: '', people: '', progress: '', deadline: '' };
}

/** What one project's lines are being read into: the project, or its numbered task (工作任务2). */
interface Cursor {
  project: OutlineProject;
  task: OutlineTask | null;
  field: LabelField | null;
}

const appendTo = (previous: string, text: string): string => (previous === '' ? text : `${previous}\n${text}`);

/** One line under a project heading: a label starts a field; other lines continue the last one. */
function readLine(cursor: Cursor, line: string): void {
  const label = labelOf(line);
  const { project } = cursor;
  if (label) {
    const body = label.rest;
    if (label.field === 'task' && label.numbered) {
      cursor.task = { text: body, lead: '', support: '', progress: '' };
      project.tasks.push(cursor.task);
    } else if (label.field === 'task') {
      project.goal = appendTo(project.goal, body);
      cursor.task = null;
    } else if (label.field === 'lead' || label.field === 'support' || label.field === 'progress') {
      const task = cursor.task;
      if (task && task[label.field] === '') task[label.field] = body;
      else project[label.field] = appendTo(project[label.field], body);
    } else project[label.field] = appendTo(project[label.field], body);
    cursor.field = label.field;
    return;
  }
  const field = cursor.field;
  if (field === null) {
    // The paragraph under a heading with no label (a bulletin): the goal, then from 截至/截止 on, the progress.
    const at = /截[至止](?:目前|今|到|\s*\d|\s*[一二三四五六七八九十]+月)/.exec(line);
    if (at && at.index > 0) {
      project.goal = appendTo(project.goal, line.slice(0, at.index).trim());
      project.progress = appendTo(project.progress, line.slice(at.index).trim());
      cursor.field = 'progress';
    } else if (at) {
      project.progress = appendTo(project.progress, line);
      cursor.field = 'progress';
    } else {
      project.goal = appendTo(project.goal, line);
      cursor.field = 'task';
    }
    return;
  }
  const task = cursor.task;
  if (field === 'task') {
    if (task) task.text = appendTo(task.text, line);
    else project.goal = appendTo(project.goal, line);
  } else if (field === 'progress' || field === 'lead' || field === 'support') {
    // A paragraph after the units belongs to the progress when there is one, else it is more of the goal.
    if (field === 'progress' || (task ? task.progress : project.progress) !== '') {
      if (task && task.progress !== '') task.progress = appendTo(task.progress, line);
      else project.progress = appendTo(project.progress, line);
    } else if (task) task.text = appendTo(task.text, line);
    else project.goal = appendTo(project.goal, line);
  } else project[field] = appendTo(project[field], line);
}

function isoOf(m: RegExpExecArray): string | null {
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 截至: the title's period (前三季度, 1-9月), else the latest 截至 date the text gives (up to the date of issue), else that date. */
function asOfOf(title: string | null, lines: readonly string[], year: number | null, documentDate: string | null): string | null {
  if (year !== null && title) {
    const fromTitle = findAsOf(title, year)?.date ?? findPeriods(title, year).at(-1)?.end ?? null;
    if (fromTitle) return fromTitle;
  }
  let latest: string | null = null;
  if (year !== null) {
    for (const line of lines) {
      if (!/截[至止]/.test(line)) continue;
      for (const d of findDates(line, year)) {
        if (d.role !== 'asOf' || !d.date || (documentDate && d.date > documentDate)) continue;
        if (latest === null || d.date > latest) latest = d.date;
      }
    }
  }
  return latest ?? documentDate;
}

export function documentOutline(paragraphs: readonly ParagraphBlock[], options: { year?: number } = {}): DocumentOutline {
  const { title, index: titleIndex } = findTitle(paragraphs);
  const lines = paragraphs.map((p) => p.text);
  let documentDate: string | null = null;
  for (const line of lines) {
    const m = dateOnly.exec(clean(line));
    const iso = m ? isoOf(m) : null;
    if (iso) documentDate = iso;
  }
  const titleYear = title ? /((?:19|20)\d{2})\s*年/.exec(title)?.[1] : undefined;
  const year = titleYear ? Number(titleYear) : documentDate ? Number(documentDate.slice(0, 4)) : (options.year ?? null);

  const projects: OutlineProject[] = [];
  let cursor: Cursor | null = null;
  let section: string | null = null;
  let skipping = false;
  const body = paragraphs.slice(titleIndex + 1);
  for (const [i, p] of body.entries()) {
    const t = clean(p.text);
    if (endOfBody.test(t)) break;
    if (dateOnly.test(t) || (orgLine.test(t) && labelOf(t) === null)) continue;
    const next = body.slice(i + 1, i + 4).map((q) => labelOf(clean(q.text))?.field);
    const expected = (projects.at(-1)?.order ?? 0) + 1;
    const heading = headingOf(p, lastNumber(projects) + 1, section !== null, next.some((f) => f === 'task' || f === 'lead' || f === 'progress'), clean(body[i + 1]?.text ?? ''));
    if (heading?.kind === 'section') {
      section = heading.name;
      cursor = null;
      skipping = false;
      continue;
    }
    if (heading?.kind === 'other') {
      cursor = null;
      skipping = true;
      continue;
    }
    if (heading?.kind === 'project') {
      const project = emptyProject(heading, expected, section);
      projects.push(project);
      cursor = { project, task: null, field: null };
      skipping = false;
      // "工作任务1：组织…100场。主要责任单位：市委宣传部" on one line: each label its own line.
      continue;
    }
    if (!cursor || skipping) continue;
    for (const line of splitInlineLabels(t)) readLine(cursor, line);
  }
  return { title, year, asOf: asOfOf(title, lines, year, documentDate), documentDate, projects };
}

/** The number of the last project heading (一 → 1, 4 → 4); 0 before the first. */
function lastNumber(projects: readonly OutlineProject[]): number {
  const last = projects.at(-1);
  if (!last) return 0;
  return (/^\d+$/.test(last.seq) ? Number(last.seq) : parseChineseInteger(last.seq)) ?? last.order;
}
