import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planWindow, timeProgress } from '../../../shared/status/schedule';
import { formatPercent, trimNumber } from '../../../shared/status/format';
import { isoDateOfDayNumber, parseIsoDay } from '../../../shared/text/calendar';

describe('timeProgress', () => {
  it('is 273/365 at 30 September of a calendar-year plan (days counted inclusively)', () => {
    expect(timeProgress('2021-01-01', '2021-12-31', '2021-09-30')).toBe(273 / 365);
  });

  it('counts the leap day in a leap year', () => {
    expect(timeProgress('2024-01-01', '2024-12-31', '2024-09-30')).toBe(274 / 366);
  });

  it('is 1/365 on the first day, 1 on the deadline, and clamped outside the plan', () => {
    expect(timeProgress('2021-01-01', '2021-12-31', '2021-01-01')).toBe(1 / 365);
    expect(timeProgress('2021-01-01', '2021-12-31', '2021-12-31')).toBe(1);
    expect(timeProgress('2021-01-01', '2021-12-31', '2022-03-01')).toBe(1);
    expect(timeProgress('2021-01-01', '2021-12-31', '2020-12-31')).toBe(0);
    expect(timeProgress('2021-01-01', '2021-12-31', '2020-06-01')).toBe(0);
  });

  it('uses the earlier deadline of an indicator: half-way to 30 June is about half', () => {
    expect(timeProgress('2021-01-01', '2021-06-30', '2021-03-31')).toBe(90 / 181);
  });

  it('treats a deadline before the start as due at once', () => {
    expect(timeProgress('2021-06-01', '2021-05-01', '2021-04-01')).toBe(0);
    expect(timeProgress('2021-06-01', '2021-05-01', '2021-05-01')).toBe(1);
  });

  it('rejects malformed dates', () => {
    expect(() => timeProgress('2021-01-01', '2021-13-31', '2021-09-30')).toThrow(RangeError);
  });

  it('stays in [0, 1] and never falls as the date advances', () => {
    const day = fc.integer({ min: 18_000, max: 20_000 });
    fc.assert(
      fc.property(day, day, day, fc.nat(400), (a, b, c, step) => {
        const [start, end] = [a, b].sort((x, y) => x - y) as [number, number];
        const iso = isoDateOfDayNumber;
        const now = timeProgress(iso(start), iso(end), iso(c));
        const later = timeProgress(iso(start), iso(end), iso(c + step));
        expect(now).toBeGreaterThanOrEqual(0);
        expect(now).toBeLessThanOrEqual(1);
        expect(later).toBeGreaterThanOrEqual(now);
      }),
    );
  });
});

describe('planWindow', () => {
  it('runs 1 January to 31 December', () => {
    expect(planWindow(2021)).toEqual({ planStart: '2021-01-01', planEnd: '2021-12-31' });
    expect(parseIsoDay(planWindow(2024).planEnd) - parseIsoDay(planWindow(2024).planStart)).toBe(365);
  });
});

describe('formatting for reasons', () => {
  it('shows whole percentages, but never rounds an unfinished share up to 100% or a started one down to 0%', () => {
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(273 / 365)).toBe('75%');
    expect(formatPercent(1.4)).toBe('140%');
    expect(formatPercent(0.9996)).toBe('99.9%');
    expect(formatPercent(0.002)).toBe('0.2%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('trims numbers to two decimals without trailing zeros', () => {
    expect(trimNumber(6)).toBe('6');
    expect(trimNumber(9.54)).toBe('9.54');
    expect(trimNumber(108.9100001)).toBe('108.91');
    expect(trimNumber(2.5)).toBe('2.5');
    expect(trimNumber(0.05)).toBe('0.05');
    expect(trimNumber(-0.3)).toBe('-0.3');
    expect(trimNumber(-0.001)).toBe('0');
    expect(trimNumber(1e-7)).toBe('0');
    expect(trimNumber(1234567.895)).toBe(String(Math.round(1234567.895 * 100) / 100));
  });

  it('writes a figure exactly as String() writes it rounded to hundredths, at every magnitude', () => {
    const figure = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((k) => k / 100),
      fc.double({ min: -1e13, max: 1e13, noNaN: true }),
    );
    fc.assert(
      fc.property(figure, (v) => trimNumber(v) === (Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100))),
      { numRuns: 20_000 },
    );
  });
});
