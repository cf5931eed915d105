import { describe, expect, it } from 'vitest';
import { acceptedFigures, figureAcceptor } from '../../../shared/import/figures';
import { readFigures } from '../../../shared/text/figures';

const year = 2022;

describe('reading a row’s figures', () => {
  it('next month: actuals are paired with the indicators the ledger has, and no target is proposed again', () => {
    const f = readFigures(
      { goal: '全年救助不少于140人。', progress: '目前已实施残疾儿童康复救助162人，完成全年任务的115.7%。', unitProgress: [] },
      { year, existing: [{ id: 7, name: '救助残疾儿童', kind: 'count', target: 140, unit: '人' }] },
    );
    expect(f.targets).toEqual([]);
    expect(f.actuals.map((a) => [a.indicator, a.value, a.valueUnit])).toEqual([[{ id: 7 }, 162, '人']]);
    expect(f.stated).toMatchObject({ share: 115.7, done: true });
  });

  it('progress split by unit: each unit’s figure is its own part of the indicator', () => {
    const progress = '县交通局：已完成农村公路12公里。县商务局：已完成 124 个行政村的电商综合服务网点建设。';
    const f = readFigures(
      { goal: '新建农村公路 30 公里；年底前实现324个行政村设立村级物流综合服务站。', progress, unitProgress: [{ unit: '县交通局', text: '已完成农村公路12公里。' }, { unit: '县商务局', text: '已完成 124 个行政村的电商综合服务网点建设。' }] },
      { year },
    );
    expect(f.actuals.map((a) => [a.indicator, a.unit, a.value, progress.slice(a.span.start, a.span.end)])).toEqual([
      [{ target: 't0' }, '县交通局', 12, '12公里'],
      [{ target: 't1' }, '县商务局', 124, '124 个'],
    ]);
  });

  it('stage words are no statement of completion, and a promise is not a report', () => {
    expect(readFigures({ goal: '', progress: '正在进行项目招标，财政评审中，已完成选址。', unitProgress: [] }, { year }).stated).toBeNull();
    expect(readFigures({ goal: '', progress: '为保障完成全年目标任务，区督查局进行了专项督查。', unitProgress: [] }, { year }).stated).toBeNull();
  });

  it('a rate pairs with its rate target, not with a count of people', () => {
    const f = readFigures(
      { goal: '宫颈癌筛查1.4万人，年底前新生儿听力筛查率达到98%。', progress: '新生儿听力筛查2877人，筛查率99.07%(目标任务为90%以上)。', unitProgress: [] },
      { year },
    );
    expect(f.targets.map((t) => `${t.target}${t.unit}`)).toEqual(['14000人', '98%']);
    // 2877 人 were screened, but the 1.4万 target is 宫颈癌: only the rate is paired.
    expect(f.actuals.map((a) => [a.indicator, a.value, a.valueUnit])).toEqual([[{ target: 't1' }, 99.07, '%']]);
  });
});

describe('what a person accepted', () => {
  const figures = readFigures({ goal: '新建和改造农村公路 30 公里以上。', progress: '项目已完成 12.85 公里，完成全年任务的 43%。', unitProgress: [] }, { year });

  it('nothing unless accepted; everything with "all"', () => {
    expect(acceptedFigures(figures, 3, undefined)).toEqual({ targets: [], actuals: [], stated: null });
    expect(acceptedFigures(figures, 3, 'all')).toMatchObject({ targets: [{ target: 30 }], actuals: [{ value: 12.85 }], stated: { share: 43 } });
  });

  it('numbers as corrected; an actual without its target is dropped', () => {
    const edited = acceptedFigures(figures, 3, [{ sourceRow: 3, targets: [{ key: 't0', target: 32 }], actuals: [{ key: 'a0', value: 13 }], stated: false }]);
    expect([edited.targets[0]?.target, edited.actuals[0]?.value, edited.stated]).toEqual([32, 13, null]);
    const orphan = acceptedFigures(figures, 3, [{ sourceRow: 3, targets: [], actuals: [{ key: 'a0' }], stated: true }]);
    expect([orphan.actuals, orphan.stated?.share]).toEqual([[], 43]);
  });

  it('a commit’s choices are found by row, each row its own; the first choice sent for a row wins', () => {
    const choices = Array.from({ length: 20_000 }, (_, i) => ({ sourceRow: i + 1, targets: [{ key: 't0', target: i + 1 }], actuals: [], stated: i % 2 === 0 }));
    const accept = figureAcceptor([...choices, { sourceRow: 3, targets: [], actuals: [], stated: false }]);
    expect([accept(figures, 3).targets[0]?.target, accept(figures, 3).stated?.share]).toEqual([3, 43]);
    expect([accept(figures, 20_000).targets[0]?.target, accept(figures, 20_000).stated]).toEqual([20_000, null]);
    expect(accept(figures, 20_001)).toEqual({ targets: [], actuals: [], stated: null });
  });
});
