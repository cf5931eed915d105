import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  daysInMonth,
  isIsoDate,
  isoDateOfDayNumber,
  monthEnd,
  parseIsoDay,
} from '../../../shared/text/calendar';
import { findAsOf, findDates, findPeriods, parseDatePhrase } from '../../../shared/text/dates';

describe('calendar', () => {
  it('knows month ends, leap years included', () => {
    expect(monthEnd(2021, 9)).toBe('2021-09-30');
    expect(monthEnd(2021, 2)).toBe('2021-02-28');
    expect(monthEnd(2024, 2)).toBe('2024-02-29');
    expect(monthEnd(1900, 2)).toBe('1900-02-28');
    expect(monthEnd(2000, 2)).toBe('2000-02-29');
    expect(daysInMonth(2021, 12)).toBe(31);
  });

  it('counts days between ISO dates in UTC day numbers', () => {
    expect(daysBetween('2021-01-01', '2021-09-30')).toBe(272);
    expect(daysBetween('2021-01-01', '2021-12-31')).toBe(364);
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2021-09-30', '2021-01-01')).toBe(-272);
    expect(parseIsoDay('1970-01-01')).toBe(0);
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of ['2021-02-29', '2021-13-01', '2021-00-10', '2021-9-30', '20210930', '2021/09/30', '']) {
      expect(isIsoDate(bad)).toBe(false);
    }
    expect(() => daysBetween('2021-02-30', '2021-03-01')).toThrow(RangeError);
  });

  it('round-trips every day number through its ISO date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (day) => {
        expect(parseIsoDay(isoDateOfDayNumber(day))).toBe(day);
      }),
    );
  });

  it('agrees with the UTC calendar of Date for arbitrary dates', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseIsoDay(iso)).toBe(Math.floor(d.getTime() / 86_400_000));
      }),
    );
  });
});

describe('findDates and parseDatePhrase', () => {
  it('reads 截至/截止 with month ends and days, in the plan year', () => {
    expect(parseDatePhrase('截至9月底', 2021)).toBe('2021-09-30');
    expect(parseDatePhrase('截止 9 月底', 2021)).toBe('2021-09-30');
    expect(parseDatePhrase('截至5月26日', 2021)).toBe('2021-05-26');
    expect(parseDatePhrase('截至2月底', 2024)).toBe('2024-02-29');
    expect(parseDatePhrase('截至2月底', 2023)).toBe('2023-02-28');
    expect(parseDatePhrase('截至九月底', 2021)).toBe('2021-09-30');
    expect(parseDatePhrase('截至十二月三十一日', 2021)).toBe('2021-12-31');
  });

  it('marks the role of each date: as-of, deadline or plain', () => {
    const text = '截至7月25日，已开工；2021年3月底之前完成建档，年底前投入使用，预计8月底完工，12月31日前完成500个。';
    expect(findDates(text, 2022).map((d) => [d.date, d.role, d.precision])).toEqual([
      ['2022-07-25', 'asOf', 'day'],
      ['2021-03-31', 'deadline', 'month'],
      ['2022-12-31', 'deadline', 'year'],
      ['2022-08-31', 'plain', 'month'],
      ['2022-12-31', 'deadline', 'day'],
    ]);
  });

  it('uses a written year over the plan year and reads document dates', () => {
    expect(parseDatePhrase('2021 年 10 月 9 日', 2030)).toBe('2021-10-09');
    expect(parseDatePhrase('2023年年底前实现', 2030)).toBe('2023-12-31');
  });

  it('maps 上旬/中旬/下旬 to the 10th, 20th and month end', () => {
    expect(findDates('9月上旬、9月中旬、2月下旬', 2024).map((d) => d.date)).toEqual(['2024-09-10', '2024-09-20', '2024-02-29']);
  });

  it('skips impossible dates instead of inventing one', () => {
    expect(findDates('2月30日', 2021)).toEqual([]);
    expect(findDates('13月底', 2021)).toEqual([]);
  });

  it('gives offsets that cover the phrase in the original text', () => {
    const text = '完成情况：截止 9 月底，全区';
    const [d] = findDates(text, 2021);
    expect(d && text.slice(d.start, d.end)).toBe('截止 9 月底');
  });
});

describe('findAsOf', () => {
  it('takes the first 截至 date', () => {
    expect(findAsOf('完成情况：截止 9 月底，（1）全区完成', 2021)).toMatchObject({ date: '2021-09-30', text: '截止 9 月底' });
  });

  it('returns a null date for 截至目前 so the report date can decide', () => {
    expect(findAsOf('截至目前，已完成130场', 2021)).toMatchObject({ date: null, text: '截至目前' });
  });

  it('returns null when no as-of phrase is present', () => {
    expect(findAsOf('预计8月底项目完工', 2021)).toBeNull();
  });
});

describe('findPeriods', () => {
  it('reads month ranges as a period from the first day to the last', () => {
    expect(findPeriods('1-9月份', 2022)).toEqual([{ start: '2022-01-01', end: '2022-09-30', text: '1-9月份', from: 0, to: 5 }]);
    expect(findPeriods('关于 1-9 月份全区', 2022)[0]).toMatchObject({ start: '2022-01-01', end: '2022-09-30', text: '1-9 月份' });
    expect(findPeriods('1至2月', 2024)[0]).toMatchObject({ start: '2024-01-01', end: '2024-02-29' });
  });

  it('reads named periods', () => {
    expect(findPeriods('前三季度', 2021)[0]).toMatchObject({ start: '2021-01-01', end: '2021-09-30' });
    expect(findPeriods('上半年', 2021)[0]).toMatchObject({ start: '2021-01-01', end: '2021-06-30' });
    expect(findPeriods('第二季度', 2021)[0]).toMatchObject({ start: '2021-04-01', end: '2021-06-30' });
    expect(findPeriods('前5个月', 2021)[0]).toMatchObject({ start: '2021-01-01', end: '2021-05-31' });
  });

  it('does not read a month range as a single date', () => {
    expect(findDates('1-9月份', 2022)).toEqual([]);
  });

  it('rejects backwards ranges', () => {
    expect(findPeriods('9-1月', 2022)).toEqual([]);
  });
});
