import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { judgePlan, judgeProject } from '../../../shared/status/engine';
import { createCustomPreset, defaultPreset, ratioPreset, type RulePreset } from '../../../shared/status/presets';
import { planWindow } from '../../../shared/status/schedule';
import type { ProjectStatusInput } from '../../../shared/status/types';
import { canonical, generatedPlan } from './generated-plan';

/**
 * The engine's whole output for a seeded 2,000-project plan, pinned by hash: every field, reason text, key order
 * and absent-versus-undefined of every judgement, under four presets at four judgement dates. A change to any
 * judgement changes the hash; the hashes were taken from the engine before its split into modules (issue #13).
 * If a judgement is meant to change, the test that pins that behaviour changes first, then these hashes.
 */

const plan = generatedPlan(2_000, 20211231);
const presets: RulePreset[] = [
  defaultPreset,
  ratioPreset,
  createCustomPreset(defaultPreset, 'tight', { yellowGap: 5, redGap: 20, missingReportLight: 'red' }),
  createCustomPreset(ratioPreset, 'loose', { yellowBelow: 0.5, redBelow: 0.25, missingReportLight: 'none' }),
];
const dates = ['2021-09-30', '2021-03-15', '2022-01-15', '2020-12-01'];

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

const expected: Record<string, string> = {
  'default@2021-09-30': '639efa2431cd39c8',
  'default@2021-03-15': '7d15ca6746b5a4dd',
  'default@2022-01-15': 'e891496933eff0c1',
  'default@2020-12-01': '3a0b005d8aecb5f9',
  'ratio@2021-09-30': '172dd9a885afa244',
  'ratio@2021-03-15': '440cadcfaaa9cf22',
  'ratio@2022-01-15': '7a6a48bf9b9003bb',
  'ratio@2020-12-01': '06c9a13144db9f38',
  'tight@2021-09-30': '08f42eb656e636a8',
  'tight@2021-03-15': 'b98cce48155b5770',
  'tight@2022-01-15': 'b27dd6055e71f6cf',
  'tight@2020-12-01': '7beec6779e415679',
  'loose@2021-09-30': '86f01c0eb5e3748d',
  'loose@2021-03-15': 'bced45fa7e229a98',
  'loose@2022-01-15': 'a19fefc0a1683110',
  'loose@2020-12-01': '7ee7305379ecfe32',
};

describe('the engine judges a seeded plan exactly as pinned', () => {
  it('covers every class, light and indicator state', () => {
    const seen = new Set<string>();
    for (const preset of presets) {
      for (const asOf of dates) {
        for (const j of judgePlan(plan, { asOf, preset, ...planWindow(2021) })) {
          seen.add(`status ${j.status}`).add(`computed ${j.computedStatus}`).add(`light ${j.light}`);
          for (const i of j.indicators) seen.add(`state ${i.state}`);
        }
      }
    }
    expect(seen.size).toBe(7 + 7 + 4 + 3);
  });

  for (const preset of presets) {
    for (const asOf of dates) {
      const key = `${preset.name}@${asOf}`;
      it(`${key}: every judgement as pinned`, () => {
        const judged = judgePlan(plan, { asOf, preset, ...planWindow(2021) });
        expect(judged).toHaveLength(plan.length);
        expect(sha(judged.map(canonical).join('\n'))).toBe(expected[key]);
      });
    }
  }

  it('judges one project as a plan of one does', () => {
    const ctx = { asOf: '2021-09-30', preset: defaultPreset, ...planWindow(2021) };
    for (const p of plan.slice(0, 200)) expect(canonical(judgeProject(p, ctx))).toBe(canonical(judgePlan([p], ctx)[0]));
  });

  it('refuses bad input with the same messages', () => {
    const ctx = { asOf: '2021-09-30', preset: defaultPreset, ...planWindow(2021) };
    const bad: ProjectStatusInput[] = [
      { reported: true, deadline: '2021-13-01', indicators: [] },
      { reported: true, title: '路', deadline: '2021-02-30', indicators: [] },
      { reported: true, indicators: [{ kind: 'count', comparator: '>=', target: 1, deadline: '9月底' }] },
      { reported: true, indicators: [{ name: '验收', kind: 'milestone', comparator: '=', target: null, deadline: '2021-06-30', doneOn: '2021/6/1' }] },
      { reported: true, indicators: [], markedDone: { reason: '  ' } },
      { reported: true, indicators: [], override: { status: 'onTrack', reason: '' } },
      { reported: true, indicators: [{ kind: 'count', comparator: '>=', target: 1, deadline: 'x' }], markedDone: { reason: '' } },
    ];
    const messages = bad.map((p) => {
      try {
        judgeProject(p, ctx);
        return 'no error';
      } catch (e) {
        return `${(e as { code?: string }).code}: ${(e as Error).message}`;
      }
    });
    expect(messages).toEqual([
      'INVALID_INPUT: 项目的时限“2021-13-01”不是有效的日期（应为 YYYY-MM-DD）',
      'INVALID_INPUT: 项目「路」的时限“2021-02-30”不是有效的日期（应为 YYYY-MM-DD）',
      'INVALID_INPUT: 「指标1」的时限“9月底”不是有效的日期（应为 YYYY-MM-DD）',
      'INVALID_INPUT: 「验收」的完成日期“2021/6/1”不是有效的日期（应为 YYYY-MM-DD）',
      'INVALID_INPUT: 标记完成必须填写理由',
      'INVALID_INPUT: 人工调整状态必须填写理由',
      'INVALID_INPUT: 「指标1」的时限“x”不是有效的日期（应为 YYYY-MM-DD）',
    ]);
    expect(() => judgePlan(plan, { ...ctx, asOf: '2021-9-30' })).toThrow('判定日期“2021-9-30”不是有效的日期（应为 YYYY-MM-DD）');
    expect(() => judgePlan(plan, { ...ctx, planEnd: '2020-12-31' })).toThrow('计划结束日期 2020-12-31 早于开始日期 2021-01-01');
  });
});
