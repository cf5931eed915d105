import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../../shared/text/calendar';
import { findAsOf, findDates, findPeriods } from '../../../shared/text/dates';
import { findQuantities } from '../../../shared/text/quantities';
import { splitSentences } from '../../../shared/text/sentences';
import { suggestActuals } from '../../../shared/text/actuals';
import { suggestIndicators } from '../../../shared/text/suggest';
import { knownUnits } from '../../../shared/text/units';
import { seedFiles, seedsPresent } from './seedText';

const units = new Set(['', ...knownUnits]);

function expectSpan(text: string, span: { start: number; end: number }, quoted?: string): void {
  expect(Number.isInteger(span.start) && Number.isInteger(span.end)).toBe(true);
  expect(span.start).toBeGreaterThanOrEqual(0);
  expect(span.end).toBeGreaterThan(span.start);
  expect(span.end).toBeLessThanOrEqual(text.length);
  if (quoted !== undefined) expect(text.slice(span.start, span.end)).toBe(quoted);
}

function expectFigure(value: number): void {
  expect(Number.isFinite(value)).toBe(true);
  expect(value).toBeGreaterThanOrEqual(0);
}

describe.skipIf(!seedsPresent)('every sentence of every seed', () => {
  const files = seedFiles();

  it('finds the five seed documents', () => {
    expect(files).toHaveLength(5);
  });

  for (const file of files) {
    const sentences = splitSentences(file.text);

    it(`${file.name}: quantities, dates and periods are well formed (${sentences.length} sentences)`, () => {
      let quantities = 0;
      for (const s of sentences) {
        expect(s.text).toBe(file.text.slice(s.start, s.end));
        for (const q of findQuantities(s.text)) {
          quantities++;
          expectSpan(s.text, q, q.text);
          expectFigure(q.value);
          expect(units.has(q.unit)).toBe(true);
          expect(['count', 'rate', 'amount', 'length']).toContain(q.kind);
        }
        for (const d of findDates(s.text, 2021)) {
          expectSpan(s.text, d, d.text);
          expect(isIsoDate(d.date)).toBe(true);
        }
        for (const p of findPeriods(s.text, 2021)) {
          expectSpan(s.text, { start: p.from, end: p.to }, p.text);
          expect(p.start <= p.end).toBe(true);
        }
        const asOf = findAsOf(s.text, 2021);
        if (asOf) {
          expectSpan(s.text, asOf, asOf.text);
          expect(asOf.date === null || isIsoDate(asOf.date)).toBe(true);
        }
      }
      // The seeds are full of figures; a parser that finds none is broken, not cautious.
      expect(quantities).toBeGreaterThan(20);
    });

    it(`${file.name}: indicator and actual suggestions are well formed`, () => {
      for (const s of sentences) {
        for (const g of suggestIndicators(s.text, { year: 2021 })) {
          expectSpan(s.text, g.source, g.source.text);
          expectSpan(s.text, g.clause, g.clause.text);
          expect(g.label.length).toBeGreaterThan(0);
          if (g.kind === 'milestone') {
            expect(isIsoDate(g.deadline)).toBe(true);
          } else {
            expectFigure(g.target);
            expect(['>=', '<=', '=']).toContain(g.comparator);
            expect(units.has(g.unit)).toBe(true);
            if (g.deadline !== undefined) expect(isIsoDate(g.deadline)).toBe(true);
          }
        }
        const reading = suggestActuals(s.text, { year: 2021 });
        for (const a of reading.items) {
          expectSpan(s.text, a.source, a.source.text);
          expectFigure(a.value);
          expect(['actual', 'share', 'restatedTarget']).toContain(a.role);
          if (a.role === 'share') expect(a.unit).toBe('%');
        }
      }
    });

    it(`${file.name}: reading the whole document at once gives the same quantities as sentence by sentence`, () => {
      const whole = findQuantities(file.text).map((q) => `${q.value}${q.unit}@${q.start}`);
      const bySentence = sentences.flatMap((s) => findQuantities(s.text).map((q) => `${q.value}${q.unit}@${q.start + s.start}`));
      expect(whole).toEqual(bySentence);
    });
  }
});
