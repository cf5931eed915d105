/** 进展情况报告 (seed 001): categories 一、二、 with 工作任务1…N, each with its own units and 进展情况. */
import { distinct } from './groups';
import { chineseDate, level1 } from './numbering';
import { asOfPhrase, levelChar } from './phrases';
import type { Block, BulletinDocument, BulletinItem, BulletinOptions, BulletinProgress, BulletinSource } from './types';

const para = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }] });

function progressText(parts: readonly BulletinProgress[], named: boolean): string {
  return parts.map((p) => (named && p.unit ? `${p.unit}：${p.text}` : p.text)).join('\n');
}

/** A unit's words go with the task that unit leads (one task per unit); the rest stay with the project. */
function assignProgress(item: BulletinItem): { byTask: Map<number, BulletinProgress[]>; rest: BulletinProgress[] } {
  const byTask = new Map<number, BulletinProgress[]>();
  const rest: BulletinProgress[] = [];
  for (const p of item.progress.filter((x) => x.text.trim())) {
    const owners = p.unit === null ? [] : item.tasks.filter((t) => t.leadUnits.includes(p.unit!));
    if (owners.length === 1) byTask.set(owners[0]!.seq, [...(byTask.get(owners[0]!.seq) ?? []), p]);
    else rest.push(p);
  }
  return { byTask, rest };
}

function progressBlocks(parts: readonly BulletinProgress[], named: boolean): Block[] {
  const lines = progressText(parts, named).split('\n').filter((l) => l.trim());
  if (!lines.length) return [para('进展情况：本期未报送进展情况。')];
  return lines.map((line, i) => para(i === 0 ? `进展情况：${line}` : line));
}

function itemBlocks(item: BulletinItem, n: number): Block[] {
  const blocks: Block[] = [{ kind: 'heading1', text: `${level1(n)}${item.title.replace(/[。\s]+$/, '')}` }];
  const units = (list: readonly string[]) => para(`主要责任单位：${list.join('、') || '未填写'}`);
  if (!item.tasks.length) {
    // A category with no goal of its own is its title: the 工作任务 line would only repeat it.
    return [...blocks, ...(item.goal ? [para(`工作任务：${item.goal}`)] : []), units(item.leadUnits), ...progressBlocks(item.progress, item.progress.length > 1)];
  }
  const { byTask, rest } = assignProgress(item);
  item.tasks.forEach((task, i) => {
    blocks.push(para(`工作任务${i + 1}：${task.goal || task.title}`), units(task.leadUnits.length ? task.leadUnits : item.leadUnits));
    const last = i === item.tasks.length - 1;
    const parts = [...(byTask.get(task.seq) ?? []), ...(last ? rest : [])];
    // A task without words of its own says nothing; the project's words close its last task.
    if (parts.length || (last && byTask.size === 0)) blocks.push(...progressBlocks(parts, last && rest.length > 0 && parts.length > 1));
  });
  return blocks;
}

export function reportBulletin(source: BulletinSource, options: BulletinOptions): BulletinDocument {
  const c = levelChar(source.plan.level);
  const title = `${source.plan.year}年重点民生实事进展情况报告`;
  const taskCount = source.items.reduce((n, i) => n + Math.max(1, i.tasks.length), 0);
  const behind = source.items.filter((i) => i.status === 'lagging' || i.status === 'overdue').length;
  const overall = behind ? `其中${behind}项进展缓慢，需加快推进` : '总体进展顺利';
  const blocks: Block[] = [
    { kind: 'title', text: title },
    para(`${source.plan.year}年${c}重点民生实事共涉及${source.items.length}大类${taskCount}项具体任务，${asOfPhrase(source.period.asOf)}，${overall}。现将最新进展情况报告如下：`),
  ];
  source.items.forEach((item, i) => blocks.push(...itemBlocks(item, i + 1)));
  blocks.push({ kind: 'signature', lines: distinct([options.issuer || source.office, chineseDate(options.date)]) });
  return { template: 'report', title, blocks };
}
