/** The status groups of a 督查通报, in the order the seeds read: done first, then the ones that need pushing. */
import type { StatusClass } from '../status/types';
import type { BulletinItem } from './types';

export type GroupKey = StatusClass | 'unjudged';

export interface Group {
  key: GroupKey;
  /** "已完成实事" — the heading reads "（一）已完成实事 11 件". */
  name: string;
  items: BulletinItem[];
}

const order: readonly { key: GroupKey; name: string }[] = [
  { key: 'completed', name: '已完成实事' },
  { key: 'onTrack', name: '持续推进实事' },
  { key: 'lagging', name: '进展缓慢实事' },
  { key: 'overdue', name: '逾期未完成实事' },
  { key: 'missingReport', name: '未报送进展实事' },
  { key: 'notStarted', name: '尚未开始实事' },
  { key: 'manual', name: '待人工判定实事' },
  { key: 'unjudged', name: '未判定实事' },
];

/** Only the groups that have items: an empty one is not shown. */
export function groupItems(items: readonly BulletinItem[]): Group[] {
  return order
    .map(({ key, name }) => ({ key, name, items: items.filter((i) => (i.status ?? 'unjudged') === key) }))
    .filter((g) => g.items.length > 0);
}

/** Groups whose items also print their 主要任务 (the goal): the ones the leaders must act on. */
export const withGoal: ReadonlySet<GroupKey> = new Set<GroupKey>(['lagging', 'overdue', 'notStarted']);

/** Distinct names in first-seen order. */
export function distinct(names: readonly string[]): string[] {
  return [...new Set(names.filter(Boolean))];
}
