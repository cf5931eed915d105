import { describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../../shared/api/contract';
import { validateCall } from '../../../shared/api/validate';
import { fromErrorPayload, LedgerError, toErrorPayload } from '../../../shared/errors';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof LedgerError ? error.code : 'not a LedgerError';
  }
  return undefined;
}

describe('the API contract', () => {
  it('declares an input schema for every method', () => {
    expect(methodNames.length).toBeGreaterThan(0);
    for (const name of methodNames) expect(contract[name].input).toBeDefined();
  });

  it('fills defaults and trims text at the boundary', () => {
    const { input } = validateCall<'projects.create'>('projects.create', { planId: 1, title: ' 标题 ', leadUnits: ['甲'] });
    expect(input).toEqual({ planId: 1, title: '标题', goal: '', section: '', deadline: null, leadUnits: ['甲'], supportUnits: [], responsiblePeople: [], leaders: [] });
  });

  it('refuses unknown methods, inherited names and unknown fields', () => {
    expect(codeOf(() => validateCall('toString', {}))).toBe('UNKNOWN_METHOD');
    expect(codeOf(() => validateCall('__proto__', {}))).toBe('UNKNOWN_METHOD');
    expect(codeOf(() => validateCall('plans.list', { admin: true }))).toBe('INVALID_INPUT');
  });

  it('explains invalid dates and numbers in Chinese', () => {
    try {
      validateCall('plans.create', { year: 2022.5, level: 'county', name: 'x', startDate: '2022-02-30' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/年度应为整数/);
      expect((error as Error).message).toMatch(/日期格式应为 YYYY-MM-DD/);
    }
  });
});

describe('errors across a door', () => {
  it('round-trips a LedgerError through its payload', () => {
    const error = fromErrorPayload(toErrorPayload(new LedgerError('NOT_FOUND', '找不到')));
    expect(error).toBeInstanceOf(LedgerError);
    expect([error.code, error.message]).toEqual(['NOT_FOUND', '找不到']);
  });

  it('never leaks the internals of an unexpected error', () => {
    const payload = toErrorPayload(new TypeError('secret internal detail at /home/x'));
    expect(payload.code).toBe('INTERNAL');
    expect(payload.message).not.toMatch(/secret/);
    expect(fromErrorPayload({ code: 'NOPE', message: 1 }).code).toBe('INTERNAL');
  });
});
