/**
 * Document benchmark (issue #12): a 50-page progress report (about 45,000 characters: 150 projects with their
 * tasks, units and progress) understood — Word's HTML read into blocks, the outline, the table it becomes, and
 * the table understanding — in under 1 s. Reading the .docx itself (mammoth, in the worker) is not counted.
 * Run with `npx tsx build/bench/document.ts`; exits 1 when over budget.
 */
import { performance } from 'node:perf_hooks';
import { blocksFromHtml, documentGrid } from '../../shared/import/document';
import { understandTable } from '../../shared/import/understand';

const BUDGET_MS = 1000;
const cn = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const numeral = (n: number): string => (n < 10 ? cn[n]! : `${n >= 20 ? cn[Math.floor(n / 10)] : ''}十${cn[n % 10]}`).replace(/^一十/, '十');

function report(projects: number): string {
  const p: string[] = ['<h1>2021年省、市重点民生实事进展情况报告</h1>', '<p>现将最新进展情况报告如下：</p>'];
  for (let i = 1; i <= projects; i++) {
    p.push(`<p><strong>${i < 100 ? numeral(i) : i}、实施第${i}项民生实事工程</strong></p>`);
    for (let t = 1; t <= 2; t++) {
      p.push(`<p>工作任务${t}：全年新建农村公路${i * t}公里，完成${i + t}个自然村通硬化路任务，实现20户以上具备条件的自然村通硬化路。主要责任单位：市交通运输局、市财政局，各县（市、区）政府</p>`);
      p.push(`<p>进展情况：截至9月底，完成农村公路新改建里程${i}公里，占目标任务的48%。完成${t * 12}个自然村通硬化路，占目标任务的44%。</p>`);
    }
  }
  p.push('<p>2021年10月9日</p>');
  return p.join('');
}

const html = report(150);
const characters = html.replace(/<[^>]+>/g, '').length;
const times: number[] = [];
let rows = 0;
for (let run = 0; run < 5; run++) {
  const started = performance.now();
  const table = understandTable(documentGrid(blocksFromHtml(html)).grid);
  times.push(performance.now() - started);
  rows = table.rows.length;
}
const best = Math.min(...times);
const first = times[0]!;
const ok = first < BUDGET_MS;
console.log(
  `document: ${characters.toLocaleString('en-US')} characters (~${Math.round(characters / 900)} pages), ${rows} rows — ` +
    `first run ${first.toFixed(0)} ms, best ${best.toFixed(0)} ms (budget ${BUDGET_MS} ms) ${ok ? 'OK' : 'OVER BUDGET'}`,
);
process.exitCode = ok ? 0 : 1;
