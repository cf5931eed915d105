import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChineseInteger, parseNumberText, scaleDecimal } from '../../../shared/text/numerals';
import { foldWidth } from '../../../shared/text/width';

describe('parseChineseInteger', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['九十九', 99],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['三千', 3000],
    ['两千零二十一', 2021],
    ['一万', 10000],
    ['两万', 20000],
    ['三万五千', 35000],
    ['一万零五', 10005],
    ['十万', 100000],
    ['一亿', 100000000],
    ['一亿二千万', 120000000],
    ['二〇二一', 2021],
    ['一二', 12],
    ['零', 0],
  ])('reads %s as %d', (text, value) => {
    expect(parseChineseInteger(text)).toBe(value);
  });

  it.each(['', '十十', '百十', '万', '十二三', '两〇', 'abc', '三个'])('rejects %j', (text) => {
    expect(parseChineseInteger(text)).toBeNull();
  });

  it('reads every integer 1–99 999 written the standard way', () => {
    const digits = '零一二三四五六七八九';
    const below10k = (n: number): string => {
      const parts: string[] = [];
      const units = ['千', '百', '十', ''];
      const values = [1000, 100, 10, 1];
      let zero = false;
      let started = false;
      for (let i = 0; i < 4; i++) {
        const d = Math.floor(n / (values[i] as number)) % 10;
        if (d === 0) {
          if (started) zero = true;
          continue;
        }
        if (zero) parts.push('零');
        zero = false;
        started = true;
        parts.push(`${digits[d]}${units[i]}`);
      }
      return parts.join('');
    };
    const write = (n: number): string => {
      const high = Math.floor(n / 10000);
      const low = n % 10000;
      if (high === 0) return below10k(low);
      return `${below10k(high)}万${low === 0 ? '' : low < 1000 ? `零${below10k(low)}` : below10k(low)}`;
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), (n) => {
        expect(parseChineseInteger(write(n))).toBe(n);
      }),
    );
  });
});

describe('scaleDecimal', () => {
  it('scales by 万 without binary rounding error', () => {
    expect(scaleDecimal('0.885', 4)).toBe(8850);
    expect(scaleDecimal('2.8', 4)).toBe(28000);
    expect(scaleDecimal('1.38', 4)).toBe(13800);
    expect(scaleDecimal('12.8', 4)).toBe(128000);
    expect(scaleDecimal('0.0001', 4)).toBe(1);
    expect(scaleDecimal('1.23456', 4)).toBe(12345.6);
    expect(scaleDecimal('2.95', 8)).toBe(295000000);
  });

  it('reads thousands separators and leaves power 0 unchanged', () => {
    expect(scaleDecimal('1,662', 0)).toBe(1662);
    expect(scaleDecimal('108.91', 0)).toBe(108.91);
  });

  it('rejects text that is not a decimal', () => {
    expect(scaleDecimal('1.2.3', 4)).toBeNull();
    expect(scaleDecimal('abc', 0)).toBeNull();
  });

  it('equals the exact decimal shift for any two-decimal figure times 万', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (hundredths) => {
        const text = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
        expect(scaleDecimal(text, 4)).toBe(hundredths * 100);
      }),
    );
  });
});

describe('parseNumberText', () => {
  it('reads Arabic and Chinese numbers', () => {
    expect(parseNumberText(' 23 ')).toBe(23);
    expect(parseNumberText('二十三')).toBe(23);
    expect(parseNumberText('1,662')).toBe(1662);
    expect(parseNumberText('x')).toBeNull();
  });
});

describe('foldWidth', () => {
  it('folds full-width digits, point, percent and letters, and the ideographic space', () => {
    expect(foldWidth('１２．５％')).toBe('12.5%');
    expect(foldWidth('２４１２　ｍ２')).toBe('2412 m2');
  });

  it('keeps Chinese punctuation that carries sentence structure', () => {
    expect(foldWidth('截至９月底，完成（１）；')).toBe('截至9月底，完成（1）；');
  });

  it('never changes the length, so offsets stay valid in the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('１', '．', '％', '　', 'a', '完', '，', '9') }), (s) => {
        expect(foldWidth(s)).toHaveLength(s.length);
      }),
    );
  });
});
