import { describe, expect, it } from 'vitest';
import { normalizeName, uniqueNames } from '../../../shared/names';

describe('normalizeName', () => {
  it('joins names padded to width with ASCII or ideographic spaces', () => {
    expect(normalizeName('王 晓')).toBe('王晓');
    expect(normalizeName('李　明')).toBe('李明');
    expect(normalizeName(' 县 财政局 ')).toBe('县财政局');
  });

  it('keeps spaces that separate Latin words and keeps brackets intact', () => {
    expect(normalizeName('  Zhang  San ')).toBe('Zhang San');
    expect(normalizeName('各县（市、区）政府')).toBe('各县（市、区）政府');
  });
});

describe('uniqueNames', () => {
  it('drops blanks and repeats after normalizing, keeping the first order', () => {
    expect(uniqueNames(['县城管局', ' ', '县住建局', '县 城管局'])).toEqual(['县城管局', '县住建局']);
  });
});
