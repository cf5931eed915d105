import { describe, expect, it } from 'vitest';
import { judgeProject } from '../../../shared/status/engine';
import { readFigures } from '../../../shared/text/figures';
import { stageHint } from '../../../shared/text/stage';
import { project, sept30 } from '../status/fixtures';
import { quote, seedsPresent } from './seedText';

const words = (text: string) => stageHint(text)?.words ?? null;

describe('the stage of the work a progress text names, as a hint', () => {
  it('reads the stage words of issue #10', () => {
    expect(['正在进行项目招标', '财政评审中', '已完成选址', '已完成招标', '正在施工', '主体完工'].map(words)).toEqual([
      '正在进行项目招标', '财政评审中', '已完成选址', '已完成招标', '正在施工', '主体完工',
    ]);
  });

  it('gives the words’ place in the text as written', () => {
    const text = '截至目前，已完成项目造价招标，编制完成项目可行性报告。';
    const hint = stageHint(text)!;
    expect([hint.words, text.slice(hint.span.start, hint.span.end)]).toEqual(['已完成项目造价招标', '已完成项目造价招标']);
  });

  it('a plan, a promise or a centre named 评审中心 is no stage', () => {
    expect(words('目前天桥实施方案在评审中心进行控制价评审，预计5月底施工招标。')).toBeNull();
    expect(words('完成全年目标任务的 60%。')).toBeNull();
  });

  it('prefers the work going on now to the steps already done', () => {
    expect(words('立项、设计、财政评审等工作已完成，正在进行项目招标，已发布招标公告。')).toBe('正在进行项目招标');
    expect(words('已完成拦标价编制工作，已完成招标程序审批工作。')).toBe('已完成招标');
  });
});

describe.skipIf(!seedsPresent)('stage words in the seeds', () => {
  const seedStages: [string, string, string][] = [
    ['002', '2022 年老旧小区改造项目的立项、设计、财政评审等工作已完成，正在进行项目招标，已发布招标公告', '正在进行项目招标'],
    ['002', '设计图和施工预算已报送区财政局正在进行财政评审。', '正在进行财政评审'],
    ['000', '其余38个项目目前正在进行财政评审', '正在进行财政评审'],
    ['004', '改扩建项目图纸设计、财政评审已完成', '图纸设计、财政评审已完成'],
    ['004', '已完成招标程序审批工作并发布招标公告', '已完成招标'],
    ['001', '已完成项目造价招标，编制完成项目可行性报告，正在设计施工图。', '正在设计'],
  ];

  it.each(seedStages)('seed %s: “%s” → %s', (prefix, text, expected) => {
    expect(words(quote(prefix, text))).toBe(expected);
  });

  it('stage words never make a class: the project judged from what the import reads of them stays 待人工判定', () => {
    for (const [prefix, text] of seedStages) {
      const progress = quote(prefix, text);
      const read = readFigures({ goal: '', progress, unitProgress: [] }, { year: 2021 });
      const stated = read.stated && { share: read.stated.share, done: read.stated.done, words: read.stated.span.text };
      expect(stageHint(progress)).not.toBeNull();
      expect([read.actuals, stated]).toEqual([[], null]);
      expect(judgeProject({ ...project([]), stated }, sept30).status).toBe('manual');
    }
  });
});
