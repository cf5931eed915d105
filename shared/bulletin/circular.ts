/** 进展情况通报 (seed 000): per project 年度目标 / 主要责任单位 / 相关责任单位 / 完成情况, numbered 一、二、. */
import { chineseDate, level1 } from './numbering';
import { levelChar, periodPhrase } from './phrases';
import { progressParagraphs } from './supervision';
import type { Block, BulletinDocument, BulletinOptions, BulletinSource } from './types';

const para = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }] });

export function circularBulletin(source: BulletinSource, options: BulletinOptions): BulletinDocument {
  const c = levelChar(source.plan.level);
  const when = periodPhrase(source);
  const title = `${source.plan.year}年${when}${c}重点民生实事进展情况的通报`;
  const blocks: Block[] = [{ kind: 'title', text: title }, para(`根据${c}政府工作安排，现将今年${when}${c}重点民生实事进展情况通报如下：`)];
  source.items.forEach((item, i) => {
    blocks.push({ kind: 'heading1', text: `${level1(i + 1)}${item.title.replace(/[。\s]+$/, '')}。` });
    if (item.goal) blocks.push(para(`年度目标：${item.goal}`));
    blocks.push(para(`主要责任单位：${item.leadUnits.join('、') || '未填写'}`));
    if (item.supportUnits.length) blocks.push(para(`相关责任单位：${item.supportUnits.join('、')}`));
    blocks.push(...progressParagraphs(item, '完成情况：'));
  });
  blocks.push({ kind: 'signature', lines: [options.issuer || source.office, chineseDate(options.date)].filter(Boolean) });
  return { template: 'circular', title, blocks };
}
