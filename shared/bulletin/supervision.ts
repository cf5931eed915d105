/** 督查通报 (seed 002): 版头, title, an opening paragraph written from the data, 一、基本情况 by group, 二、工作要求, 本期发. */
import { distinct, groupItems, withGoal, type Group } from './groups';
import { chineseDate, level1, level2, level3 } from './numbering';
import { periodPhrase, scope } from './phrases';
import type { Block, BulletinDocument, BulletinItem, BulletinOptions, BulletinSource, Run } from './types';

const leads = (item: BulletinItem) => item.leadUnits.join('、') || '未填写';

/** "区城市管理局4件实事、区住建局1件实事": units with their own counts, in order. */
function unitCounts(items: readonly BulletinItem[]): string {
  const counts = new Map<string, number>();
  for (const item of items) {
    const unit = leads(item);
    counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  return [...counts].map(([unit, n]) => `${unit}${n}件实事`).join('、');
}

const unitList = (items: readonly BulletinItem[]) => distinct(items.flatMap((i) => (i.leadUnits.length ? i.leadUnits : ['未填写单位']))).join('、');

/** One clause per group, as seed 002 words them. */
function groupClause(group: Group): string {
  const n = group.items.length;
  switch (group.key) {
    case 'completed':
      return `${unitList(group.items)}${distinct(group.items.flatMap((i) => i.leadUnits)).length > 1 ? '等' : ''}${n}件实事已完成或超额完成全年目标任务`;
    case 'onTrack':
      return `${unitCounts(group.items)}正在持续推进中`;
    case 'lagging':
      return `${unitList(group.items)}${n}件实事推进缓慢`;
    case 'overdue':
      return `${unitList(group.items)}${n}件实事已过完成时限仍未完成`;
    case 'missingReport':
      return `${unitList(group.items)}${n}件实事未按时报送进展情况`;
    case 'notStarted':
      return `${unitList(group.items)}${n}件实事尚未开始实施`;
    default:
      return `${unitList(group.items)}${n}件实事有待进一步判定`;
  }
}

export function openingParagraph(source: BulletinSource, options: BulletinOptions): string {
  const units = distinct(source.items.flatMap((i) => i.leadUnits)).length;
  const who = options.issuer || source.office || '督查部门';
  const clauses = groupItems(source.items).map(groupClause);
  return (
    `为保障完成${source.plan.year}年${scope(source)}重点民生实事工作任务，${who}对${units}个主要责任单位承担的${source.items.length}件重点民生实事` +
    `${periodPhrase(source)}完成情况进行了专项督查${clauses.length ? `，其中${clauses.join('，')}` : ''}。现将具体情况通报如下：`
  );
}

/** 完成情况：… — one paragraph per reporting unit, the unit named when there are several. */
export function progressParagraphs(item: BulletinItem, label: string): Block[] {
  const parts = item.progress.filter((p) => p.text.trim());
  if (!parts.length) return [{ kind: 'paragraph', runs: [{ text: `${label}本期未报送进展情况。` }] }];
  const named = parts.length > 1 || (parts[0]!.unit !== null && !item.leadUnits.includes(parts[0]!.unit));
  return parts.flatMap((p, i) =>
    p.text
      .split('\n')
      .filter((line) => line.trim())
      .map((line, j): Block => {
        const head = j > 0 ? '' : `${i === 0 ? label : ''}${named && p.unit ? `${p.unit}：` : ''}`;
        return { kind: 'paragraph', runs: [{ text: head + line.trim() }] };
      }),
  );
}

const stripStop = (text: string) => text.replace(/[。；;，,\s]+$/, '');

function itemBlocks(group: Group, item: BulletinItem, n: number): Block[] {
  if (!withGoal.has(group.key)) {
    return [{ kind: 'item', runs: [{ text: `${level3(n)}${stripStop(item.title)}（牵头单位：${leads(item)}）` }] }, ...progressParagraphs(item, '完成情况：')];
  }
  const goal: Run[] = [{ text: `主要任务：${stripStop(item.goal || item.title)}。（` }, { text: '牵头单位：', bold: true }, { text: `${leads(item)}）` }];
  return [{ kind: 'item', runs: [{ text: `${level3(n)}${stripStop(item.title)}` }] }, { kind: 'paragraph', runs: goal }, ...progressParagraphs(item, '完成情况：')];
}

export function supervisionBulletin(source: BulletinSource, options: BulletinOptions): BulletinDocument {
  const title = `关于${periodPhrase(source)}${scope(source)}${source.plan.year}年重点民生实事进展情况的通报`;
  const blocks: Block[] = [
    { kind: 'masthead', name: '督查通报', issue: `第${options.issue}期`, issuer: options.issuer || source.office, date: chineseDate(options.date) },
    { kind: 'title', text: title },
    { kind: 'paragraph', runs: [{ text: openingParagraph(source, options) }] },
    { kind: 'heading1', text: `${level1(1)}基本情况` },
  ];
  groupItems(source.items).forEach((group, g) => {
    blocks.push({ kind: 'heading2', text: `${level2(g + 1)}${group.name}${group.items.length}件` });
    group.items.forEach((item, i) => blocks.push(...itemBlocks(group, item, i + 1)));
  });
  const requirements = options.requirements.split('\n').filter((p) => p.trim());
  if (requirements.length) {
    blocks.push({ kind: 'heading1', text: `${level1(2)}工作要求` });
    for (const text of requirements) blocks.push({ kind: 'paragraph', runs: [{ text: text.trim() }] });
  }
  if (options.distribution.trim()) blocks.push({ kind: 'distribution', label: '本期发：', text: options.distribution.trim() });
  return { template: 'supervision', title, blocks };
}
