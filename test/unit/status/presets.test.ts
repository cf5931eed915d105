import { describe, expect, it } from 'vitest';
import {
  builtinPresets,
  createCustomPreset,
  defaultPreset,
  findPreset,
  ratioPreset,
  reviseCustomPreset,
  validatePreset,
} from '../../../shared/status/presets';

describe('built-in presets', () => {
  it('ship the 银川 gap rule as the default and the 武汉 ratio rule', () => {
    expect(defaultPreset).toMatchObject({ name: 'default', version: 1, kind: 'gap', yellowGap: 10, redGap: 30 });
    expect(ratioPreset).toMatchObject({ name: 'ratio', version: 1, kind: 'ratio', yellowBelow: 0.8, redBelow: 0.6 });
    expect(builtinPresets.map((p) => p.name)).toEqual(['default', 'ratio']);
  });

  it('are valid and frozen', () => {
    for (const preset of builtinPresets) expect(validatePreset(preset)).toEqual({ ok: true, preset });
    expect(Object.isFrozen(defaultPreset)).toBe(true);
  });
});

describe('validatePreset', () => {
  it('explains in Chinese what is wrong', () => {
    const result = validatePreset({ ...defaultPreset, yellowGap: 40, redGap: 30 });
    expect(result).toEqual({ ok: false, problems: ['黄灯线（落后百分点）不能大于红灯线'] });
  });

  it('rejects thresholds out of range, bad versions, empty names and unknown kinds', () => {
    expect(validatePreset({ ...ratioPreset, yellowBelow: 1.5 }).ok).toBe(false);
    expect(validatePreset({ ...ratioPreset, redBelow: 0.9 }).ok).toBe(false);
    expect(validatePreset({ ...ratioPreset, redBelow: 0 }).ok).toBe(false);
    expect(validatePreset({ ...defaultPreset, yellowGap: -1 }).ok).toBe(false);
    expect(validatePreset({ ...defaultPreset, version: 0 }).ok).toBe(false);
    expect(validatePreset({ ...defaultPreset, version: 1.5 }).ok).toBe(false);
    expect(validatePreset({ ...defaultPreset, name: '  ' }).ok).toBe(false);
    expect(validatePreset({ ...defaultPreset, kind: 'vibes' }).ok).toBe(false);
    expect(validatePreset(null).ok).toBe(false);
  });
});

describe('custom presets', () => {
  it('start at version 1 from a built-in, keeping its kind', () => {
    const custom = createCustomPreset(defaultPreset, 'custom', { yellowGap: 5, redGap: 20 });
    expect(custom).toMatchObject({ name: 'custom', version: 1, kind: 'gap', yellowGap: 5, redGap: 20 });
    expect(custom.label).toContain('自定义');
  });

  it('bump the version on every revision', () => {
    const v1 = createCustomPreset(ratioPreset, '县督查局规则');
    const v2 = reviseCustomPreset(v1, { yellowBelow: 0.9 });
    const v3 = reviseCustomPreset(v2, { label: '县督查局规则（2022）' });
    expect([v1.version, v2.version, v3.version]).toEqual([1, 2, 3]);
    expect(v3).toMatchObject({ kind: 'ratio', yellowBelow: 0.9, redBelow: 0.6, label: '县督查局规则（2022）' });
  });

  it('refuse to revise a built-in or to take its name', () => {
    expect(() => reviseCustomPreset(defaultPreset, { yellowGap: 5 })).toThrow(/内置规则/);
    expect(() => createCustomPreset(defaultPreset, 'ratio')).toThrow(/内置规则的名称/);
  });

  it('refuse invalid thresholds', () => {
    expect(() => createCustomPreset(defaultPreset, 'custom', { yellowGap: 50 })).toThrow(/黄灯线/);
  });

  it('are found by name, latest version unless one is asked for', () => {
    const v1 = createCustomPreset(defaultPreset, 'custom');
    const v2 = reviseCustomPreset(v1, { redGap: 25 });
    expect(findPreset('custom', undefined, [v1, v2])).toBe(v2);
    expect(findPreset('custom', 1, [v1, v2])).toBe(v1);
    expect(findPreset('default', 1)).toBe(defaultPreset);
    expect(findPreset('missing', undefined)).toBeUndefined();
  });
});
