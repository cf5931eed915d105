/**
 * Rows for the figures thread to read once as it starts ahead of need, while no import waits: the reading code
 * is then compiled and optimised before the first table comes (20,000 rows took ≈ 270 ms of the thread's CPU
 * cold, ≈ 210 ms after this). Goals and progress in the words offices write (the seeds'), each row with its own numbers, so that
 * every row is read, not found in a memo; what is read is thrown away.
 */
import type { FigureWords } from '../../../shared/import/figures';

type Shape = (i: number) => FigureWords;

const shapes: Shape[] = [
  (i) => [`第${i}项：开展职业技能培训。全年完成技能培训${(i % 9) + 1}.${i % 10}万人次、新增技能人才${(i % 5) + 1}万人（含高技能人才${900 + i}人）。`, `截至${(i % 12) + 1}月底，已完成培训${i % 7}.${i % 10}万人次，新增技能人才${i % 3}.${i % 10}万人。`, []],
  (i) => [`实施残疾儿童康复救助，全年救助不少于${100 + (i % 90)}人。`, `目前已实施残疾儿童康复救助${i % 150}人，完成全年任务的${i % 100}%。`, []],
  (i) => [`宫颈癌、乳腺癌筛查，各完成筛查${(i % 4) + 1}.${i % 10}万人；年底前新生儿听力筛查率达到${90 + (i % 9)}%以上。`, `宫颈癌筛查人数为${8000 + i}人，乳腺癌筛查人数为${7000 + i}人，新生儿听力筛查率${95 + (i % 5)}.${i % 10}%。`, []],
  (i) => {
    const done = `已整改病害井盖${200 + (i % 300)}座。`;
    return [`推进城镇老旧小区改造，改造老旧小区${(i % 40) + 10}个、惠及居民${3000 + i}户，完成投资${(i % 9) + 1}亿元。`, `县城管局：${done}\n县住建局：已完成招标。`, [{ unit: '县城管局', text: done }, { unit: '县住建局', text: '已完成招标。' }]];
  },
  (i) => [`新建公办幼儿园${(i % 5) + 1}所，新增公办学位${240 + (i % 500)}个，年底前投入使用。`, i % 2 ? '已完成全年目标任务。' : `正在进行项目招标，预计${(i % 12) + 1}月开工。`, []],
  (i) => [`新建改建农村公路${(i % 300) + 12}公里、桥梁${(i % 20) + 1}座。`, `已完成路基${i % 200}公里、路面${(i % 150) + 0.5}公里，完成率超过${i % 100}%。`, []],
];

/** `rows` rows of warm-up words, the shapes in turn. */
export function warmUpWords(rows: number): FigureWords[] {
  return Array.from({ length: rows }, (_, i) => shapes[i % shapes.length]!(i + 1));
}
