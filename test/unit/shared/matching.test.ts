import { describe, expect, it } from 'vitest';
import { matchRows, projectTitles, titleSimilarity } from '../../../shared/matching';

describe('titleSimilarity', () => {
  it('ignores punctuation, width and a leading verb', () => {
    expect(titleSimilarity('实施残疾儿童康复救助。', '残疾儿童康复救助')).toBe(1);
    expect(titleSimilarity('开展职业技能培训和评价取证', '开展职业技能培训和评价取证（人社）')).toBeGreaterThan(0.8);
    expect(titleSimilarity('改善农村出行条件', '实施学前教育普惠扩容工程')).toBeLessThan(0.2);
  });
});

describe('matchRows', () => {
  const projects = [
    { id: 10, seq: 1, title: '开展职业技能培训和评价取证' },
    { id: 11, seq: 2, title: '扩大医院门诊费用异地就医直接结算范围' },
    { id: 12, seq: 3, title: '推进城市窨井设施及城镇老旧小区改造提升' },
  ];

  it('matches by title even when the numbers differ; of two rows alike, the one with the same number wins', () => {
    const rows = [
      { seq: '1', project: '推进城市窨井设施及城镇老旧小区改造提升' },
      { seq: '2', project: '开展职业技能培训和评价取证。' },
      { seq: '3', project: '推进城市窨井设施及城镇老旧小区改造提升' },
    ];
    expect(matchRows(rows, projects)).toEqual([null, 10, 12]);
  });

  it('accepts a looser title when the number agrees, and leaves strangers unmatched', () => {
    expect(matchRows([{ seq: '2', project: '扩大门诊费用异地直接结算' }], projects)).toEqual([11]);
    expect(matchRows([{ seq: '9', project: '扩大门诊费用异地直接结算' }], projects)).toEqual([null]);
    expect(matchRows([{ seq: '1', project: '实施学前教育普惠扩容工程' }], projects)).toEqual([null]);
  });

  it('matches the same with the projects’ titles worked out beforehand (read ahead while a file is parsed), used again', () => {
    const titles = projectTitles(projects);
    const rows = [
      { seq: '1', project: '推进城市窨井设施及城镇老旧小区改造提升' },
      { seq: '2', project: '开展职业技能培训和评价取证。' },
      { seq: '2', project: '扩大门诊费用异地直接结算' },
      { seq: '3', project: '推进城市窨井设施及城镇老旧小区改造提升' },
    ];
    expect(matchRows(rows, projects, titles)).toEqual(matchRows(rows, projects));
    expect(matchRows(rows, projects, titles)).toEqual([null, 10, 11, 12]);
  });
});

describe('matchRows at scale', () => {
  it('matches 20,000 rows against 20,000 projects by title without running out of memory', () => {
    const projects = Array.from({ length: 20_000 }, (_, i) => ({ id: i + 1, seq: i + 1, title: `第${i + 1}项民生实事` }));
    const rows = projects.map((p) => ({ seq: String(p.seq), project: p.title })).reverse();
    const result = matchRows(rows, projects);
    expect(result[0]).toBe(20_000);
    expect(result.at(-1)).toBe(1);
    expect(new Set(result).size).toBe(20_000);
  });
});
