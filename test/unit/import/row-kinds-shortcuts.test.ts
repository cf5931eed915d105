/**
 * The short ways row-kinds reads a row (issue #13: less work per row) agree with the plain searches they
 * replace, written out here as they were, on texts made of the characters that matter to them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstSentence, firstSentenceOf, isTotal, normalizeSeq, seqAsWritten } from '../../../shared/import/row-kinds';
import { labelsOf, splitUnitProgress } from '../../../shared/import/split';
import { splitUnitProgressBefore } from './split-before';

/** firstSentence as it was: four searches over the whole first sentence. */
function firstSentenceBefore(value: string): string {
  const first = firstSentenceOf(value) ?? value.trim();
  return first
    .replace(/^\s*(?:\d+|[一二三四五六七八九十]+)\s*[、.．]\s*/, '')
    .replace(/^\s*[（(](?:\d+|[一二三四五六七八九十]+)[)）]\s*/, '')
    .replace(/(?<=\S)\s*(?:[2-9]|[二三四五六七八九])[、.．](?=[\u3400-\u9fff]).*$/s, '')
    .replace(/[。；;，,：:\s]+$/, '')
    .trim();
}

const pieces = ['新建', '改造', '停车场', '3处', '2', '5', '二', '一', '、', '.', '．', '。', '；', ';', '，', ',', '：', ':', ' ', '\u3000', '\u00a0', '\n', '\t', '（', '）', '(', ')', '12', '公里', '计', '合计', '汇总', '万元'];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((parts) => parts.join(''));
const numbers = fc.oneof(
  fc.stringMatching(/^[0-9]{1,6}$/),
  fc.array(fc.constantFrom('0', '1', '9', '０', '１', ' ', '.', '、', '（', '）', '三', '十', 'a'), { maxLength: 6 }).map((p) => p.join('')),
);

describe('row-kinds shortcuts', () => {
  it('firstSentence gives what its four searches gave', () => {
    fc.assert(fc.property(texts, (text) => {
        expect(firstSentence(text)).toBe(firstSentenceBefore(text));
      }), { numRuns: 3000 });
  });

  it('numbers of plain digits read as the full steps read them', () => {
    const seqBefore = (raw: string): string | null => {
      const t = raw.trim();
      if (t === '') return null;
      if (/^\d+\.0+$/.test(t)) return String(Math.trunc(Number(t)));
      return t.replace(/[、.．:：]$/, '').trim() || t;
    };
    fc.assert(
      fc.property(numbers, (raw) => {
        expect(seqAsWritten(raw)).toBe(seqBefore(raw));
        if (/^[0-9]+$/.test(raw)) expect(normalizeSeq(raw)).toBe(normalizeSeq(` ${raw} `));
      }),
      { numRuns: 2000 },
    );
    expect(normalizeSeq('007')).toBe('7');
    expect(normalizeSeq('')).toBeNull();
  });

  it('a total is still found by its 计 or 汇, and nothing without them is one', () => {
    fc.assert(fc.property(texts, (text) => {
        if (!/[计汇]/.test(text)) expect(isTotal(text)).toBe(false);
      }), { numRuns: 2000 });
    expect(isTotal('合 计')).toBe(true);
    expect(isTotal('汇总')).toBe(true);
  });

  it('unit labels are found where the one search with its lookbehind found them', () => {
    const before = /(?:^|(?<=[\n。；;]))[ \t\u3000]*(?:[(（]?[0-9一二三四五六七八九十]{1,2}[)）.、．]?\s*)?([^\n。；;：:，,]{2,24}?(?:局|委|办|中心|政府|院|会|部|站|所|队|公司|街道|镇|乡|社|馆|处|团|组|集团|委员会))\s*[：:]/g;
    const parts = ['县城管局', '住建局', '委员会', '：', ':', '\n', '。', '；', ';', ' ', '\u3000', '2.', '（1）', '已完成', '，', '局'];
    const progress = fc.array(fc.constantFrom(...parts), { maxLength: 16 }).map((p) => p.join(''));
    fc.assert(
      fc.property(progress, (text) => {
        const found = labelsOf(text).map((m) => [m.index, m[0], m[1]]);
        expect(found).toEqual([...text.matchAll(before)].map((m) => [m.index, m[0], m[1]]));
      }),
      { numRuns: 3000 },
    );
  });

  it('progress splits by unit as it did with the searches at every position', () => {
    const parts = ['县城管局', '城管局', '县住建局', '县交通局', '（县妇联）', '：', ':', '\n', '\r\n', '。', '；', ' ', '2.', '（1）', '已完成', '，', '局', '办'];
    const progress = fc.array(fc.constantFrom(...parts), { maxLength: 14 }).map((p) => p.join(''));
    const units = fc.subarray(['县城管局', '县住建局', '县妇联', '交通局']);
    fc.assert(
      fc.property(progress, units, (text, names) => {
        expect(splitUnitProgress(text, names)).toEqual(splitUnitProgressBefore(text, names));
      }),
      { numRuns: 4000 },
    );
  });

  it('progress without a colon has no unit labels', () => {
    const units = ['县城管局', '县住建局'];
    fc.assert(
      fc.property(texts, (text) => {
        const body = text.replace(/[：:]/g, '');
        expect(splitUnitProgress(`县城管局${body}\n县住建局${body}`, units)).toEqual([]);
      }),
      { numRuns: 500 },
    );
    expect(splitUnitProgress('县城管局：已整改。\r\n县住建局：已招标。', units)).toEqual([
      { unit: '县城管局', text: '已整改。', known: true },
      { unit: '县住建局', text: '已招标。', known: true },
    ]);
  });
});
