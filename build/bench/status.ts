/**
 * Status-engine budgets: 10,000 projects with 50,000 indicators under 100 ms (DESIGN §8), 50,000 projects with
 * 250,000 indicators under 400 ms (issue #13), and linear in the number of indicators: the curve at 1k / 10k /
 * 50k projects is printed, and the time per indicator at 50k may be at most LINEAR_SLACK × that at 10k.
 * Run with `npx tsx build/bench/status.ts`; medians of several timed runs; exits 1 when over.
 * Plans are generated from a fixed seed, so every run judges the same data.
 *
 * The heap is collected before each timed run: a run leaves ~75 MB of judgements at 50k that die as the next run
 * starts, and without a collection in between each run pays, at a random point, for marking the previous runs'
 * heap — the spread that made the min–max of one size differ 3× (issue #13). The collection happens outside the
 * timing; everything the run itself allocates, and every collection that causes, is timed.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { defaultPreset, judgePlan, planWindow, ratioPreset } from '../../shared/status';
import { median, ms, reportBudgets, type BudgetLine } from './report';
import { generatePlan } from './status-plan';

/** Projects, with five indicators each on average; and the budget where there is one. */
const CURVE: { projects: number; budgetMs?: number }[] = [{ projects: 1_000 }, { projects: 10_000, budgetMs: 100 }, { projects: 50_000, budgetMs: 400 }];
const LINEAR_SLACK = 1.25;
const WARMUP_RUNS = 5;
const TIMED_RUNS = 15;

/** A full collection, without a command-line flag: the flag set at run time gives gc() to a new context. */
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

const window = planWindow(2021);
const lines: BudgetLine[] = [];
console.log(`status engine, as of 2021-09-30 (median of ${TIMED_RUNS} runs after ${WARMUP_RUNS} warm-up runs, the heap collected before each):`);
for (const preset of [defaultPreset, ratioPreset]) {
  const ctx = { asOf: '2021-09-30', preset, ...window };
  const perIndicator = new Map<number, number>();
  for (const { projects, budgetMs } of CURVE) {
    const plan = generatePlan(projects);
    const indicatorTotal = plan.reduce((sum, p) => sum + p.indicators.length, 0);
    // The previous size's plan and judgements, and this plan's generation, are garbage by now.
    collect();
    for (let i = 0; i < WARMUP_RUNS; i++) judgePlan(plan, ctx);
    const times: number[] = [];
    let tally = new Map<string, number>();
    for (let i = 0; i < TIMED_RUNS; i++) {
      collect();
      const start = performance.now();
      const judged = judgePlan(plan, ctx);
      times.push(performance.now() - start);
      tally = new Map();
      for (const j of judged) tally.set(j.status, (tally.get(j.status) ?? 0) + 1);
    }
    const at = median(times);
    perIndicator.set(projects, at / indicatorTotal);
    const size = `${projects.toLocaleString('en')} projects / ${indicatorTotal.toLocaleString('en')} indicators`;
    console.log(
      `  ${preset.name}, ${size}: ${at.toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}), ` +
        `${((at / indicatorTotal) * 1e6).toFixed(0)} ns per indicator; ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}`,
    );
    if (budgetMs) lines.push({ name: `status ${size} (${preset.name})`, budget: `< ${ms(budgetMs)}`, measured: `${at.toFixed(0)} ms`, ok: at < budgetMs });
  }
  const growth = perIndicator.get(50_000)! / perIndicator.get(10_000)!;
  lines.push({ name: `status per indicator, 50k vs 10k (${preset.name})`, budget: `≤ ${LINEAR_SLACK}× (linear)`, measured: `${growth.toFixed(2)}×`, ok: growth <= LINEAR_SLACK });
}
reportBudgets(lines);
