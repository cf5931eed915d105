/**
 * What a careful clerk reads in every goal and progress text of the five seeds (see seedCases.ts for how
 * each text is cut out of its document). Targets are written "value+unit" as the reader gives them
 * (milestones "milestone:DATE"); actuals name the target they belong to by its place in `t`, with their
 * value in that target's unit, and the reporting unit when the progress is split by unit; `s` is the stated
 * completion (a percentage, 'done', or null).
 *
 * Judgement calls, so they can be argued with:
 * - investments (投资 3400 万元), floor areas, per-person costs and "（市定任务478个）"-style scopes beside a
 *   target are not targets; "（含高技能人才9300人）" is one (a part of the goal with its own number);
 * - a figure said again without a verb of completion ("50个老旧小区3006户改造项目…") is not an actual, nor are
 *   plans, approvals (编办已批准招聘100人), selections, censuses (共录入窨井盖17000余个), remainders, lengths of
 *   the whole (全长, 总长) or a building's stage ("3所幼儿园主体结构施工均已完成");
 * - parts listed and done together are summed ("6套、12套、48套已全部竣工投用" → 66 套);
 * - seed 004 row 4: the roads done are the 路面 of both road projects, 11.844 + 21.43 公里.
 */
export interface SeedTruth {
  t: string[];
  a: [number, string, string?][];
  s: number | 'done' | null;
}

const none: SeedTruth = { t: [], a: [], s: null };
const goalOnly = (...t: string[]): SeedTruth => ({ t, a: [], s: null });
const stated = (s: number | 'done'): SeedTruth => ({ t: [], a: [], s });

export const seedTruth: Readonly<Record<string, SeedTruth>> = {
  '000-1': { t: ['2300人', '2300人', '55%', '90%', '90%'], a: [[0, '1569人'], [1, '1625人'], [2, '108.91%'], [3, '123.99%'], [4, '121.95%']], s: null },
  '000-2': { t: ['70人'], a: [[0, '98人']], s: 140 },
  '000-3': goalOnly('3006户'),
  '000-4': { t: ['12公里'], a: [[0, '6公里']], s: null },
  '000-5': { t: ['6个'], a: [[0, '5个']], s: 83 },
  '000-6': { t: ['500个'], a: [[0, '300个']], s: null },
  '000-7': goalOnly('milestone:2021-12-31'),
  '000-8': { t: ['9223米', '9640米'], a: [[0, '8800米'], [1, '9540米']], s: null },
  '000-9': none,
  '000-10': { t: ['150名', '66套', '3所'], a: [[0, '147名'], [1, '66套']], s: null },
  '000-11': { t: ['90%'], a: [[0, '93%']], s: null },
  '000-12': { t: ['345928人'], a: [[0, '345928人']], s: null },

  '001-1.1': goalOnly('6个', '2个'),
  '001-2.1': goalOnly('100场'),
  '001-2.2': { t: ['100场'], a: [[0, '3场']], s: null },
  '001-2.3': { t: ['300场'], a: [[0, '130场']], s: 43.34 },
  '001-2.4': goalOnly('200个'),
  '001-3.1': { t: ['60名', '107套'], a: [[1, '65套']], s: null },
  '001-4.1': { t: ['29000户', '385个'], a: [[0, '21300户']], s: null },
  '001-5.1': goalOnly('7000个'),
  '001-6.1': { t: ['6公里', '10座', '10公里'], a: [[0, '1公里'], [2, '3.7公里']], s: null },
  '001-6.2': goalOnly('986个'),
  '001-7.1': { t: ['300公里', '280个'], a: [[0, '146公里'], [1, '123个']], s: 44 },
  '001-7.2': goalOnly('1座'),
  '001-7.3': goalOnly('6座'),
  '001-8.1': { t: ['44000人', '44000人'], a: [[0, '11745人'], [1, '12073人']], s: null },
  '001-8.2': { t: ['700人'], a: [[0, '689人']], s: 98.4 },
  '001-8.3': { t: ['40000名'], a: [[0, '2731名']], s: null },
  '001-8.4': none,
  '001-9.1': goalOnly('60个', '90%', '3%'),
  '001-9.2': none,
  '001-9.3': { t: ['60%', '2500件'], a: [[1, '1105件']], s: 44.2 },
  '001-9.4': none,
  '001-9.5': none,
  '001-10.1': goalOnly('220个', '220千米'),

  '002-1': stated(108.03),
  '002-2': stated('done'),
  '002-3': stated('done'),
  '002-4': stated('done'),
  '002-5': stated('done'),
  '002-6': stated(100),
  '002-7': stated(157),
  '002-8': stated(120),
  '002-9': stated('done'),
  '002-10': stated('done'),
  '002-11': stated('done'),
  '002-12': none,
  '002-13': none,
  '002-14': stated(92),
  '002-15': none,
  '002-16': none,
  '002-17': { t: ['30公里'], a: [[0, '12.85公里']], s: 43 },
  '002-18': goalOnly('4966户'),
  '002-19': goalOnly('8座'),

  '003-1': goalOnly('17500人次', '17400人', '9100人', '8850人'),
  '003-2': goalOnly('1所', '2所', '1所', '630个'),
  '003-3': goalOnly('56个', '80%', '3个', '230000人次', '3个', '200名', '76个'),
  '003-4': goalOnly('2个', '9个', '1个', '121户'),
  '003-5': goalOnly('1300人', '1300人', '65%', '95%', '95%', '80人', '10场', '50人', '25人', '1个'),
  '003-6': goalOnly('1条', '2899户', '102000户', '800个'),
  '003-7': goalOnly('25公里', '75%', '43项', '49000人次'),
  '003-8': goalOnly('6个'),
  '003-9': none,
  '003-10': goalOnly('100%', '100%', '98%', '1条', '10家', '100名', '2个', '300000人'),

  '004-1': { t: ['28000人次', '22800人', '9300人'], a: [[0, '54800人次'], [1, '32100人'], [2, '11300人']], s: null },
  '004-2': { t: ['5种', '3家'], a: [[1, '3家']], s: null },
  '004-3': goalOnly('478个', '1073户'),
  '004-4': { t: ['115.26公里', '35个', '324个'], a: [[0, '33.274公里', '县交通局'], [2, '124个', '县商务局']], s: null },
  '004-5': goalOnly('5所', '240个'),
  '004-6': { t: ['1处', '50张', '21个', '134100人'], a: [[2, '10个'], [3, '153000人']], s: null },
  '004-7': {
    t: ['14000人', '14000人', '60%', '60%', '98%', '98%'],
    a: [[0, '8406人'], [1, '8702人'], [2, '71.9%'], [3, '63.91%'], [4, '98.59%'], [5, '99.07%']],
    s: 60,
  },
  '004-8': { t: ['140人'], a: [[0, '150人']], s: null },
  '004-9': { t: ['10场次', '55人次', '1个'], a: [[0, '12场次']], s: null },
  '004-10': { t: ['260000'], a: [[0, '259000']], s: null },
};
