import { describe, expect, it } from 'vitest';
import { judgeProject } from '../../../shared/status/engine';
import { ratioPreset } from '../../../shared/status/presets';
import { count, project, sept30 } from './fixtures';

const words43 = '完成全年任务的 43%';

describe('judging from the completion the progress states in words', () => {
  it('"已完成全年目标任务" with no indicator: completed, green, the words quoted', () => {
    const j = judgeProject({ ...project([]), stated: { share: null, done: true, words: '已完成全年目标任务' } }, sept30);
    expect([j.status, j.light]).toEqual(['completed', 'green']);
    expect(j.reasons[0]).toBe('依据进展情况“已完成全年目标任务”：已完成全年任务');
  });

  it('"完成全年任务的43%" at 30 September: lagging, red, 32 points behind under the default rule', () => {
    const j = judgeProject({ ...project([]), stated: { share: 43, done: false, words: words43 } }, sept30);
    expect([j.status, j.light, j.completion]).toEqual(['lagging', 'red', 0.43]);
    expect(j.reasons[0]).toBe('依据进展情况“完成全年任务的 43%”：时序进度 75%，落后 32 个百分点');
  });

  it('"已完成全年工作任务的92%": on track; 155% is completed', () => {
    expect(judgeProject({ ...project([]), stated: { share: 92, done: false, words: '92%' } }, sept30)).toMatchObject({ status: 'onTrack', light: 'green' });
    expect(judgeProject({ ...project([]), stated: { share: 155.17, done: true, words: '155.17%' } }, sept30)).toMatchObject({ status: 'completed' });
  });

  it('a ratio preset words the share of the schedule', () => {
    const j = judgeProject({ ...project([]), stated: { share: 43, done: false, words: words43 } }, { ...sept30, preset: ratioPreset });
    expect(j.reasons[0]).toContain('为时序进度的 57%');
    expect(j.light).toBe('red'); // below 60% of the schedule
  });

  it('an indicator with a figure judges, not the words', () => {
    const j = judgeProject({ ...project([count(100, 90)]), stated: { share: 10, done: false, words: '10%' } }, sept30);
    expect(j.status).toBe('onTrack');
    expect(j.reasons.join()).not.toContain('依据进展情况');
  });

  it('an indicator without a figure gives way to the words; without words it stays manual', () => {
    const unknown = count(100, null);
    expect(judgeProject({ ...project([unknown]), stated: { share: 43, done: false, words: words43 } }, sept30).status).toBe('lagging');
    expect(judgeProject(project([unknown]), sept30).status).toBe('manual');
    expect(judgeProject(project([]), sept30).status).toBe('manual');
  });

  it('no report this period: the words of an earlier one do not judge', () => {
    const j = judgeProject({ ...project([], { reported: false }), stated: { share: null, done: true, words: '已完成' } }, sept30);
    expect(j.status).toBe('missingReport');
  });

  it('an override over a stated judgement keeps the computed class and its light measure', () => {
    const j = judgeProject(
      { ...project([]), stated: { share: 43, done: false, words: words43 }, override: { status: 'lagging', reason: '核实后同意' } },
      sept30,
    );
    expect([j.status, j.light, j.computedStatus]).toEqual(['lagging', 'red', 'lagging']);
  });
});
