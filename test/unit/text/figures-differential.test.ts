import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readFigures, type FiguresInput } from '../../../shared/text/figures';
import { seededRandom } from '../../helpers/seeded-random';
import { seedTexts } from './seedCases';
import { seedsPresent } from './seedText';

/**
 * The figures read from many goal and progress texts, hashed, against the hash the reader gave before it
 * was made faster (issue #10's budget): any change of any result — a value, a span, a label, an order —
 * changes the hash. Each text is read in an order that fills and misses the memos (a row again, a row with
 * another ordinal before the same sentences, a row split by unit), as an import does.
 */

const shapes: ((n: number) => FiguresInput)[] = [
  (n) => ({ goal: `开展职业技能培训和评价取证。全年完成技能培训${(n % 9) + 1}.8万人次、新增技能人才2.28万人（含高技能人才9300人）。`, progress: `目前已成立16家企业评价机构。各成员单位完成培训人数5.${n % 10}8万人次，新增技能人才3.21万人（含新增高技能人才1.13万人）。`, unitProgress: [] }),
  (n) => ({ goal: `实施残疾儿童康复救助。对符合条件的残疾儿童开展康复救助，全年救助不少于${100 + (n % 80)}人。`, progress: `将残疾儿童康复救助作为年度首要工作任务列入县残联年度计划，目前已实施残疾儿童康复救助${n % 150}人。`, unitProgress: [] }),
  (n) => ({ goal: '提高妇女儿童健康保障水平。宫颈癌、乳腺癌筛查，各完成筛查1.4万人。年底前实现新生儿听力筛查率达到98%。', progress: `截至7月25日，宫颈癌筛查人数为${8000 + (n % 900)}人，完成全年任务60%，乳腺癌筛查人数为8702人，完成全年任务62%。新生儿听力筛查2877人，筛查率99.07%(目标任务为90%以上)。`, unitProgress: [] }),
  (n) => {
    const a = `已整改病害井盖${200 + (n % 50)}座，超额完成市定任务数的400%。`;
    const b = '已完成招标程序审批工作并发布招标公告，7月28日进行公开招标。';
    return { goal: '推进城市窨井设施及城镇老旧小区改造提升。对存在安全隐患的窨井设施更换改造（市定任务478个）。', progress: `县城管局：${a}\n县住建局：${b}`, unitProgress: [{ unit: '县城管局', text: a }, { unit: '县住建局', text: b }] };
  },
];

// Pieces of goals and progress as the seeds write them, put together at random.
const goalPieces = ['新建和改造农村公路 30 公里以上。', '年底前投入使用。', '2021年3月底之前，完成全部建档工作。', '宫颈癌、乳腺癌各完成筛查 2300 人。', '覆盖率达到 55% 以上。', '总投资3400万元，新增公办学位240个。', '对20户以上具备条件的自然村实施改造。', '（1）新建幼儿园3所；（2）改造农村户厕1.2万户。', '一是培训1000人次；二是新增就业岗位500个。', '打通基层法律服务“最后一公里”。', '《实施方案》明确新建5个。', '各完成 N 项。', '全年救助不少于140人', '筛查率达到60%以上，'];
const progressPieces = ['目前已实施残疾儿童康复救助150人。', '完成全年任务的43%。', '已完成全年目标任务。', '完成率超过83%，', '超额完成', '已全部竣工投用。', '共录入17000余个，其中已整改300个。', '关庄小学6套、五虎刘小学12套、曹镇中学48套已全部竣工投用。', '（年目标任务为覆盖率达到55%以上）', '计划投资1200万元，', '已完成路基34.5公里，路面11.844公里。', '约2万人次', '正在进行项目招标。', '筛查率为63.91%，', '联系电话13800000000。', '截至9月底，累计完成12.85公里。'];

function generated(): FiguresInput[] {
  const random = seededRandom(20261202);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const number = () => (random() < 0.5 ? String(Math.floor(random() * 2000)) : (random() * 100).toFixed(2));
  const out: FiguresInput[] = [];
  for (let n = 0; n < 1500; n++) {
    const base = n % 3 === 0 ? shapes[n % shapes.length]!(n) : { goal: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(goalPieces).replace(/\d+(\.\d+)?/, number)).join(''), progress: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(progressPieces).replace(/\d+(\.\d+)?/, number)).join(''), unitProgress: [] };
    out.push({ ...base, goal: random() < 0.5 ? `第${n}项：${base.goal}` : base.goal });
  }
  return out;
}

function hashOf(inputs: readonly FiguresInput[]): string {
  const hash = createHash('sha256');
  // Each input read twice, the second time after all the others: memos filled, then partly forgotten.
  for (const pass of [0, 1]) for (const input of inputs) hash.update(`${pass}${JSON.stringify(readFigures(input, { year: 2022 }))}\n`);
  // And with indicators already in the ledger, as a re-import reads them.
  for (const input of inputs.slice(0, 300)) {
    const known = readFigures(input, { year: 2022 }).targets.map((t, i) => ({ id: i + 1, name: t.label, kind: t.kind, target: t.target, unit: t.unit }));
    hash.update(`${JSON.stringify(readFigures(input, { year: 2022, existing: known }))}\n`);
  }
  return hash.digest('hex');
}

describe('the figures read are the same as before the reader was made faster', () => {
  it('for 1,500 generated rows (the bench’s shapes and seed phrases put together)', () => {
    expect(hashOf(generated())).toBe('12472b089de0831e40cc81227452d371fe85f9b6068f0c1ede461b5126a66899');
  });

  it.skipIf(!seedsPresent)('for every goal and progress text of the seeds, each also with an ordinal before it', () => {
    const cases = seedTexts();
    expect(hashOf([...cases, ...cases.map((c, n) => ({ ...c, goal: `第${n}项：${c.goal}` }))])).toBe('bce6ad72d4bfdca1b82a9d76300872a54d3409e93e804af1ae9b73eb9319c78b');
  });
});
